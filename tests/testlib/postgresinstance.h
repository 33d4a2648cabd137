// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace TestLib {

/**
 * A throwaway PostgreSQL server for tests: Debian's PostgreSQL 15 binaries, a cluster in a
 * temporary directory, listening on 127.0.0.1 and a free port with trust authentication for
 * user "postgres". As root, every server process runs as the "postgres" system user. The
 * destructor always stops the server (pg_ctl stop -m immediate, then SIGKILL); should the test
 * process die first, a watchdog blocked on a pipe from it sees end-of-file and stops the server.
 */
class PostgresInstance
{
public:
    PostgresInstance();
    ~PostgresInstance();
    PostgresInstance(const PostgresInstance &) = delete;
    PostgresInstance &operator=(const PostgresInstance &) = delete;

    /// Directory of initdb/pg_ctl, empty when PostgreSQL is not installed.
    static QString binDir();
    /// initdb, start and wait until the server accepts connections; false with errorString().
    bool start();
    void stop();
    bool isRunning() const { return m_running; }
    QString errorString() const { return m_error; }
    int port() const { return m_port; }
    /// "postgresql://postgres@127.0.0.1:PORT/DATABASE".
    QString url(const QString &database = QStringLiteral("postgres")) const;
    /// Creates an empty database; false with errorString().
    bool createDatabase(const QString &name);
    /// Runs an SQL script with psql in @p database; false with errorString().
    bool runSql(const QString &database, const QString &sql);

private:
    bool run(const QString &program, const QStringList &arguments, int timeoutMs,
             QByteArray *output = nullptr);
    bool waitUntilReady();
    void startWatchdog();
    static int freePort();

    QTemporaryDir m_dir;
    QProcess m_watchdog;
    QString m_dataDir;
    int m_port = 0;
    bool m_running = false;
    QString m_error;
};

} // namespace TestLib
