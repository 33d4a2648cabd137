// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/classad.h"
#include "core/inifile.h"
#include "core/ownerpolicy.h"

using namespace Core;

Q_DECLARE_METATYPE(Core::ClassAdTruth)
Q_DECLARE_METATYPE(Core::OwnerAction)
Q_DECLARE_METATYPE(Core::OwnerPolicyDecision)

/// Tests Core::OwnerPolicy: reading [bittern], evaluating the owner policy, advertising §1.5.
class tst_OwnerPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void invalidOption_data();
    void invalidOption();
    void evaluate_data();
    void evaluate();
    void runningAction_data();
    void runningAction();
    void advertisedRequirements_data();
    void advertisedRequirements();
};

static OwnerPolicy policyFrom(const QByteArray &ini)
{
    const auto parsed = IniFile::parse(ini);
    if (!parsed)
        qWarning() << parsed.error().message;
    const auto policy = OwnerPolicy::fromIni(parsed.value());
    if (!policy)
        qWarning() << policy.error().message;
    return policy.value();
}

static ClassAd adFrom(const QString &text)
{
    const auto parsed = ClassAd::parse(text);
    if (!parsed)
        qWarning() << parsed.error().message;
    return parsed.value();
}

void tst_OwnerPolicy::defaults()
{
    const OwnerPolicy policy = policyFrom("[os]\nname = Linux\n");
    QCOMPARE(policy.requirements()->toString(), QString("true"));
    QCOMPARE(policy.rank()->toString(), QString("0"));
    QCOMPARE(policy.start()->toString(), QString("true"));
    QCOMPARE(policy.suspend()->toString(), QString("false"));
    QCOMPARE(policy.preempt()->toString(), QString("false"));
    QCOMPARE(policy.kill()->toString(), QString("false"));
    const OwnerPolicyDecision decision = policy.evaluate(ClassAd(), nullptr, 0);
    QCOMPARE(decision, OwnerPolicyDecision());
    QCOMPARE(decision.runningAction(), OwnerAction::Run);
    QVERIFY(decision.isWillingToStart());
}

void tst_OwnerPolicy::invalidOption_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QString>("message");
    QTest::addRow("start with a dangling operator")
            << QByteArray("[bittern]\nstart = LoadAvg <\n")
            << "The [bittern] option 'start' is not a valid ClassAd expression: ";
    QTest::addRow("kill with an unclosed parenthesis")
            << QByteArray("[bittern]\nkill = (ConsoleIdle < 60\n")
            << "The [bittern] option 'kill' is not a valid ClassAd expression: ";
}

void tst_OwnerPolicy::invalidOption()
{
    QFETCH(QByteArray, ini);
    QFETCH(QString, message);
    const auto parsed = IniFile::parse(ini);
    QVERIFY(parsed);
    const auto policy = OwnerPolicy::fromIni(parsed.value());
    QVERIFY(!policy);
    QCOMPARE(policy.error().code, ErrorCode::InvalidInput);
    QVERIFY2(policy.error().message.startsWith(message), qPrintable(policy.error().message));
}

void tst_OwnerPolicy::evaluate_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QString>("machine");
    QTest::addColumn<QString>("job");
    QTest::addColumn<OwnerPolicyDecision>("expected");
    const QByteArray desktop = "[bittern]\n"
                               "start = LoadAvg < 0.5 && ConsoleIdle > 15 * 60\n"
                               "suspend = ConsoleIdle < 60\n"
                               "preempt = LoadAvg > 4\n"
                               "kill = ClockHour >= 8 && ClockHour < 18\n";
    const auto d = [](ClassAdTruth s, ClassAdTruth su, ClassAdTruth p, ClassAdTruth k) {
        return OwnerPolicyDecision{s, su, p, k};
    };
    using T = ClassAdTruth;
    QTest::addRow("idle desktop at night: start, nothing else")
            << desktop << "LoadAvg = 0.1\nConsoleIdle = 3600\nClockHour = 2"
            << "" << d(T::True, T::False, T::False, T::False);
    QTest::addRow("console user active: no start, suspend")
            << desktop << "LoadAvg = 0.1\nConsoleIdle = 5\nClockHour = 2"
            << "" << d(T::False, T::True, T::False, T::False);
    QTest::addRow("busy machine in office hours: preempt and kill")
            << desktop << "LoadAvg = 6.0\nConsoleIdle = 3600\nClockHour = 9"
            << "" << d(T::False, T::False, T::True, T::True);
    QTest::addRow("unknown console idle time: start and suspend undefined")
            << desktop << "LoadAvg = 0.1\nClockHour = 2"
            << "" << d(T::Undefined, T::Undefined, T::False, T::False);
    QTest::addRow("a string where a condition belongs is ERROR")
            << QByteArray("[bittern]\nstart = \"yes\"\n") << ""
            << "" << d(T::Error, T::False, T::False, T::False);
    // The example of docs/MATCHMAKING.md.
    const QByteArray documented = "[bittern]\n"
                                  "requirements = TARGET.Config =!= \"docs\"\n"
                                  "rank = TARGET.Priority\n"
                                  "start = (ClockHour >= 22 || ClockHour < 7 || ConsoleIdle > 15 * "
                                  "60) && LoadAvg < 1.0\n"
                                  "suspend = ConsoleIdle < 60\n"
                                  "preempt = ConsoleIdle < 60 && ClockHour >= 7\n"
                                  "kill = ClockHour == 8\n";
    QTest::addRow("documented example: someone types late in the evening")
            << documented << "LoadAvg = 0.2\nConsoleIdle = 30\nClockHour = 23"
            << "" << d(T::True, T::True, T::True, T::False);
    QTest::addRow("documented example: office hours, idle console")
            << documented << "LoadAvg = 0.2\nConsoleIdle = 3600\nClockHour = 8"
            << "" << d(T::True, T::False, T::False, T::True);
    QTest::addRow("documented example: office hours, console in use")
            << documented << "LoadAvg = 0.2\nConsoleIdle = 10\nClockHour = 10"
            << "" << d(T::False, T::True, T::True, T::False);
    const QByteArray byJob = "[bittern]\nstart = TARGET.Config == \"nightly\"\n"
                             "preempt = TARGET.Priority < 0\n";
    QTest::addRow("start depends on the job: undefined without one")
            << byJob << ""
            << "" << d(T::Undefined, T::False, T::Undefined, T::False);
    QTest::addRow("start depends on the job: true for the nightly build")
            << byJob << ""
            << "Config = \"nightly\"\nPriority = 0" << d(T::True, T::False, T::False, T::False);
    QTest::addRow("preempt a low-priority running build")
            << byJob << ""
            << "Config = \"trunk\"\nPriority = -1" << d(T::False, T::False, T::True, T::False);
}

