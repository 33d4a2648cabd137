// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/classadevaluator.h"
#include "core/inifile.h"
#include "core/machinead.h"
#include "core/ownerpolicy.h"
#include "core/slaveproperties.h"

using namespace Core;

/// Tests Core::MachineAd: properties, snapshot and [bittern] policy in the machine ad.
class tst_MachineAd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void attributes_data();
    void attributes();
    void attributeName_data();
    void attributeName();
    void requirementsFollowStart_data();
    void requirementsFollowStart();
    void invalidPolicy();
    void fromProperties();
};

static const QByteArray slaveIni = "[os]\nname = Linux\nversion = 6.1.0\nfamily = posix\n"
                                   "[machine]\nname = x86_64\n"
                                   "[python]\nversion = 3.11\npath = /usr/bin/python3\n"
                                   "[bittern]\nrank = TARGET.Priority\n"
                                   "start = LoadAvg < 1.0 && ConsoleIdle > 900\n"
                                   "suspend = ConsoleIdle < 60\n";

static SystemSnapshot snapshot(double load, qint64 consoleIdle)
{
    SystemSnapshot s;
    s.cpus = 8;
    s.memoryMiB = 16384;
    s.availableMemoryMiB = 12000;
    s.loadAverage = load;
    s.freeDiskMiB = 50000;
    s.consoleIdleSeconds = consoleIdle;
    s.minutesSinceMidnight = 23 * 60 + 30;
    s.dayOfWeek = 6;
    s.currentTime = 1700000000;
    return s;
}

static ClassAd machineAd(const QByteArray &ini, const SystemSnapshot &s)
{
    const auto parsed = IniFile::parse(ini);
    const auto properties = SlaveProperties::fromIni(parsed.value(), SlaveProperties());
    const auto ad = MachineAd::build("agent-1", properties.value(), s, parsed.value());
    if (!ad)
        qWarning() << ad.error().message;
    return ad.value();
}

void tst_MachineAd::attributes_data()
{
    QTest::addColumn<QString>("attribute");
    QTest::addColumn<QString>("expected");
    QTest::addRow("type") << "MyType"
                          << "\"Machine\"";
    QTest::addRow("agent name") << "Name"
                                << "\"agent-1\"";
    QTest::addRow("os from [os]") << "os"
                                  << "\"Linux\"";
    QTest::addRow("version from [os]") << "version"
                                       << "\"6.1.0\"";
    QTest::addRow("family") << "family"
                            << "\"posix\"";
    QTest::addRow("machine from [machine]") << "machine"
                                            << "\"x86_64\"";
    QTest::addRow("processor empty") << "processor"
                                     << "\"\"";
    QTest::addRow("package option with the dot as _") << "python_version"
                                                      << "\"3.11\"";
    QTest::addRow("second package option") << "python_path"
                                           << "\"/usr/bin/python3\"";
    QTest::addRow("[bittern] is no package") << "bittern_rank"
                                             << "UNDEFINED";
    QTest::addRow("cpus") << "Cpus"
                          << "8";
    QTest::addRow("memory") << "Memory"
                            << "16384";
    QTest::addRow("free memory") << "FreeMemory"
                                 << "12000";
    QTest::addRow("load") << "LoadAvg"
                          << "0.25";
    QTest::addRow("free disk") << "FreeDisk"
                               << "50000";
    QTest::addRow("console idle") << "ConsoleIdle"
                                  << "3600";
    QTest::addRow("minute of the day") << "ClockMin"
                                       << "1410";
    QTest::addRow("hour") << "ClockHour"
                          << "23";
    QTest::addRow("day of the week") << "ClockDay"
                                     << "6";
    QTest::addRow("time") << "CurrentTime"
                          << "1700000000";
    QTest::addRow("rank from [bittern]") << "Rank"
                                         << "UNDEFINED";
    QTest::addRow("start holds: requirements default true") << "Requirements"
                                                            << "true";
    QTest::addRow("start evaluates true") << "Start"
                                          << "true";
    QTest::addRow("suspend false") << "Suspend"
                                   << "false";
    QTest::addRow("preempt default false") << "Preempt"
                                           << "false";
    QTest::addRow("kill default false") << "Kill"
                                        << "false";
}

