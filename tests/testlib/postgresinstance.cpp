// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testlib/postgresinstance.h"

#include <csignal>
#include <pwd.h>
#include <sys/types.h>
#include <unistd.h>

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>

namespace TestLib {

namespace {

bool isRoot()
{
    return ::geteuid() == 0;
}

bool chownToPostgres(const QString &path)
{
    const passwd *user = ::getpwnam("postgres");
    return user != nullptr
            && ::chown(QFile::encodeName(path).constData(), user->pw_uid, user->pw_gid) == 0;
}

} // namespace

PostgresInstance::PostgresInstance() = default;

PostgresInstance::~PostgresInstance()
{
    stop();
}

QString PostgresInstance::binDir()
{
    const QStringList candidates{QStringLiteral("/usr/lib/postgresql/15/bin"),
                                 QStringLiteral("/usr/lib/postgresql/16/bin"),
                                 QStringLiteral("/usr/lib/postgresql/14/bin")};
    for (const QString &dir : candidates) {
        if (QFileInfo(dir + QStringLiteral("/initdb")).isExecutable()
            && QFileInfo(dir + QStringLiteral("/pg_ctl")).isExecutable())
            return dir;
    }
    return QString();
}

int PostgresInstance::freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

bool PostgresInstance::run(const QString &program, const QStringList &arguments, int timeoutMs,
                           QByteArray *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(m_dir.path());
    const QString path = binDir() + QLatin1Char('/') + program;
    if (isRoot())
        process.start(QStringLiteral("runuser"),
                      QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                  QStringLiteral("--"), path}
                              + arguments);
    else
        process.start(path, arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        m_error = QStringLiteral("%1 did not finish: %2").arg(program, process.errorString());
        return false;
    }
    const QByteArray text = process.readAll();
    if (output)
        *output = text;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = QStringLiteral("%1 failed (exit %2): %3")
                          .arg(program)
                          .arg(process.exitCode())
                          .arg(QString::fromLocal8Bit(text).trimmed());
        return false;
    }
    return true;
}

bool PostgresInstance::start()
{
    if (binDir().isEmpty()) {
        m_error = QStringLiteral("PostgreSQL binaries not found under /usr/lib/postgresql/*/bin.");
        return false;
    }
    if (!m_dir.isValid() || (isRoot() && !chownToPostgres(m_dir.path()))) {
        m_error = QStringLiteral("Could not prepare directory %1 for PostgreSQL.")
                          .arg(m_dir.path());
        return false;
    }
    m_dataDir = m_dir.filePath(QStringLiteral("data"));
    if (!run(QStringLiteral("initdb"),
             {QStringLiteral("-D"), m_dataDir, QStringLiteral("-A"), QStringLiteral("trust"),
              QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-E"),
              QStringLiteral("UTF8"), QStringLiteral("--no-sync")},
             120000))
        return false;
    m_port = freePort();
    const QString options
            = QStringLiteral("-h 127.0.0.1 -p %1 -k %2 -F").arg(m_port).arg(m_dir.path());
    m_running = true; // from here on stop() must run, even if start fails half-way
    startWatchdog();
    if (!run(QStringLiteral("pg_ctl"),
             {QStringLiteral("-D"), m_dataDir, QStringLiteral("-l"),
              m_dir.filePath(QStringLiteral("server.log")), QStringLiteral("-o"), options,
              QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
              QStringLiteral("start")},
             60000)) {
        stop();
        return false;
    }
    if (!waitUntilReady()) {
        stop();
        return false;
    }
    return true;
}

void PostgresInstance::startWatchdog()
{
    // "read" returns when our end of its stdin closes: at stop() or when this process dies.
    const QString script = QStringLiteral("read line; exec \"$0\" -D \"$1\" -m immediate stop");
    const QStringList arguments{QStringLiteral("-c"), script, binDir() + QStringLiteral("/pg_ctl"),
                                m_dataDir};
    m_watchdog.setStandardErrorFile(QProcess::nullDevice());
    m_watchdog.setStandardOutputFile(QProcess::nullDevice());
    if (isRoot())
        m_watchdog.start(QStringLiteral("runuser"),
                         QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                     QStringLiteral("--"), QStringLiteral("sh")}
                                 + arguments);
    else
        m_watchdog.start(QStringLiteral("sh"), arguments);
    m_watchdog.waitForStarted(10000);
}

bool PostgresInstance::waitUntilReady()
{
    // pg_isready itself waits up to -t seconds; retry it within a bounded deadline.
    QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired()) {
        if (run(QStringLiteral("pg_isready"),
                {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                 QString::number(m_port), QStringLiteral("-t"), QStringLiteral("5")},
                10000))
            return true;
        QFile log(m_dir.filePath(QStringLiteral("server.log")));
        if (log.open(QIODevice::ReadOnly) && log.readAll().contains("FATAL")) {
            m_error = QStringLiteral("PostgreSQL did not start; see %1.").arg(log.fileName());
            return false;
        }
    }
    m_error = QStringLiteral("PostgreSQL on port %1 did not become ready.").arg(m_port);
    return false;
}

void PostgresInstance::stop()
{
    if (!m_running)
        return;
    m_running = false;
    const QString error = m_error;
    const auto endWatchdog = [this]() {
        m_watchdog.closeWriteChannel();
        if (!m_watchdog.waitForFinished(30000))
            m_watchdog.kill();
        m_watchdog.waitForFinished(5000);
    };
    if (run(QStringLiteral("pg_ctl"),
            {QStringLiteral("-D"), m_dataDir, QStringLiteral("-m"), QStringLiteral("immediate"),
             QStringLiteral("-w"), QStringLiteral("stop")},
            30000)) {
        m_error = error;
        endWatchdog();
        return;
    }
    m_error = error;
    endWatchdog();
    QFile pidFile(m_dataDir + QStringLiteral("/postmaster.pid"));
    if (pidFile.open(QIODevice::ReadOnly)) {
        const pid_t pid = pid_t(pidFile.readLine().trimmed().toLongLong());
        if (pid > 0)
            ::kill(pid, SIGKILL);
    }
}

QString PostgresInstance::url(const QString &database) const
{
    return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2").arg(m_port).arg(database);
}

bool PostgresInstance::runSql(const QString &database, const QString &sql)
{
    QFile script(m_dir.filePath(QStringLiteral("script-%1.sql").arg(database)));
    if (!script.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_error = script.errorString();
        return false;
    }
    script.write(sql.toUtf8());
    script.close();
    if (isRoot())
        chownToPostgres(script.fileName());
    return run(QStringLiteral("psql"),
               {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                QString::number(m_port), QStringLiteral("-U"), QStringLiteral("postgres"),
                QStringLiteral("-d"), database, QStringLiteral("-v"),
                QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-q"), QStringLiteral("-f"),
                script.fileName()},
               60000);
}

bool PostgresInstance::createDatabase(const QString &name)
{
    return runSql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE \"%1\";").arg(name));
}

} // namespace TestLib
