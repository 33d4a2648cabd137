// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "slave-agent/options.h"

using Agent::AgentMode;
using Agent::ConfigSource;
using Agent::KeepFiles;

class tst_Options : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data();
    void valid();
    void resultLogs_data();
    void resultLogs();
    void invalid_data();
    void invalid();
};

void tst_Options::valid_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("recipe");
    QTest::addColumn<QString>("workDir");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("reportDir");
    QTest::addColumn<QString>("step");
    QTest::addColumn<bool>("keep");
    QTest::addColumn<QStringList>("properties");
    QTest::addColumn<QStringList>("variables");
    QTest::addColumn<QString>("environment"); // BITTERN_AGENT_CONFIG; empty: unset
    QTest::addColumn<QString>("config");
    QTest::addColumn<int>("configSource");

    QTest::addRow("run with defaults")
            << QStringList{"run", "r.xml"} << int(AgentMode::Run) << "r.xml"
            << ""
            << "build_${config}_${build}"
            << ""
            << "" << false << QStringList{} << QStringList{} << ""
            << "" << int(ConfigSource::None);
    QTest::addRow("run with every option")
            << QStringList{"run",
                           "r.xml",
                           "-f",
                           "s.ini",
                           "--work-dir",
                           "/w",
                           "--build-dir",
                           "b_${build}",
                           "--keep-files",
                           "--report-dir",
                           "/r",
                           "-D",
                           "python.path=/usr/bin/python3",
                           "-D",
                           "os=Plan9"}
            << int(AgentMode::Run) << "r.xml"
            << "/w"
            << "b_${build}"
            << "/r"
            << "" << true << QStringList{"python.path=/usr/bin/python3", "os=Plan9"}
            << QStringList{} << ""
            << "s.ini" << int(ConfigSource::CommandLine);
    QTest::addRow("short forms -d and -k")
            << QStringList{"run", "-d", "/w", "-k", "r.xml"} << int(AgentMode::Run) << "r.xml"
            << "/w"
            << "build_${config}_${build}"
            << ""
            << "" << true << QStringList{} << QStringList{} << ""
            << "" << int(ConfigSource::None);
    QTest::addRow("property value with '='")
            << QStringList{"run", "r.xml", "-D", "a.b=x=y"} << int(AgentMode::Run) << "r.xml"
            << ""
            << "build_${config}_${build}"
            << ""
            << "" << false << QStringList{"a.b=x=y"} << QStringList{} << ""
            << "" << int(ConfigSource::None);
    QTest::addRow("step") << QStringList{"step",         "r.xml",        "--step",
                                         "svn checkout", "--report-dir", "out"}
                          << int(AgentMode::Step) << "r.xml"
                          << ""
                          << "build_${config}_${build}"
                          << "out"
                          << "svn checkout" << false << QStringList{} << QStringList{} << ""
                          << "" << int(ConfigSource::None);
    QTest::addRow("step with the translator's runtime build variables")
            << QStringList{"step",         "r.xml",       "--step", "compile",
                           "--report-dir", "out",         "-D",     "revision=42",
                           "-D",           "build=7",     "-D",     "config=trunk",
                           "-D",           "path=/trunk", "-D",     "platform=linux",
                           "-D",           "version=12",  "-D",     "python.path=/py"}
            << int(AgentMode::Step) << "r.xml"
            << ""
            << "build_${config}_${build}"
            << "out"
            << "compile" << false << QStringList{"version=12", "python.path=/py"}
            << QStringList{"revision=42", "build=7", "config=trunk", "path=/trunk",
                           "platform=linux"}
            << ""
            << "" << int(ConfigSource::None);
    QTest::addRow("config from BITTERN_AGENT_CONFIG")
            << QStringList{"run", "r.xml"} << int(AgentMode::Run) << "r.xml"
            << ""
            << "build_${config}_${build}"
            << ""
            << "" << false << QStringList{} << QStringList{} << "/etc/agent.ini"
            << "/etc/agent.ini" << int(ConfigSource::Environment);
    QTest::addRow("-f wins over BITTERN_AGENT_CONFIG")
            << QStringList{"run", "r.xml", "-f", "s.ini"} << int(AgentMode::Run) << "r.xml"
            << ""
            << "build_${config}_${build}"
            << ""
            << "" << false << QStringList{} << QStringList{} << "/etc/agent.ini"
            << "s.ini" << int(ConfigSource::CommandLine);
    QTest::addRow("help") << QStringList{"--help"} << int(AgentMode::Help) << ""
                          << ""
                          << "build_${config}_${build}"
                          << ""
                          << "" << false << QStringList{} << QStringList{} << ""
                          << "" << int(ConfigSource::None);
    QTest::addRow("version") << QStringList{"--version"} << int(AgentMode::Version) << ""
                             << ""
                             << "build_${config}_${build}"
                             << ""
                             << "" << false << QStringList{} << QStringList{} << ""
                             << "" << int(ConfigSource::None);
}