void tst_MachineAd::attributes()
{
    QFETCH(QString, attribute);
    QFETCH(QString, expected);
    const ClassAd ad = machineAd(slaveIni, snapshot(0.25, 3600));
    ClassAdEvaluator evaluator(&ad);
    QCOMPARE(evaluator.evaluateAttribute(attribute).toString(), expected);
}

void tst_MachineAd::attributeName_data()
{
    QTest::addColumn<QString>("property");
    QTest::addColumn<QString>("expected");
    QTest::addRow("platform property unchanged") << "os"
                                                 << "os";
    QTest::addRow("package option") << "python.version"
                                    << "python_version";
    QTest::addRow("dash and dot") << "my-tool.home"
                                  << "my_tool_home";
    QTest::addRow("leading digit") << "7zip.path"
                                   << "_7zip_path";
    QTest::addRow("non-ASCII letter") << "caf\u00e9.v"
                                      << "caf__v";
}

void tst_MachineAd::attributeName()
{
    QFETCH(QString, property);
    QFETCH(QString, expected);
    QCOMPARE(MachineAd::attributeName(property), expected);
}

void tst_MachineAd::requirementsFollowStart_data()
{
    QTest::addColumn<double>("load");
    QTest::addColumn<qint64>("consoleIdle");
    QTest::addColumn<QString>("requirements");
    QTest::addRow("quiet machine: willing") << 0.2 << qint64(3600) << "true";
    QTest::addRow("loaded machine: owner state") << 2.5 << qint64(3600) << "false";
    QTest::addRow("console in use: owner state") << 0.2 << qint64(10) << "false";
    QTest::addRow("unknown console idle: start advertised")
            << 0.2 << qint64(-1) << "(true && ((LoadAvg < 1.0) && (ConsoleIdle > 900)))";
}

void tst_MachineAd::requirementsFollowStart()
{
    QFETCH(double, load);
    QFETCH(qint64, consoleIdle);
    QFETCH(QString, requirements);
    const ClassAd ad = machineAd(slaveIni, snapshot(load, consoleIdle));
    QCOMPARE(ad.lookup("Requirements")->toString(), requirements);
}

void tst_MachineAd::invalidPolicy()
{
    const auto ini = IniFile::parse("[bittern]\nrank = Cpus +\n");
    QVERIFY(ini);
    const auto ad = MachineAd::build("a", SlaveProperties(), snapshot(0, 0), ini.value());
    QVERIFY(!ad);
    QVERIFY2(ad.error().message.startsWith(
                     "The [bittern] option 'rank' is not a valid ClassAd expression: "),
             qPrintable(ad.error().message));
}

void tst_MachineAd::fromProperties()
{
    const QHash<QString, QString> properties{{"name", "old-slave"},
                                             {"ipnr", "10.0.0.7"},
                                             {"token", "secret"},
                                             {"os", "Linux"},
                                             {"python.version", "2.7"}};
    const ClassAd ad = MachineAd::fromProperties(properties);
    ClassAdEvaluator evaluator(&ad);
    QCOMPARE(evaluator.evaluateAttribute("Name").toString(), QString("\"old-slave\""));
    QCOMPARE(evaluator.evaluateAttribute("ipnr").toString(), QString("\"10.0.0.7\""));
    QCOMPARE(evaluator.evaluateAttribute("python_version").toString(), QString("\"2.7\""));
    QCOMPARE(evaluator.evaluateAttribute("token").toString(), QString("UNDEFINED"));
    QCOMPARE(evaluator.evaluateAttribute("Requirements").toString(), QString("true"));
}

QTEST_GUILESS_MAIN(tst_MachineAd)
#include "tst_machinead.moc"
