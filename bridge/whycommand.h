// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>
#include <QVector>

#include "core/classad.h"
#include "core/result.h"

namespace Bridge {

class Store;

/**
 * `bittern why BUILD`: explains, clause by clause and agent by agent, why a build is not
 * running (Explain). The build and the agents come either from ad files —
 * `--job-ad FILE` (the build's job ad) and `--agents DIR` (one machine ad per `*.ad` file) —
 * or from the bridge's store (`--db LOCATION`), where the job ad is made as `bittern serve`
 * makes it (StoreAds: the configuration's and platform's stored requirements and rank and the
 * platform's Bitten rules) and each agent's ad is the machine ad it sent with its last poll
 * (requirements, rank and owner policy included), or, for a plain Bitten slave, one made from
 * the properties it last sent.
 */
class WhyCommand
{
public:
    struct Options
    {
        qint64 buildId = 0;
        QString jobAdFile;
        QString agentsDir;
        QString database;
        qint64 currentTime = 0; ///< --time; 0 = now
        bool helpRequested = false;
    };
    struct Inputs
    {
        Core::ClassAd job;
        QVector<Core::ClassAd> agents;
    };

    /// Parses the arguments after the subcommand name (arguments.first() is "why").
    static Core::Result<Options> parseOptions(const QStringList &arguments);
    /// Reads the job ad and the agents' ads from files.
    static Core::Result<Inputs> readAdFiles(const Options &options);
    /// Reads the build, its platform and the agents from @p store.
    static Core::Result<Inputs> readStore(Store &store, qint64 buildId);
    static QString helpText();
};

/// `bittern why`: parses @p arguments and runs; returns the process exit code.
int runWhy(const QStringList &arguments);

} // namespace Bridge
