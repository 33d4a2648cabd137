// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include "bridge/store/storetypes.h"

// Column lists and row mappers shared by the SqlStore source files.

namespace Bridge {
namespace SqlRows {

/// Columns read by buildFrom(), in order.
QString buildColumns();
Build buildFrom(const QSqlQuery &query, int first = 0);

/// config.setup_steps (migration 0004): the ids joined with commas, '' for none.
QString setupStepsText(const QStringList &steps);
QStringList setupStepsFrom(const QString &text);

} // namespace SqlRows
} // namespace Bridge
