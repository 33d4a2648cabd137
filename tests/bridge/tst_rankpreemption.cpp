// SPDX-License-Identifier: GPL-3.0-or-later
// Rank preemption (issue 8 item 5, "a much better-ranked build waits") with real processes: a
// `bittern serve` with `[server] preempt_rank_margin` on a SQLite file and one
// `bittern-agent poll`. The agent runs build "low" (platform Rank 1); while its step "wait"
// blocks, the test queues build "high" (platform Rank 10) through another connection, as
// `bittern build` would. The agent's next keepalive is answered with a vacate, "low" is
// requeued with its finished steps kept, the agent's next poll gets "high", and afterwards
// "low" resumes at "wait" and succeeds. Without a margin nothing is vacated.
#include <memory>

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

bool writeFile(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit();
}

} // namespace

/// Tests rank preemption through a real bridge and agent.
class tst_RankPreemption : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void betterRankedBuildDisplaces_data();
    void betterRankedBuildDisplaces();

private:
    bool seed();
    bool queue(const QString &config, const QString &revision);
    bool startServe(const QString &margin);
    void startAgent();
    qint64 scalar(const QString &sql);
    QString agentLog() const;
    static void killProcess(QProcess *process);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_serve;
    std::unique_ptr<QProcess> m_agent;
    std::unique_ptr<SqlStore> m_store; ///< the test's own connection
    QString m_dbPath;
    quint16 m_port = 0;
    QHash<QString, qint64> m_platforms;
};

void tst_RankPreemption::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_dbPath = m_dir->filePath("bridge.db");
    m_port = freePort();
    QVERIFY(m_port != 0);
}

void tst_RankPreemption::killProcess(QProcess *process)
{
    if (process && process->state() != QProcess::NotRunning) {
        process->kill();
        process->waitForFinished(5000);
    }
}

void tst_RankPreemption::cleanup()
{
    if (QTest::currentTestFailed()) {
        qWarning("agent:\n%s", qPrintable(agentLog()));
        if (m_serve)
            qWarning("bittern serve:\n%s", m_serve->readAll().constData());
    }
    killProcess(m_agent.get());
    m_agent.reset();
    killProcess(m_serve.get());
    m_serve.reset();
    m_store.reset();
    QSqlDatabase::removeDatabase("rankpreemption-check");
    m_platforms.clear();
    m_dir.reset();
}

bool tst_RankPreemption::seed()
{
    // Not in the recipe: the agent would interpolate the $ signs.
    const QByteArray waitScript = "echo $$ > " + m_dir->filePath("wait.pid").toUtf8()
            + "\nwhile [ ! -f " + m_dir->filePath("marker").toUtf8() + " ]; do sleep 0.05; done\n";
    if (!writeFile(m_dir->filePath("wait.sh"), waitScript))
        return false;
    auto opened = SqlStore::open("sqlite:" + m_dbPath);
    if (!opened) {
        qWarning("%s", qPrintable(opened.error().message));
        return false;
    }
    m_store = std::move(opened).value();
    const QString low = QStringLiteral("<build xmlns:sh=\"http://bitten.edgewall.org/tools/sh\">\n"
                                       "  <step id=\"first\"><sh:exec executable=\"echo\" "
                                       "args=\"one\"/></step>\n"
                                       "  <step id=\"wait\"><sh:exec executable=\"sh\" "
                                       "args=\"%1/wait.sh\"/></step>\n"
                                       "</build>\n")
                                .arg(m_dir->path());
    const QString high = "<build xmlns:sh=\"http://bitten.edgewall.org/tools/sh\">\n"
                         "  <step id=\"quick\"><sh:exec executable=\"echo\" args=\"hi\"/></step>\n"
                         "</build>\n";
    for (const auto &[name, recipe, rank] : {std::tuple{QString("low"), low, QString("1")},
                                             std::tuple{QString("high"), high, QString("10")}}) {
        Configuration config;
        config.name = name;
        config.path = name;
        config.active = true;
        config.recipe = recipe.toUtf8();
        if (!m_store->saveConfiguration(config))
            return false;
        const auto platform = m_store->savePlatform(TargetPlatform{0, name, "any", {}});
        if (!platform || !m_store->setPlatformMatch(platform.value(), {"", rank}))
            return false;
        m_platforms.insert(name, platform.value());
    }
    return true;
}

bool tst_RankPreemption::queue(const QString &config, const QString &revision)
{
    Build build;
    build.config = config;
    build.revision = revision;
    build.revisionTime = 1700000000;
    build.platform = m_platforms.value(config);
    return bool(m_store->enqueueBuild(build));
}

