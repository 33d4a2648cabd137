// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTemporaryDir>
#include <QTest>

#include "steptesthelper.h"

class tst_StepRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void outcomes_data();
    void outcomes();
    void interpolation_data();
    void interpolation();
    void logOrder();

private:
    QString basedir() const { return m_dir->path() + "/build"; }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_StepRunner::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(QDir().mkdir(basedir()));
}

void tst_StepRunner::outcomes_data()
{
    QTest::addColumn<QString>("commands");
    QTest::addColumn<bool>("success");
    QTest::addColumn<QStringList>("errors");
    QTest::addColumn<QStringList>("logLines");

    QTest::addRow("empty step succeeds")
            << "<!-- nothing -->" << true << QStringList{} << QStringList{};
    QTest::addRow("all commands run after a failure")
            << "<sh:exec executable='false'/><sh:exec executable='echo' args='after'/>" << false
            << QStringList{"Executing false failed (error code 1)"} << QStringList{"info: after"};
    QTest::addRow("unknown command is an error, the rest still runs")
            << "<x:frobnicate/><sh:exec executable='echo' args='still'/>" << false
            << QStringList{"Unknown recipe command http://example.org/unknown#frobnicate"}
            << QStringList{"info: still"};
    QTest::addRow("unknown un-namespaced command")
            << "<frobnicate/>" << false << QStringList{"Unknown recipe command frobnicate"}
            << QStringList{};
    QTest::addRow("unsupported argument is an error, command not run")
            << "<sh:pipe executable='cat' input='x' timeout='3'/>"
               "<sh:exec executable='echo' args='ok'/>"
            << false
            << QStringList{"Unsupported argument 'timeout' for command "
                           "http://bitten.edgewall.org/tools/sh#pipe"}
            << QStringList{"info: ok"};
    QTest::addRow("internal error skips the rest of the step")
            << "<sh:exec executable='echo' args='before'/><sh:exec args='x'/>"
               "<sh:exec executable='echo' args='never'/>"
            << false
            << QStringList{"Internal error in sh:exec: Either \"executable\" or \"file\" "
                           "attribute required."}
            << QStringList{"info: before"};
    QTest::addRow("attribute spelling dir_ is accepted")
            << "<sh:exec executable='pwd' dir_='.'/>" << true << QStringList{}
            << QStringList{"info: "};
}

void tst_StepRunner::outcomes()
{
    QFETCH(QString, commands);
    const AgentTest::StepOutput output
            = AgentTest::runStep("<step id='s'>" + commands + "</step>", basedir());
    QTEST(output.run.result.status == Core::StepResult::Status::Success, "success");
    QTEST(output.errors, "errors");
    QTEST(output.logLines, "logLines");
}

void tst_StepRunner::interpolation_data()
{
    QTest::addColumn<QString>("args");
    QTest::addColumn<QString>("expected");
    QTest::addRow("slave property") << "${python.path}"
                                    << "/opt/py";
    QTest::addRow("environment variable") << "$BITTERN_STEP_TEST"
                                          << "from-env";
    QTest::addRow("$$ escapes") << "'$$HOME'"
                                << "$HOME";
    QTest::addRow("unknown reference stays") << "'${nope.nope}'"
                                             << "${nope.nope}";
    QTest::addRow("default value") << "${nope.nope:fallback}"
                                   << "fallback";
}

void tst_StepRunner::interpolation()
{
    QFETCH(QString, args);
    qputenv("BITTERN_STEP_TEST", "from-env");
    const AgentTest::StepOutput output = AgentTest::runStep(
            "<step id='s'><sh:exec executable='echo' args=\"" + args + "\"/></step>", basedir(),
            {{"python.path", "/opt/py"}});
    QCOMPARE(output.errors, QStringList{});
    QFETCH(QString, expected);
    QCOMPARE(output.logLines, QStringList{"info: " + expected});
}

void tst_StepRunner::logOrder()
{
    // ${basedir} is the build directory; sh strips it from log lines.
    const AgentTest::StepOutput output = AgentTest::runStep(
            "<step id='s'><sh:exec executable='echo' args='${basedir}/x'/>"
            "<sh:exec executable='sh' args=\"-c 'echo out; echo err >&amp;2; exit 2'\"/>"
            "<report category='test' file='missing.xml'/></step>",
            basedir());
    QCOMPARE(output.logLines, (QStringList{"info: x", "info: out", "error: err"}));
    QCOMPARE(output.result.logs.size(), 2); // one <log> per command
    QCOMPARE(output.errors.size(), 2);
    QVERIFY(output.errors.at(1).startsWith("Failed to read test report at missing.xml: "));
    QVERIFY(output.resultXml.indexOf("<log") < output.resultXml.indexOf("<error"));
}

QTEST_GUILESS_MAIN(tst_StepRunner)
#include "tst_steprunner.moc"
