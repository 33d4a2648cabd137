// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

#include "bridge/cioptions.h"

namespace Bridge {

/**
 * `bittern push --ci buildbot+…`: translates each recipe to a Buildbot data file in the
 * master's data directory (atomically), reconfigures the master (`buildbot reconfig` with
 * --master-dir, else the plugin's watcher does it) and waits until the builders are listed.
 */
class BuildbotPush
{
public:
    static int run(const CiOptions &options, QTextStream &out, QTextStream &err);
    /// The builder names a data file declares.
    static QStringList builderNames(const QByteArray &dataFile);
};

} // namespace Bridge
