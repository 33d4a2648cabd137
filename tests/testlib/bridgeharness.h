// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <vector>

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace TestLib {

/**
 * Real bridge processes for end-to-end tests: a temporary directory holding a SQLite database,
 * a free port on 127.0.0.1, one `bittern serve` on both and any number of `bittern-agent poll`
 * processes polling it. Tests seed the database through dbLocation() and check it with
 * scalar(). The destructor always kills every process it started, so a test that fails
 * half-way leaves nothing running. It does not seed builds or write recipes.
 */
class BridgeHarness
{
public:
    /// @p bitternProgram and @p agentProgram are the executables' paths (BITTERN_BIN,
    /// BITTERN_AGENT_BIN in the tests).
    BridgeHarness(const QString &bitternProgram, const QString &agentProgram);
    ~BridgeHarness();
    BridgeHarness(const BridgeHarness &) = delete;
    BridgeHarness &operator=(const BridgeHarness &) = delete;

    /// False when the temporary directory or the port could not be had.
    bool isValid() const;
    QString path() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    /// The --db location of the bridge's SQLite file, "sqlite:PATH".
    QString dbLocation() const;

    /// Starts `bittern serve` with the database, port and data directory plus @p extraArguments
    /// (e.g. --slave-timeout) and waits until it listens; false (with a warning) otherwise.
    /// A serve still running from an earlier call is killed first.
    bool startServe(const QStringList &extraArguments = {});
    /// The last serve process started, null before startServe().
    QProcess *serve() const { return m_serve.get(); }
    /// Starts `bittern-agent poll` named @p name, polling every second, plus @p extraArguments;
    /// its work directory is "agent-NAME" and its output goes to "agent-NAME.log".
    QProcess *startAgent(const QString &name, const QStringList &extraArguments = {});
    QString agentLog(const QString &name) const;
    /// Every agent's log and the serve output not read yet, as warnings (for failed tests).
    void printLogs();

    /// The first column of the first row of @p sql on a read-only connection; -1 on error.
    qint64 scalar(const QString &sql);

    /// Replaces a file atomically, so that a process reading it never sees half of it.
    static bool writeFile(const QString &path, const QByteArray &data);

private:
    static void killProcess(QProcess *process);

    QTemporaryDir m_dir;
    QString m_bitternProgram;
    QString m_agentProgram;
    QString m_connectionName;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_serve;
    std::vector<std::pair<QString, std::unique_ptr<QProcess>>> m_agents;
};

} // namespace TestLib
