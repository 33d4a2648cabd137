// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include "core/result.h"

namespace Bridge {

class BridgeConfig;

/// The parsed command line of `bittern serve`.
struct ServeOptions
{
    QString database; ///< --db: sqlite:PATH, PATH, :memory: or postgresql://…
    QHostAddress address = QHostAddress::LocalHost; ///< --listen HOST:PORT
    quint16 port = 8080;
    QString tlsCertificate; ///< --tls-cert FILE (PEM)
    QString tlsKey; ///< --tls-key FILE (PEM)
    qint64 slaveTimeout = 3600; ///< --slave-timeout SECONDS (0 disables)
    QString usersFile; ///< --users FILE: slave credentials; none = anonymous slaves
    QString dataDir; ///< --data-dir DIR: attachments
    QString publicUrl; ///< --public-url URL: base of the Location URLs sent to slaves
    QString apiTokensFile; ///< --api-tokens FILE (default $BITTERN_API_TOKENS): REST API tokens
    QString repository; ///< --repo git:URL|svn:URL|hg:URL: polled for new revisions
    qint64 pollInterval = 60; ///< --poll-interval SECONDS: least time between two pollings
    qint64 matchInterval = 30; ///< --match-interval SECONDS: full matchmaking passes (0: none)
    /// --preempt-rank-margin NUMBER or [server] preempt_rank_margin (issue 8 item 5); unset: never
    std::optional<double> preemptRankMargin;
    QString configFile; ///< --config FILE: the bridge configuration read before the options
    bool buildAll = false; ///< [bitten] build_all of the configuration file
    qint64 stabilizeWait = 0; ///< [bitten] stabilize_wait of the configuration file
    bool help = false;
};

/// `bittern serve` options (pure); usage errors are InvalidArgument.
Core::Result<ServeOptions> parseServeOptions(const QStringList &arguments);
/// As above, starting from the values of a configuration file: options given in @p arguments
/// win over @p config, which wins over $BITTERN_DB / $BITTERN_API_TOKENS and the defaults.
Core::Result<ServeOptions> parseServeOptions(const QStringList &arguments,
                                             const BridgeConfig &config);
/// The FILE of `--config FILE` / `--config=FILE` in @p arguments; empty when not given.
QString serveConfigFile(const QStringList &arguments);

/// `bittern serve …`: runs the bridge until SIGTERM/SIGINT; returns the exit code.
int runServe(const QStringList &arguments);

} // namespace Bridge