void tst_OwnerPolicy::evaluate()
{
    QFETCH(QByteArray, ini);
    QFETCH(QString, machine);
    QFETCH(QString, job);
    QFETCH(OwnerPolicyDecision, expected);
    const OwnerPolicy policy = policyFrom(ini);
    const ClassAd machineAd = adFrom(machine);
    const ClassAd jobAd = adFrom(job);
    const OwnerPolicyDecision decision
            = policy.evaluate(machineAd, job.isEmpty() ? nullptr : &jobAd, 1700000000);
    QCOMPARE(decision.start, expected.start);
    QCOMPARE(decision.suspend, expected.suspend);
    QCOMPARE(decision.preempt, expected.preempt);
    QCOMPARE(decision.kill, expected.kill);
}

void tst_OwnerPolicy::runningAction_data()
{
    QTest::addColumn<OwnerPolicyDecision>("decision");
    QTest::addColumn<OwnerAction>("expected");
    using T = ClassAdTruth;
    QTest::addRow("nothing true: run")
            << OwnerPolicyDecision{T::False, T::False, T::False, T::False} << OwnerAction::Run;
    QTest::addRow("suspend") << OwnerPolicyDecision{T::True, T::True, T::False, T::False}
                             << OwnerAction::Suspend;
    QTest::addRow("preempt wins over suspend")
            << OwnerPolicyDecision{T::True, T::True, T::True, T::False} << OwnerAction::Preempt;
    QTest::addRow("kill wins over everything")
            << OwnerPolicyDecision{T::True, T::True, T::True, T::True} << OwnerAction::Kill;
    QTest::addRow("undefined and error never stop a build")
            << OwnerPolicyDecision{T::True, T::Undefined, T::Error, T::Undefined}
            << OwnerAction::Run;
}

void tst_OwnerPolicy::runningAction()
{
    QFETCH(OwnerPolicyDecision, decision);
    QFETCH(OwnerAction, expected);
    QCOMPARE(decision.runningAction(), expected);
}

void tst_OwnerPolicy::advertisedRequirements_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QString>("machine");
    QTest::addColumn<QString>("expected");
    QTest::addRow("start true alone: the requirements")
            << QByteArray("[bittern]\nrequirements = TARGET.Priority >= 0\nstart = LoadAvg < 1\n")
            << "LoadAvg = 0.2"
            << "(TARGET.Priority >= 0)";
    QTest::addRow("start false alone: owner state, false")
            << QByteArray("[bittern]\nrequirements = TARGET.Priority >= 0\nstart = LoadAvg < 1\n")
            << "LoadAvg = 3.5"
            << "false";
    QTest::addRow("start needs the job: both")
            << QByteArray("[bittern]\nstart = LoadAvg < 1 && TARGET.Config != \"huge\"\n")
            << "LoadAvg = 0.2"
            << "(true && ((LoadAvg < 1) && (TARGET.Config != \"huge\")))";
    QTest::addRow("start error: false") << QByteArray("[bittern]\nstart = 1 / 0\n") << ""
                                        << "false";
}

void tst_OwnerPolicy::advertisedRequirements()
{
    QFETCH(QByteArray, ini);
    QFETCH(QString, machine);
    QFETCH(QString, expected);
    const OwnerPolicy policy = policyFrom(ini);
    QCOMPARE(policy.advertisedRequirements(adFrom(machine), 0)->toString(), expected);
}

QTEST_GUILESS_MAIN(tst_OwnerPolicy)
#include "tst_ownerpolicy.moc"
