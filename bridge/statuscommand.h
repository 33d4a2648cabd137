// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include "bridge/store/storetypes.h"
#include "core/result.h"

namespace Bridge {

/// The parsed command line of `bittern status [BUILD]`.
struct StatusOptions
{
    qint64 build = 0; ///< 0: list recent builds
    QString config; ///< --config: list only this configuration's builds
    int limit = 20; ///< --limit
    QString database; ///< --db (default $BITTERN_DB or sqlite:bittern.db)
    bool help = false;
};

/// `bittern status` options from its arguments ("status", …) (pure).
Core::Result<StatusOptions> parseStatusOptions(const QStringList &arguments);

/// The build list as a table (pure); @p platforms maps platform ids to names.
QString formatBuildList(const QVector<Build> &builds, const QHash<qint64, QString> &platforms);
/// One build with its steps and errors (pure).
QString formatBuildDetail(const BuildDetail &detail);
/// "pending", "in progress", "success", "failure".
QString statusName(BuildStatus status);

/// `bittern status [BUILD]`: recent builds, or one build; exit 1 when that build failed.
int runStatus(const QStringList &arguments);

} // namespace Bridge
