// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTemporaryDir>
#include <QTest>

#include "core/interpolator.h"
#include "slave-agent/commandregistry.h"
#include "slave-agent/posixprocesslauncher.h"
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
    void liveLog_data();
    void liveLog();

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

void tst_StepRunner::liveLog_data()
{
    // The live log shows the same lines whether ASCII lines and runs of plain lines reach it
    // as bytes (AsciiLiveLog) or every line as text (LiveLog alone).
    QTest::addColumn<QString>("script"); ///< for sh -c
    QTest::addColumn<int>("lines");
    QTest::addRow("plain lines") << "seq 1 30000" << 30001; // and the error line
    QTest::addRow("mixed") // one stream: its order against stderr would depend on the reads
            << "seq 1 50; echo \"a<b\"; echo \"x  \"; printf \"caf\\303\\251\\n\"; seq 51 60" << 64;
    QTest::addRow("partial last line") << "printf \"a\\nb\\nc\"" << 4;
}

void tst_StepRunner::liveLog()
{
    QFETCH(QString, script);
    QFETCH(int, lines);
    QString args = "-c '" + script + "; exit 1'";
    args.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    const Core::Recipe recipe = AgentTest::recipe("<step id='s'><sh:exec executable='sh' args=\""
                                                  + args + "\"/></step>");
    QVERIFY(!recipe.steps.isEmpty());
    const Agent::CommandRegistry registry = Agent::CommandRegistry::builtin();
    QStringList shown[2];
    int runs = 0;
    for (int asBytes : {0, 1}) {
        Agent::PosixProcessLauncher launcher(nullptr, 300);
        Agent::StepRunner runner(registry, launcher, Core::Interpolator::Context(),
                                 QDir(basedir()).canonicalPath());
        QStringList &seen = shown[asBytes];
        runner.setLiveLog([&seen](const QString &line) { seen << line; });
        if (asBytes) {
            runner.setAsciiLiveLog([&seen, &runs](const Agent::OutputLine &line) {
                runs += line.isRun() ? 1 : 0;
                line.forEachLine([&seen](const Agent::OutputLine &one) {
                    seen << QString::fromLatin1(one.data(), int(one.size()));
                });
            });
        }
        const auto run = runner.run(recipe.steps.first(), m_dir->filePath("result.xml"),
                                    m_dir->filePath("step.log"));
        QVERIFY(run);
        QCOMPARE(run.value().logLines, lines - 1); // the error line is not a log line
    }
    QCOMPARE(shown[0].size(), lines);
    QCOMPARE(shown[1], shown[0]);
    QVERIFY(runs > 0);
}

QTEST_GUILESS_MAIN(tst_StepRunner)
#include "tst_steprunner.moc"
