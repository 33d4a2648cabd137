// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "core/stepresultreader.h"
#include "slave-agent/agentcli.h"
#include "slave-agent/commandregistry.h"
#include "slave-agent/externalcommand.h"
#include "slave-agent/posixprocesslauncher.h"
#include "slave-agent/steprunner.h"
#include "steptesthelper.h"
#include "tests/testlib/testdata.h"

class tst_ExternalCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plugin_data();
    void plugin();
};

void tst_ExternalCommand::plugin_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QStringList>("errors");
    QTest::addColumn<int>("reports");
    QTest::addRow("log, report and error")
            << "<result><log><message level='info'>lcov ran</message></log>"
               "<report category='coverage'><coverage name='a.c' lines='10' "
               "percentage='80'/></report><error>coverage below 90</error></result>"
            << QStringList{"coverage below 90"} << 1;
    QTest::addRow("unreadable answer")
            << "not xml" << QStringList{"Command %1 answered with an unreadable step result: "}
            << 0;
    QTest::addRow("failing program")
            << "EXIT" << QStringList{"Command %1 failed: exit code 3"} << 0;
}

void tst_ExternalCommand::plugin()
{
    QFETCH(QString, answer);
    QFETCH(QStringList, errors);
    QTemporaryDir dir;
    const QString program = dir.filePath("plugin.sh");
    QFile script(program);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\ncat > \"$(dirname \"$0\")/request.json\"\n");
    if (answer == "EXIT")
        script.write("echo broken >&2\nexit 3\n");
    else
        script.write("cat <<'EOF'\n" + answer.toUtf8() + "\nEOF\n");
    script.close();
    script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QFile ini(dir.filePath("slave.ini"));
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write("[bittern.commands]\nevax = http://example.org/unknown " + program.toUtf8() + "\n");
    ini.close();

    Agent::Options options;
    options.configFile = ini.fileName();
    const auto config = Agent::AgentCli::loadConfig(options);
    QVERIFY2(config, config ? "" : qPrintable(config.error().message));
    QCOMPARE(config.value().externalCommands.value("http://example.org/unknown"), program);
    Agent::CommandRegistry registry = Agent::CommandRegistry::builtin();
    Agent::ExternalCommand::registerAll(registry, config.value().externalCommands);
    Agent::PosixProcessLauncher launcher;
    QVERIFY(QDir().mkdir(dir.filePath("build")));
    Core::Interpolator::Context variables;
    variables.buildVariables.insert("revision", "42");
    Agent::StepRunner runner(registry, launcher, variables, dir.filePath("build"));
    const Core::Recipe recipe
            = AgentTest::recipe("<step id='s'><x:lcov file='cov-${revision}.info'/></step>");
    const auto run = runner.run(recipe.steps.first(), dir.filePath("result.xml"),
                                dir.filePath("step.log"));
    QVERIFY(run);
    QStringList actual;
    for (const Core::StepError &error : run.value().result.errors)
        actual << error.message;
    QCOMPARE(actual.size(), errors.size());
    for (int i = 0; i < errors.size(); ++i)
        QVERIFY2(actual.at(i).startsWith(QString(errors.at(i)).replace("%1", program)),
                 qPrintable(actual.at(i)));
    QTEST(int(run.value().result.reports.size()), "reports");
    QVERIFY(TestLib::readFile(dir.filePath("request.json")).contains("\"file\":\"cov-42.info\""));
    QVERIFY(Core::StepResultReader::read(TestLib::readFile(dir.filePath("result.xml"))));
}

QTEST_GUILESS_MAIN(tst_ExternalCommand)
#include "tst_externalcommand.moc"
