// SPDX-License-Identifier: GPL-3.0-or-later
// Preemption with resume (issue 8 item 5) with real processes: a `bittern serve` on a SQLite
// file and two `bittern-agent poll` processes. The first agent's owner policy (PREEMPT on an
// INI property the test rewrites) flips while step "wait" runs: the step's process group is
// stopped, the step is reported as preempted, and the build is requeued with its finished
// steps kept. The second agent resumes it at "wait", re-running the setup step "checkout"
// only; every step is stored exactly once and the build succeeds.
#include <csignal>
#include <memory>
#include <vector>

#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QtTest>

#include "bridge/store/sqlstore.h"

using namespace Bridge;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QByteArray agentIni(const QString &present)
{
    return QStringLiteral("[owner]\n"
                          "present = %1\n"
                          "[bittern]\n"
                          "start = owner_present =!= \"yes\"\n"
                          "preempt = owner_present == \"yes\"\n"
                          "policy_interval = 0.1\n")
            .arg(present)
            .toUtf8();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    // Replaced atomically, so that the agent never reads half a file or none.
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit();
}

QStringList lines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
}

} // namespace

class tst_Preemption : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void ownerPolicyFlipsMidBuild();

private:
    QByteArray recipe() const;
    bool seed();
    bool startServe();
    QProcess *startAgent(const QString &name, const QString &config);
    qint64 scalar(const QString &sql);
    QString agentLog(const QString &name) const;
    static void killProcess(QProcess *process);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_serve;
    std::vector<std::unique_ptr<QProcess>> m_agents;
    QString m_dbPath;
    quint16 m_port = 0;
};

void tst_Preemption::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_dbPath = m_dir->filePath("bridge.db");
    m_port = freePort();
    QVERIFY(m_port != 0);
}

void tst_Preemption::killProcess(QProcess *process)
{
    if (process && process->state() != QProcess::NotRunning) {
        process->kill();
        process->waitForFinished(5000);
    }
}

void tst_Preemption::cleanup()
{
    if (QTest::currentTestFailed()) {
        for (const char *name : {"owner", "rescuer"})
            qWarning("agent %s:\n%s", name, qPrintable(agentLog(name)));
        if (m_serve)
            qWarning("bittern serve:\n%s", m_serve->readAll().constData());
    }
    for (auto &agent : m_agents)
        killProcess(agent.get());
    m_agents.clear();
    killProcess(m_serve.get());
    m_serve.reset();
    QSqlDatabase::removeDatabase("preemption-check");
    m_dir.reset();
}

QByteArray tst_Preemption::recipe() const
{
    // checkout: a setup step (it builds the workspace, a file in the build directory);
    // prepare: runs once; wait: needs the workspace and blocks until the marker exists.
    const QString dir = m_dir->path();
    return QStringLiteral(
                   "<build xmlns:sh=\"http://bitten.edgewall.org/tools/sh\"\n"
                   "       xmlns:bittern=\"https://bittern.dev/recipe\">\n"
                   "  <step id=\"checkout\" bittern:setup=\"true\">\n"
                   "    <sh:exec executable=\"sh\" args=\"-c 'touch workspace; echo checkout "
                   ">> %1/setup.log'\"/>\n"
                   "  </step>\n"
                   "  <step id=\"prepare\">\n"
                   "    <sh:exec executable=\"sh\" args=\"-c 'echo prepare >> %1/prepare.log'\"/>\n"
                   "  </step>\n"
                   "  <step id=\"wait\">\n"
                   "    <sh:exec executable=\"sh\" args=\"%1/wait.sh\"/>\n"
                   "  </step>\n"
                   "  <step id=\"final\"><sh:exec executable=\"echo\" args=\"done\"/></step>\n"
                   "</build>\n")
            .arg(dir)
            .toUtf8();
}

bool tst_Preemption::seed()
{
    // Not in the recipe: the agent would interpolate the $ signs.
    const QByteArray waitScript = "echo $$ > " + m_dir->filePath("wait.pid").toUtf8()
            + "\nwhile [ ! -f " + m_dir->filePath("marker").toUtf8()
            + " ]; do sleep 0.05; done\ntest -f workspace\n";
    if (!writeFile(m_dir->filePath("wait.sh"), waitScript))
        return false;
    auto opened = SqlStore::open("sqlite:" + m_dbPath);
    if (!opened) {
        qWarning("%s", qPrintable(opened.error().message));
        return false;
    }
    std::unique_ptr<SqlStore> store = std::move(opened).value();
    Configuration config;
    config.name = "demo";
    config.label = "demo";
    config.path = "trunk";
    config.active = true;
    config.recipe = recipe();
    if (!store->saveConfiguration(config))
        return false;
    TargetPlatform platform;
    platform.config = config.name;
    platform.name = "any";
    auto platformId = store->savePlatform(platform);
    if (!platformId)
        return false;
    Build build;
    build.config = config.name;
    build.revision = "7";
    build.revisionTime = 1700000000;
    build.platform = platformId.value();
    return bool(store->enqueueBuild(build));
}

bool tst_Preemption::startServe()
{
    m_serve = std::make_unique<QProcess>();
    m_serve->setProcessChannelMode(QProcess::MergedChannels);
    m_serve->start(BITTERN_BIN,
                   {"serve", "--db", "sqlite:" + m_dbPath, "--listen",
                    QStringLiteral("127.0.0.1:%1").arg(m_port), "--slave-timeout", "3600",
                    "--data-dir", m_dir->filePath("data")});
    if (!m_serve->waitForStarted())
        return false;
    QByteArray output;
    QDeadlineTimer deadline(15000);
    while (!output.contains("listening on") && !deadline.hasExpired()
           && m_serve->state() == QProcess::Running) {
        m_serve->waitForReadyRead(200);
        output += m_serve->readAll();
    }
    if (!output.contains("listening on"))
        qWarning("bittern serve did not start: %s", output.constData());
    return output.contains("listening on");
}

