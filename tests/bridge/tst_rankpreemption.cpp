// SPDX-License-Identifier: GPL-3.0-or-later
// Rank preemption (issue 8 item 5, "a much better-ranked build waits") with real processes: a
// `bittern serve` with `[server] preempt_rank_margin` on a SQLite file and one
// `bittern-agent poll`. The agent runs build "low" (platform Rank 1); while its step "wait"
// blocks, the test queues build "high" (platform Rank 10) through another connection, as
// `bittern build` would. The agent's next keepalive is answered with a vacate, "low" is
// requeued with its finished steps kept, the agent's next poll gets "high", and afterwards
// "low" resumes at "wait" and succeeds. Without a margin nothing is vacated.
#include <memory>

#include <QtTest>

#include "tests/bridge/processtestsupport.h"

using namespace Bridge;
using TestLib::BridgeHarness;

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

    std::unique_ptr<BridgeHarness> m_bridge;
    std::unique_ptr<SqlStore> m_store; ///< the test's own connection
    QHash<QString, qint64> m_platforms;
};

void tst_RankPreemption::init()
{
    m_bridge = std::make_unique<BridgeHarness>(BITTERN_BIN, BITTERN_AGENT_BIN);
    QVERIFY(m_bridge->isValid());
}

void tst_RankPreemption::cleanup()
{
    if (QTest::currentTestFailed())
        m_bridge->printLogs();
    m_store.reset();
    m_bridge.reset();
    m_platforms.clear();
}

bool tst_RankPreemption::seed()
{
    m_store = openStore(m_bridge->dbLocation());
    if (!m_store || !writeWaitScript(*m_bridge))
        return false;
    const QString low = QStringLiteral("<build xmlns:sh=\"http://bitten.edgewall.org/tools/sh\">\n"
                                       "  <step id=\"first\"><sh:exec executable=\"echo\" "
                                       "args=\"one\"/></step>\n"
                                       "  <step id=\"wait\"><sh:exec executable=\"sh\" "
                                       "args=\"%1/wait.sh\"/></step>\n"
                                       "</build>\n")
                                .arg(m_bridge->path());
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
    const QString ini = m_bridge->filePath("bittern.ini");
    if (!BridgeHarness::writeFile(
                ini,
                margin.isEmpty() ? QByteArray("[server]\n")
                                 : "[server]\npreempt_rank_margin = " + margin.toUtf8() + "\n"))
        return false;
    return m_bridge->startServe({"--config", ini, "--slave-timeout", "3600"});
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
    m_bridge->startAgent("worker");
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_bridge->filePath("wait.pid")), 20000);
    QCOMPARE(m_bridge->scalar("SELECT COUNT(*) FROM build WHERE config = 'low' AND status = 'I'"),
             qint64(1));
    QVERIFY(queue("high", "2")); // another connection, as `bittern build` would
    if (expectVacate) {
        QTRY_COMPARE_WITH_TIMEOUT(
                m_bridge->scalar("SELECT preemptions FROM build WHERE config = 'low'"), qint64(1),
                20000);
        QTRY_COMPARE_WITH_TIMEOUT(
                m_bridge->scalar("SELECT COUNT(*) FROM build WHERE config = 'high' AND "
                                 "status = 'S' AND slave = 'worker'"),
                qint64(1), 20000);
        // "low" waited in the queue with its finished step kept.
        QCOMPARE(m_bridge->scalar(
                         "SELECT COUNT(*) FROM build WHERE config = 'low' AND status = 'S'"),
                 qint64(0));
        QVERIFY2(m_bridge->agentLog("worker").contains("the master asked for it (build"),
                 qPrintable(m_bridge->agentLog("worker")));
    } else {
        // Two keepalives after the queuing pass (a vacate would be answered to the first).
        const qint64 queuedAt = m_bridge->scalar("SELECT CAST(strftime('%s', 'now') AS INTEGER)");
        QVERIFY(queuedAt > 0);
        QTRY_VERIFY_WITH_TIMEOUT(
                m_bridge->scalar("SELECT last_activity FROM build WHERE config = 'low'")
                        >= queuedAt + 2,
                20000);
        QCOMPARE(m_bridge->scalar("SELECT preemptions FROM build WHERE config = 'low'"), qint64(0));
        QCOMPARE(m_bridge->scalar(
                         "SELECT COUNT(*) FROM build WHERE config = 'high' AND status = 'P'"),
                 qint64(1));
    }
    QVERIFY(BridgeHarness::writeFile(m_bridge->filePath("marker"), "go"));
    QTRY_COMPARE_WITH_TIMEOUT(m_bridge->scalar("SELECT COUNT(*) FROM build WHERE status = 'S'"),
                              qint64(2), 30000);
    QCOMPARE(m_bridge->scalar("SELECT preemptions FROM build WHERE config = 'low'"),
             qint64(expectVacate ? 1 : 0));
    // Every step of both builds stored exactly once.
    QCOMPARE(m_bridge->scalar("SELECT COUNT(*) FROM step WHERE status = 'S'"), qint64(3));
    QCOMPARE(m_bridge->scalar("SELECT COUNT(*) FROM step"), qint64(3));
}

QTEST_GUILESS_MAIN(tst_RankPreemption)
#include "tst_rankpreemption.moc"