void tst_Options::valid()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, environment);
    QProcessEnvironment env;
    if (!environment.isEmpty())
        env.insert("BITTERN_AGENT_CONFIG", environment);
    const auto options = Agent::parseOptions(arguments, env);
    QVERIFY2(options, options ? "" : qPrintable(options.error().message));
    QTEST(int(options.value().mode), "mode");
    QTEST(options.value().recipeFile, "recipe");
    QTEST(options.value().workDir, "workDir");
    QTEST(options.value().buildDirPattern, "pattern");
    QTEST(options.value().reportDir, "reportDir");
    QTEST(options.value().stepId, "step");
    QTEST(options.value().keepFiles == KeepFiles::Yes, "keep");
    QStringList properties;
    for (const auto &property : options.value().properties)
        properties << property.first + "=" + property.second;
    QTEST(properties, "properties");
    QStringList variables;
    for (const auto &variable : options.value().buildVariables)
        variables << variable.first + "=" + variable.second;
    QTEST(variables, "variables");
    QTEST(options.value().configFile, "config");
    QTEST(int(options.value().configSource), "configSource");
}

void tst_Options::resultLogs_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("resultLogs");
    QTest::addRow("run refers to step.log by default")
            << QStringList{"run", "r.xml"} << int(Agent::ResultLogs::Referenced);
    QTest::addRow("--embed-logs: a self-contained result.xml")
            << QStringList{"run", "r.xml", "--embed-logs"} << int(Agent::ResultLogs::Embedded);
}

void tst_Options::resultLogs()
{
    QFETCH(QStringList, arguments);
    const auto options = Agent::parseOptions(arguments, QProcessEnvironment());
    QVERIFY2(options, options ? "" : qPrintable(options.error().message));
    QTEST(int(options.value().resultLogs), "resultLogs");
}

void tst_Options::invalid_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::addRow("nothing") << QStringList{} << "Missing subcommand: expected run or step.";
    QTest::addRow("unknown subcommand")
            << QStringList{"fly", "r.xml"} << "Unknown subcommand \"fly\": expected run or step.";
    QTest::addRow("no recipe") << QStringList{"run"}
                               << "The run subcommand needs exactly one recipe file.";
    QTest::addRow("two recipes") << QStringList{"run", "a.xml", "b.xml"}
                                 << "The run subcommand needs exactly one recipe file.";
    QTest::addRow("unknown option")
            << QStringList{"run", "r.xml", "--fast"} << "Unknown option 'fast'.";
    QTest::addRow("missing option value")
            << QStringList{"run", "r.xml", "--work-dir"} << "Missing value after '--work-dir'.";
    QTest::addRow("property without '='") << QStringList{"run", "r.xml", "-D", "novalue"}
                                          << "Invalid property \"novalue\": expected name=value.";
    QTest::addRow("step without --step") << QStringList{"step", "r.xml", "--report-dir", "o"}
                                         << "The step subcommand needs --step ID.";
    QTest::addRow("step without --report-dir") << QStringList{"step", "r.xml", "--step", "s"}
                                               << "The step subcommand needs --report-dir DIR.";
}

void tst_Options::invalid()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const auto options = Agent::parseOptions(arguments);
    QVERIFY(!options);
    QCOMPARE(options.error().code, Core::ErrorCode::InvalidArgument);
    QCOMPARE(options.error().message, message);
}

QTEST_GUILESS_MAIN(tst_Options)
#include "tst_options.moc"