QProcess *tst_Preemption::startAgent(const QString &name, const QString &config)
{
    const QString work = m_dir->filePath("agent-" + name);
    QDir().mkpath(work);
    QStringList arguments{"poll",
                          QStringLiteral("http://127.0.0.1:%1/builds").arg(m_port),
                          "--name",
                          name,
                          "--interval",
                          "1",
                          "--keepalive-interval",
                          "1",
                          "--work-dir",
                          work,
                          "--spool-dir",
                          work + "/spool"};
    if (!config.isEmpty())
        arguments << "-f" << config;
    auto agent = std::make_unique<QProcess>();
    agent->setProcessChannelMode(QProcess::MergedChannels);
    agent->setStandardOutputFile(work + ".log");
    agent->start(BITTERN_AGENT_BIN, arguments);
    agent->waitForStarted();
    m_agents.push_back(std::move(agent));
    return m_agents.back().get();
}

QString tst_Preemption::agentLog(const QString &name) const
{
    QFile log(m_dir->filePath("agent-" + name + ".log"));
    log.open(QIODevice::ReadOnly);
    return QString::fromUtf8(log.readAll());
}

qint64 tst_Preemption::scalar(const QString &sql)
{
    QSqlDatabase db = QSqlDatabase::contains("preemption-check")
            ? QSqlDatabase::database("preemption-check")
            : QSqlDatabase::addDatabase("QSQLITE", "preemption-check");
    if (!db.isOpen()) {
        db.setDatabaseName(m_dbPath);
        db.setConnectOptions("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000");
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

void tst_Preemption::ownerPolicyFlipsMidBuild()
{
    QVERIFY(seed());
    QVERIFY(startServe());
    const QString ownerIni = m_dir->filePath("owner.ini");
    QVERIFY(writeFile(ownerIni, agentIni("no")));
    QProcess *owner = startAgent("owner", ownerIni);

    // "checkout" and "prepare" are stored; "wait" runs on the owner's machine.
    QTRY_COMPARE_WITH_TIMEOUT(scalar("SELECT COUNT(*) FROM step WHERE status = 'S' AND name IN "
                                     "('checkout', 'prepare')"),
                              qint64(2), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!lines(m_dir->filePath("wait.pid")).isEmpty(), 20000);
    bool numeric = false;
    const qint64 waitPid = lines(m_dir->filePath("wait.pid")).value(0).toLongLong(&numeric);
    QVERIFY2(numeric, qPrintable(lines(m_dir->filePath("wait.pid")).join(" ")));
    QCOMPARE(::kill(pid_t(waitPid), 0), 0);

    // The owner comes back: PREEMPT becomes TRUE.
    QVERIFY(writeFile(ownerIni, agentIni("yes")));
    QTRY_COMPARE_WITH_TIMEOUT(scalar("SELECT preemptions FROM build"), qint64(1), 20000);
    QCOMPARE(scalar("SELECT COUNT(*) FROM build WHERE status = 'P' AND slave = ''"), qint64(1));
    QCOMPARE(scalar("SELECT COUNT(*) FROM step"), qint64(2)); // finished steps kept
    QTRY_VERIFY_WITH_TIMEOUT(::kill(pid_t(waitPid), 0) != 0, 10000); // the group was stopped
    QVERIFY2(owner->state() == QProcess::Running, qPrintable(agentLog("owner")));
    QVERIFY2(agentLog("owner").contains("Step wait preempted: the owner policy's PREEMPT "
                                        "expression is TRUE."),
             qPrintable(agentLog("owner")));

    // Another agent resumes the build at "wait"; only the setup step runs again.
    QVERIFY(writeFile(m_dir->filePath("marker"), "go"));
    startAgent("rescuer", QString());
    QTRY_COMPARE_WITH_TIMEOUT(scalar("SELECT COUNT(*) FROM build WHERE status = 'S' "
                                     "AND slave = 'rescuer'"),
                              qint64(1), 30000);
    QCOMPARE(lines(m_dir->filePath("setup.log")), QStringList({"checkout", "checkout"}));
    QCOMPARE(lines(m_dir->filePath("prepare.log")), QStringList({"prepare"}));
    QCOMPARE(scalar("SELECT COUNT(*) FROM step"), qint64(4));
    QCOMPARE(scalar("SELECT COUNT(DISTINCT name) FROM step WHERE status = 'S' AND name IN "
                    "('checkout', 'prepare', 'wait', 'final')"),
             qint64(4));
    // The re-posted setup step was acknowledged, not stored again: one log per step at most.
    QCOMPARE(scalar("SELECT COUNT(*) FROM (SELECT step FROM log GROUP BY step HAVING COUNT(*) "
                    "> 1)"),
             qint64(0));
    QCOMPARE(scalar("SELECT COUNT(*) FROM log WHERE step = 'final'"), qint64(1));
    QCOMPARE(scalar("SELECT preemptions FROM build"), qint64(1));
    QVERIFY2(owner->state() == QProcess::Running, qPrintable(agentLog("owner")));
    // The owner's agent keeps running but takes no build while START is FALSE.
    QTRY_VERIFY2_WITH_TIMEOUT(agentLog("owner").contains("The owner policy's START expression is "
                                                         "not TRUE; no builds taken."),
                              qPrintable(agentLog("owner")), 10000);
    QCOMPARE(owner->state(), QProcess::Running);
}

QTEST_GUILESS_MAIN(tst_Preemption)
#include "tst_preemption.moc"
