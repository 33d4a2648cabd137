// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include "core/result.h"

namespace Bridge {

/// The parsed command line of `bittern build CONFIG [--rev R]`.
struct BuildOptions
{
    QString config;
    QString revision; ///< --rev; empty: the youngest revision of the path in --repo
    QString repository; ///< --repo git:PATH | svn:URL | hg:PATH
    QString requestId; ///< --request-id: repeating it queues nothing new
    QString database; ///< --db (default $BITTERN_DB or sqlite:bittern.db)
    bool help = false;
};

/// `bittern build` options from its arguments ("build", …) (pure).
Core::Result<BuildOptions> parseBuildOptions(const QStringList &arguments);

/// `bittern build CONFIG [--rev R]`: queues the revision on every platform of the
/// configuration; returns the exit code.
int runBuild(const QStringList &arguments);

} // namespace Bridge
