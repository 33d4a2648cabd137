// SPDX-License-Identifier: GPL-3.0-or-later
// Preemption with resume (issue 8 item 5) with real processes: a `bittern serve` on a SQLite
// file and two `bittern-agent poll` processes. The first agent's owner policy (PREEMPT on an
// INI property the test rewrites) flips while step "wait" runs: the step's process group is
// stopped, the step is reported as preempted, and the build is requeued with its finished
// steps kept. The second agent resumes it at "wait", re-running the setup step "checkout"
// only; every step is stored exactly once and the build succeeds.
#include <csignal>
#include <memory>

#include <QtTest>

#include "tests/bridge/processtestsupport.h"

using TestLib::BridgeHarness;

namespace {

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

    std::unique_ptr<BridgeHarness> m_bridge;
};

void tst_Preemption::init()
{
    m_bridge = std::make_unique<BridgeHarness>(BITTERN_BIN, BITTERN_AGENT_BIN);
    QVERIFY(m_bridge->isValid());
}

void tst_Preemption::cleanup()
{
    if (QTest::currentTestFailed())
        m_bridge->printLogs();
    m_bridge.reset();
}

QByteArray tst_Preemption::recipe() const
{
    // checkout: a setup step (it builds the workspace, a file in the build directory);
    // prepare: runs once; wait: needs the workspace and blocks until the marker exists.
    const QString dir = m_bridge->path();
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

void tst_Preemption::ownerPolicyFlipsMidBuild()
{
    QVERIFY(writeWaitScript(*m_bridge, "test -f workspace\n"));
    QVERIFY(seedBuilds(m_bridge->dbLocation(), recipe(), 1));
    QVERIFY(m_bridge->startServe({"--slave-timeout", "3600"}));
    const QString ownerIni = m_bridge->filePath("owner.ini");
    QVERIFY(BridgeHarness::writeFile(ownerIni, agentIni("no")));
    QProcess *owner = m_bridge->startAgent("owner", {"-f", ownerIni});

    // "checkout" and "prepare" are stored; "wait" runs on the owner's machine.
    QTRY_COMPARE_WITH_TIMEOUT(
            m_bridge->scalar("SELECT COUNT(*) FROM step WHERE status = 'S' AND name IN "
                             "('checkout', 'prepare')"),
            qint64(2), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!lines(m_bridge->filePath("wait.pid")).isEmpty(), 20000);
    bool numeric = false;
    const qint64 waitPid = lines(m_bridge->filePath("wait.pid")).value(0).toLongLong(&numeric);
    QVERIFY2(numeric, qPrintable(lines(m_bridge->filePath("wait.pid")).join(" ")));
    QCOMPARE(::kill(pid_t(waitPid), 0), 0);

    // The owner comes back: PREEMPT becomes TRUE.
    QVERIFY(BridgeHarness::writeFile(ownerIni, agentIni("yes")));
    QTRY_COMPARE_WITH_TIMEOUT(m_bridge->scalar("SELECT preemptions FROM build"), qint64(1), 20000);
    QCOMPARE(m_bridge->scalar("SELECT COUNT(*) FROM build WHERE status = 'P' AND slave = ''"),
             qint64(1));
    QCOMPARE(m_bridge->scalar("SELECT COUNT(*) FROM step"), qint64(2)); // finished steps kept
    QTRY_VERIFY_WITH_TIMEOUT(::kill(pid_t(waitPid), 0) != 0, 10000); // the group was stopped
    QVERIFY2(owner->state() == QProcess::Running, qPrintable(m_bridge->agentLog("owner")));
    QVERIFY2(m_bridge->agentLog("owner").contains("Step wait preempted: the owner policy's PREEMPT "
                                                  "expression is TRUE."),
             qPrintable(m_bridge->agentLog("owner")));

    // Another agent resumes the build at "wait"; only the setup step runs again.
    QVERIFY(BridgeHarness::writeFile(m_bridge->filePath("marker"), "go"));
    m_bridge->startAgent("rescuer");
    QTRY_COMPARE_WITH_TIMEOUT(m_bridge->scalar("SELECT COUNT(*) FROM build WHERE status = 'S' "
                                               "AND slave = 'rescuer'"),
                              qint64(1), 30000);
    QCOMPARE(lines(m_bridge->filePath("setup.log")), QStringList({"checkout", "checkout"}));
    QCOMPARE(lines(m_bridge->filePath("prepare.log")), QStringList({"prepare"}));
    QCOMPARE(m_bridge->scalar("SELECT COUNT(*) FROM step"), qint64(4));
    QCOMPARE(
            m_bridge->scalar("SELECT COUNT(DISTINCT name) FROM step WHERE status = 'S' AND name IN "
                             "('checkout', 'prepare', 'wait', 'final')"),
            qint64(4));
    // The re-posted setup step was acknowledged, not stored again: one log per step at most.
    QCOMPARE(m_bridge->scalar(
                     "SELECT COUNT(*) FROM (SELECT step FROM log GROUP BY step HAVING COUNT(*) "
                     "> 1)"),
             qint64(0));
    QCOMPARE(m_bridge->scalar("SELECT COUNT(*) FROM log WHERE step = 'final'"), qint64(1));
    QCOMPARE(m_bridge->scalar("SELECT preemptions FROM build"), qint64(1));
    QVERIFY2(owner->state() == QProcess::Running, qPrintable(m_bridge->agentLog("owner")));
    // The owner's agent keeps running but takes no build while START is FALSE.
    QTRY_VERIFY2_WITH_TIMEOUT(
            m_bridge->agentLog("owner").contains("The owner policy's START expression is "
                                                 "not TRUE; no builds taken."),
            qPrintable(m_bridge->agentLog("owner")), 10000);
    QCOMPARE(owner->state(), QProcess::Running);
}

QTEST_GUILESS_MAIN(tst_Preemption)
#include "tst_preemption.moc"
