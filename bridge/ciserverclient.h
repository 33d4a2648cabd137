// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVector>

#include "bridge/cioptions.h"
#include "bridge/subcommands.h"
#include "recipe-translator/configuration.h"

class QTextStream;

namespace Bridge {

/// One Bitten configuration to push, and the folder it belongs in ("" = the top level).
struct CiConfiguration
{
    QString folder; ///< e.g. the Trac environment it was imported from
    Translator::Configuration configuration;
};

/// Where a push or run writes: @c out gets the console and the summary, @c err the progress.
struct CiOutput
{
    QTextStream &out;
    QTextStream &err;
};

/**
 * The seam between `bittern push|run` and a CI server (HOUSE-STYLE rule 25): one
 * implementation per `--ci` scheme (JenkinsBackend for jenkins+http(s)://; Buildbot's for
 * buildbot+http://). Calls block until done (they run their own event loop) and return the
 * exit code; tests drive the asynchronous jobs behind them directly.
 */
class CiServerClient
{
public:
    virtual ~CiServerClient() = default;
    /// Creates or updates one job per configuration (folders as needed).
    virtual ExitCode push(const CiOptions &options, const QVector<CiConfiguration> &configurations,
                          const CiOutput &output)
            = 0;
    /// Triggers @c options.configuration, follows its console and prints the summary.
    virtual ExitCode run(const CiOptions &options, const CiOutput &output) = 0;
};

} // namespace Bridge
