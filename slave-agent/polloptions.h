// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

#include "core/result.h"
#include "slave-agent/options.h"

namespace Agent {

/// Whether the poll loop ends after one build / when no build is pending.
enum class PollLoop {
    Forever,
    Single, ///< -s, --single: exit after one build
    UntilIdle, ///< --no-loop: exit as soon as a poll returns no build
};

/// The parsed command line of `bittern-agent poll` (bitten-slave's options, bitten-spec §6.1).
struct PollOptions
{
    QStringList urls; ///< master URLs, "/builds" appended when missing
    QString configFile; ///< -f, --config
    QString name; ///< --name; empty: host name up to the first '.', lower-cased
    QString workDir; ///< -d, --work-dir
    QString buildDirPattern = QStringLiteral("build_${config}_${build}");
    KeepFiles keepFiles = KeepFiles::No;
    PollLoop loop = PollLoop::Forever;
    int intervalSeconds = 300; ///< -i, --interval
    int keepaliveSeconds = 60; ///< -b, --keepalive-interval
    QString spoolDir; ///< --spool-dir: undelivered step results; empty: inside the work dir
    QString user; ///< -u, --user
    QString password; ///< -p, --password
    QVector<QPair<QString, QString>> properties; ///< -D name=value
    bool help = false;
};

/// Parses `bittern-agent poll …` (the arguments after "poll"); pure.
Core::Result<PollOptions> parsePollOptions(const QStringList &arguments);
/// The builds URL of a master URL: "/builds" appended unless present (0.6.1 behaviour).
QString buildsUrl(const QString &url);

} // namespace Agent
