// SPDX-License-Identifier: GPL-3.0-or-later
// PolicyMonitor (issue 8 item 2): a sequence of owner policy evaluations and the requests it
// gives: a vacate at every PREEMPT or KILL, one suspension when SUSPEND becomes TRUE, one
// continue when Run follows it; a failed evaluation changes nothing.
#include <QtTest>

#include "slave-agent/policymonitor.h"

using Core::ClassAdTruth;
using Core::OwnerPolicyDecision;
using Core::Result;

namespace {

/// "run", "suspend", "preempt", "kill" (all three TRUE), "undefined" (SUSPEND is UNDEFINED)
/// or "error" (the INI file does not parse).
Result<OwnerPolicyDecision> decisionFor(const QString &word)
{
    if (word == QLatin1String("error"))
        return Core::makeError(Core::ErrorCode::ParseFailed, "slave.ini does not parse.");
    OwnerPolicyDecision decision;
    if (word == QLatin1String("suspend") || word == QLatin1String("kill"))
        decision.suspend = ClassAdTruth::True;
    if (word == QLatin1String("preempt") || word == QLatin1String("kill"))
        decision.preempt = ClassAdTruth::True;
    if (word == QLatin1String("kill"))
        decision.kill = ClassAdTruth::True;
    if (word == QLatin1String("undefined"))
        decision.suspend = ClassAdTruth::Undefined;
    return decision;
}

} // namespace

class tst_PolicyMonitor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void requests_data();
    void requests();
};

void tst_PolicyMonitor::requests_data()
{
    const QString suspend = "suspend: the owner policy's SUSPEND expression is TRUE";
    const QString preempt = "vacate: the owner policy's PREEMPT expression is TRUE";
    const QString kill = "vacate: the owner policy's KILL expression is TRUE";
    QTest::addColumn<QStringList>("evaluations");
    QTest::addColumn<QStringList>("requests");
    QTest::addRow("run: nothing") << QStringList{"run", "run"} << QStringList();
    QTest::addRow("suspended once, continued once")
            << QStringList{"run", "suspend", "suspend", "run", "run"}
            << QStringList{suspend, "continue"};
    QTest::addRow("suspended twice") << QStringList{"suspend", "run", "suspend", "run"}
                                     << QStringList{suspend, "continue", suspend, "continue"};
    QTest::addRow("an evaluation error keeps the build suspended")
            << QStringList{"suspend", "error", "error", "suspend", "run"}
            << QStringList{suspend, "continue"};
    QTest::addRow("an evaluation error does not suspend")
            << QStringList{"error", "run"} << QStringList();
    QTest::addRow("UNDEFINED does not suspend, and continues")
            << QStringList{"undefined", "suspend", "undefined"} << QStringList{suspend, "continue"};
    QTest::addRow("preempt while suspended vacates") << QStringList{"suspend", "preempt", "preempt"}
                                                     << QStringList{suspend, preempt, preempt};
    QTest::addRow("kill over preempt over suspend") << QStringList{"kill"} << QStringList{kill};
}

void tst_PolicyMonitor::requests()
{
    QFETCH(QStringList, evaluations);
    QFETCH(QStringList, requests);
    int next = 0;
    Agent::PolicyMonitor *monitorPointer = nullptr;
    Agent::PolicyMonitor monitor(
            [&] {
                if (next + 1 >= evaluations.size())
                    monitorPointer->stop(); // this evaluation is the last one
                return decisionFor(evaluations.at(next++));
            },
            1);
    monitorPointer = &monitor;
    QStringList received;
    connect(&monitor, &Agent::PolicyMonitor::vacateRequested, this,
            [&](const QString &reason) { received << "vacate: " + reason; });
    connect(&monitor, &Agent::PolicyMonitor::suspendRequested, this,
            [&](const QString &reason) { received << "suspend: " + reason; });
    connect(&monitor, &Agent::PolicyMonitor::continueRequested, this,
            [&] { received << "continue"; });
    monitor.start();
    QTRY_VERIFY(!monitor.isActive());
    QCOMPARE(next, evaluations.size());
    QCOMPARE(received, requests);
}

QTEST_GUILESS_MAIN(tst_PolicyMonitor)
#include "tst_policymonitor.moc"
