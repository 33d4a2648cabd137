// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testlib/bridgeharness.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>

namespace TestLib {

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

BridgeHarness::BridgeHarness(const QString &bitternProgram, const QString &agentProgram)
    : m_bitternProgram(bitternProgram),
      m_agentProgram(agentProgram),
      m_connectionName(QStringLiteral("bridgeharness-%1").arg(quintptr(this))),
      m_port(freePort())
{ }

BridgeHarness::~BridgeHarness()
{
    for (auto &agent : m_agents)
        killProcess(agent.second.get());
    killProcess(m_serve.get());
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool BridgeHarness::isValid() const
{
    return m_dir.isValid() && m_port != 0;
}

QString BridgeHarness::dbLocation() const
{
    return QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("bridge.db"));
}

bool BridgeHarness::startServe(const QStringList &extraArguments)
{
    killProcess(m_serve.get());
    m_serve = std::make_unique<QProcess>();
    m_serve->setProcessChannelMode(QProcess::MergedChannels);
    m_serve->start(m_bitternProgram,
                   QStringList{QStringLiteral("serve"), QStringLiteral("--db"), dbLocation(),
                               QStringLiteral("--listen"),
                               QStringLiteral("127.0.0.1:%1").arg(m_port),
                               QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data"))}
                           + extraArguments);
    if (!m_serve->waitForStarted())
        return false;
    const QByteArray listening = "listening on";
    QByteArray output;
    QDeadlineTimer deadline(15000);
    while (!output.contains(listening) && !deadline.hasExpired()
           && m_serve->state() == QProcess::Running) {
        m_serve->waitForReadyRead(200);
        output += m_serve->readAll();
    }
    if (!output.contains(listening))
        qWarning("bittern serve did not start: %s", output.constData());
    return output.contains(listening);
}

QProcess *BridgeHarness::startAgent(const QString &name, const QStringList &extraArguments)
{
    const QString work = m_dir.filePath(QStringLiteral("agent-") + name);
    QDir().mkpath(work);
    auto agent = std::make_unique<QProcess>();
    agent->setProcessChannelMode(QProcess::MergedChannels);
    agent->setStandardOutputFile(work + QStringLiteral(".log"));
    agent->start(m_agentProgram,
                 QStringList{QStringLiteral("poll"),
                             QStringLiteral("http://127.0.0.1:%1/builds").arg(m_port),
                             QStringLiteral("--name"), name, QStringLiteral("--interval"),
                             QStringLiteral("1"), QStringLiteral("--keepalive-interval"),
                             QStringLiteral("1"), QStringLiteral("--work-dir"), work,
                             QStringLiteral("--spool-dir"), work + QStringLiteral("/spool")}
                         + extraArguments);
    agent->waitForStarted();
    m_agents.emplace_back(name, std::move(agent));
    return m_agents.back().second.get();
}

QString BridgeHarness::agentLog(const QString &name) const
{
    QFile log(m_dir.filePath(QStringLiteral("agent-%1.log").arg(name)));
    if (!log.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(log.readAll());
}

void BridgeHarness::printLogs()
{
    for (const auto &agent : m_agents)
        qWarning("agent %s:\n%s", qPrintable(agent.first), qPrintable(agentLog(agent.first)));
    if (m_serve)
        qWarning("bittern serve:\n%s", m_serve->readAll().constData());
}

qint64 BridgeHarness::scalar(const QString &sql)
{
    QSqlDatabase db = QSqlDatabase::contains(m_connectionName)
            ? QSqlDatabase::database(m_connectionName)
            : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!db.isOpen()) {
        db.setDatabaseName(m_dir.filePath(QStringLiteral("bridge.db")));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
        if (!db.open())
            return -1;
    }
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return -1;
    const qint64 value = query.value(0).toLongLong();
    query.finish(); // end the read transaction, so the next call sees the server's new writes
    return value;
}

bool BridgeHarness::writeFile(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit();
}

void BridgeHarness::killProcess(QProcess *process)
{
    if (process && process->state() != QProcess::NotRunning) {
        process->kill();
        process->waitForFinished(5000);
    }
}

} // namespace TestLib