bool tst_RankPreemption::startServe(const QString &margin)
{
    const QString ini = m_dir->filePath("bittern.ini");
    if (!writeFile(ini,
                   margin.isEmpty() ? QByteArray("[server]\n")
                                    : "[server]\npreempt_rank_margin = " + margin.toUtf8() + "\n"))
        return false;
    m_serve = std::make_unique<QProcess>();
    m_serve->setProcessChannelMode(QProcess::MergedChannels);
    m_serve->start(BITTERN_BIN,
                   {"serve", "--config", ini, "--db", "sqlite:" + m_dbPath, "--listen",
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

void tst_RankPreemption::startAgent()
{
    const QString work = m_dir->filePath("agent");
    QDir().mkpath(work);
    m_agent = std::make_unique<QProcess>();
    m_agent->setProcessChannelMode(QProcess::MergedChannels);
    m_agent->setStandardOutputFile(work + ".log");
    m_agent->start(BITTERN_AGENT_BIN,
                   {"poll", QStringLiteral("http://127.0.0.1:%1/builds").arg(m_port), "--name",
                    "worker", "--interval", "1", "--keepalive-interval", "1", "--work-dir", work,
                    "--spool-dir", work + "/spool"});
    m_agent->waitForStarted();
}

QString tst_RankPreemption::agentLog() const
{
    QFile log(m_dir->filePath("agent.log"));
    log.open(QIODevice::ReadOnly);
    return QString::fromUtf8(log.readAll());
}

qint64 tst_RankPreemption::scalar(const QString &sql)
{
    QSqlDatabase db = QSqlDatabase::contains("rankpreemption-check")
            ? QSqlDatabase::database("rankpreemption-check")
            : QSqlDatabase::addDatabase("QSQLITE", "rankpreemption-check");
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
    query.finish();
    return value;
}

void tst_RankPreemption::betterRankedBuildDisplaces_data()
{
    QTest::addColumn<QString>("margin"); // "" = not configured
    QTest::addColumn<bool>("expectVacate");
    QTest::addRow("margin 5, rank 10 against 1: vacate") << "5" << true;
    QTest::addRow("no margin: the running build finishes first") << "" << false;
}

void tst_RankPreemption::betterRankedBuildDisplaces()
{
    QFETCH(QString, margin);
    QFETCH(bool, expectVacate);
    QVERIFY(seed());
    QVERIFY(queue("low", "1"));
    QVERIFY(startServe(margin));
    startAgent();
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_dir->filePath("wait.pid")), 20000);
    QCOMPARE(scalar("SELECT COUNT(*) FROM build WHERE config = 'low' AND status = 'I'"), qint64(1));
    QVERIFY(queue("high", "2")); // another connection, as `bittern build` would
    if (expectVacate) {
        QTRY_COMPARE_WITH_TIMEOUT(scalar("SELECT preemptions FROM build WHERE config = 'low'"),
                                  qint64(1), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(scalar("SELECT COUNT(*) FROM build WHERE config = 'high' AND "
                                         "status = 'S' AND slave = 'worker'"),
                                  qint64(1), 20000);
        // "low" waited in the queue with its finished step kept.
        QCOMPARE(scalar("SELECT COUNT(*) FROM build WHERE config = 'low' AND status = 'S'"),
                 qint64(0));
        QVERIFY2(agentLog().contains("the master asked for it (build"), qPrintable(agentLog()));
    } else {
        // Two keepalives after the queuing pass (a vacate would be answered to the first).
        const qint64 queuedAt = scalar("SELECT CAST(strftime('%s', 'now') AS INTEGER)");
        QVERIFY(queuedAt > 0);
        QTRY_VERIFY_WITH_TIMEOUT(scalar("SELECT last_activity FROM build WHERE config = 'low'")
                                         >= queuedAt + 2,
                                 20000);
        QCOMPARE(scalar("SELECT preemptions FROM build WHERE config = 'low'"), qint64(0));
        QCOMPARE(scalar("SELECT COUNT(*) FROM build WHERE config = 'high' AND status = 'P'"),
                 qint64(1));
    }
    QVERIFY(writeFile(m_dir->filePath("marker"), "go"));
    QTRY_COMPARE_WITH_TIMEOUT(scalar("SELECT COUNT(*) FROM build WHERE status = 'S'"), qint64(2),
                              30000);
    QCOMPARE(scalar("SELECT preemptions FROM build WHERE config = 'low'"),
             qint64(expectVacate ? 1 : 0));
    // Every step of both builds stored exactly once.
    QCOMPARE(scalar("SELECT COUNT(*) FROM step WHERE status = 'S'"), qint64(3));
    QCOMPARE(scalar("SELECT COUNT(*) FROM step"), qint64(3));
}

QTEST_GUILESS_MAIN(tst_RankPreemption)
#include "tst_rankpreemption.moc"
