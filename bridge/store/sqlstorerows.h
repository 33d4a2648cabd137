// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlQuery>
#include <QString>

#include "bridge/store/storetypes.h"

// Column lists and row mappers shared by the SqlStore source files.

namespace Bridge {
namespace SqlRows {

/// Columns read by buildFrom(), in order.
QString buildColumns();
Build buildFrom(const QSqlQuery &query, int first = 0);

} // namespace SqlRows
} // namespace Bridge
