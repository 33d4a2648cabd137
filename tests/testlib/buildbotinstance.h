// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QPair>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>
#include <QVector>

namespace TestLib {

/**
 * A real Buildbot master and worker (Debian's buildbot 3.7, run by /usr/bin/python3) on
 * 127.0.0.1 free ports in a QTemporaryDir, with the Bittern plugin and the stub www on
 * PYTHONPATH and the master configured by bittern_buildbot.configure() over dataDir(). start()
 * waits (bounded, by polling REST) until the worker is connected; the destructor always stops
 * both, killing them through twistd.pid when a graceful stop hangs.
 */
class BuildbotInstance
{
public:
    struct Options
    {
        QString user = QStringLiteral("bittern");
        QString password = QStringLiteral("bittern-pass");
        /// Worker properties (Bitten platform rules match them).
        QVector<QPair<QString, QString>> workerProperties{
                {QStringLiteral("os"), QStringLiteral("Linux")},
                {QStringLiteral("family"), QStringLiteral("posix")}};
        /// Shell text of the `bittern-agent` found first on the worker's PATH (empty: none).
        QString agentScript;
        /// Extra master.cfg text appended at the end (e.g. more builders).
        QString extraConfig;
        double watchIntervalSeconds = 0.3;
        int maxBuilds = 2;
    };

    BuildbotInstance();
    ~BuildbotInstance();
    BuildbotInstance(const BuildbotInstance &) = delete;
    BuildbotInstance &operator=(const BuildbotInstance &) = delete;

    /// Creates and starts master and worker; an empty string on success, else why not.
    QString start(const Options &options);
    void stop();

    QUrl url() const { return m_url; }
    QString user() const { return m_options.user; }
    QString password() const { return m_options.password; }
    QString masterDir() const;
    QString workerDir() const;
    QString dataDir() const;
    QString binDir() const;
    QString masterLog() const;

    /// Anonymous GET of an /api/v2 path; empty on failure.
    QByteArray get(const QString &path) const;
    /// Waits (bounded) until every named builder is listed; false on timeout.
    bool waitForBuilders(const QStringList &names, int timeoutMs = 20000) const;
    /// Waits (bounded) until the worker's connection state is @p connected.
    bool waitForWorker(bool connected, int timeoutMs = 30000) const;
    /// SIGKILLs the worker process (a worker lost mid-build).
    bool killWorker();
    /// Starts the worker again after killWorker().
    QString startWorker();

    /// /usr/bin/python3 and the Buildbot scripts it runs.
    static bool isAvailable();

private:
    QString run(const QStringList &arguments, const QString &what, int timeoutMs = 60000) const;
    QString writeMasterConfig();
    void stopPid(const QString &dir);

    QTemporaryDir m_dir;
    Options m_options;
    QUrl m_url;
    int m_pbPort = 0;
    bool m_started = false;
};

} // namespace TestLib
