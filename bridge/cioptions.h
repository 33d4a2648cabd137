// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

#include "core/result.h"
#include "recipe-translator/enums.h"

namespace Bridge {

/**
 * The options of `bittern push|run --ci URL …`, parsed without I/O. The URL's scheme names the
 * CI server kind (`buildbot+http://`, `buildbot+https://`, `jenkins+…`); user and password
 * come from the URL or from $BITTERN_CI_USER / $BITTERN_CI_PASSWORD (passed in @p environment).
 */
struct CiOptions
{
    enum class Action {
        Push,
        Run,
    };
    enum class Server {
        Buildbot,
        Jenkins,
    };

    Action action = Action::Push;
    Server server = Server::Buildbot;
    QUrl url; ///< the server's own URL (http/https), without user and password
    QString user;
    QString password;
    QStringList configurations; ///< push: recipe files; run: one configuration name or recipe
    QString dataDir; ///< push: where the master reads data files
    QString masterDir; ///< push: run `buildbot reconfig` on this master directory
    Translator::StrategyChoice strategy = Translator::StrategyChoice::Auto;
    QString revision;
    QString platform;
    QString requestId;
    QString database; ///< --db STORE: the bridge's store that records jobs and builds (or none)
    QString scheduler = QStringLiteral("bittern");
    int timeoutSeconds = 0; ///< 0: the action's default
    QString credentialsFile; ///< Jenkins: --credentials FILE (mode 0600), else the environment
    QString folder; ///< Jenkins push: --folder, parent folder of every job pushed
    QString jenkinsLibrary; ///< Jenkins push: --jenkins-library NAME[@VERSION] (empty: none)
    bool help = false;

    /// Parses the arguments after `bittern` (arguments.first() is "push" or "run").
    static Core::Result<CiOptions> parse(const QStringList &arguments, const QString &envUser,
                                         const QString &envPassword);
    static QString helpText(Action action);
};

} // namespace Bridge
