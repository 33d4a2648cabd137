// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "core/recipereader.h"
#include "slave-agent/agentcli.h"
#include "slave-agent/buildrunner.h"
#include "slave-agent/commandregistry.h"
#include "slave-agent/posixprocesslauncher.h"
#include "slave-agent/stepresultexpander.h"
#include "slave-agent/stopsignal.h"
#include "steptesthelper.h"
#include "tests/testlib/testdata.h"

using Core::StepResult;

Q_DECLARE_METATYPE(Agent::ResultLogs)

namespace {

struct Build
{
    Core::Result<Agent::BuildOutcome> outcome = Core::makeError(Core::ErrorCode::Internal, "");
    QStringList liveLog;
};

Build runBuild(const Core::Recipe &recipe, const QString &workDir,
               Agent::StopSignal *stop = nullptr, const QString &cancelOnLine = QString(),
               const QHash<QString, QString> &properties = {},
               const QString &recipeName = QString())
{
    Build build;
    Agent::CommandRegistry registry = Agent::CommandRegistry::builtin();
    Agent::PosixProcessLauncher launcher(stop, 300);
    Agent::BuildRunner runner(registry, launcher, stop);
    runner.setLiveLog([&](const QString &line) {
        build.liveLog << line;
        if (stop && line == cancelOnLine)
            stop->request();
    });
    Agent::BuildSettings settings;
    settings.workDir = workDir;
    settings.reportDir = workDir + "/reports";
    settings.properties = properties;
    settings.recipeName = recipeName;
    build.outcome = runner.run(recipe, settings);
    return build;
}

QStringList stepNames(const Agent::BuildOutcome &outcome)
{
    QStringList names;
    for (const Core::StepSummary &step : outcome.steps)
        names << step.step + (step.status == StepResult::Status::Success ? ":S" : ":F");
    return names;
}

bool svn(const QStringList &arguments)
{
    QProcess process;
    process.start(arguments.first(), arguments.mid(1));
    return process.waitForFinished(60000) && process.exitCode() == 0;
}

} // namespace

class tst_BuildRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onError_data();
    void onError();
    void buildDirectory();
    void reportFiles();
    void cancel();
    void stepMode_data();
    void stepMode();
    void resultLogs_data();
    void resultLogs();
    void examples_data();
    void examples();
    void corpusWindowsRecipe();
    void corpusLegacyRecipe();
    void corpusDocsExample();
    void corpusBoost();
    void corpusKatpoint();
    void corpusErrors_data();
    void corpusErrors();
};

void tst_BuildRunner::onError_data()
{
    QTest::addColumn<QString>("buildAttributes");
    QTest::addColumn<QString>("stepAttributes");
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<bool>("failed");
    QTest::addRow("fail stops the build") << ""
                                          << "onerror='fail'" << QStringList{"a:F"} << true;
    QTest::addRow("default is fail") << ""
                                     << "" << QStringList{"a:F"} << true;
    QTest::addRow("continue runs on, build fails")
            << ""
            << "onerror='continue'" << QStringList{"a:F", "b:S"} << true;
    QTest::addRow("ignore runs on, step still failed, build succeeds")
            << ""
            << "onerror='ignore'" << QStringList{"a:F", "b:S"} << false;
    QTest::addRow("build-level onerror applies to steps")
            << "onerror='ignore'"
            << "" << QStringList{"a:F", "b:S"} << false;
    QTest::addRow("step onerror overrides the build's")
            << "onerror='ignore'"
            << "onerror='fail'" << QStringList{"a:F"} << true;
}

void tst_BuildRunner::onError()
{
    QFETCH(QString, buildAttributes);
    QFETCH(QString, stepAttributes);
    QTemporaryDir dir;
    const Core::Recipe recipe
            = AgentTest::recipe("<step id='a' " + stepAttributes
                                        + "><sh:exec executable='false'/></step>"
                                          "<step id='b'><sh:exec executable='true'/></step>",
                                buildAttributes);
    const Build build = runBuild(recipe, dir.path());
    QVERIFY(build.outcome);
    QTEST(stepNames(build.outcome.value()), "steps");
    QTEST(build.outcome.value().failed, "failed");
}

void tst_BuildRunner::buildDirectory()
{
    QTemporaryDir dir;
    const Core::Recipe local = AgentTest::recipe("<step id='a'><sh:exec executable='pwd'/></step>");
    const Build literal = runBuild(local, dir.path());
    QVERIFY(literal.outcome);
    // Local mode: config and build are undefined, so the pattern stays literal (§2.3).
    QCOMPARE(literal.outcome.value().basedir, dir.path() + "/build_${config}_${build}");
    const Core::Recipe served = AgentTest::recipe("<step id='a'><sh:exec executable='pwd'/></step>",
                                                  "config='trunk' build='42'");
    const Build build = runBuild(served, dir.path());
    QCOMPARE(build.outcome.value().basedir, dir.path() + "/build_trunk_42");
}

void tst_BuildRunner::reportFiles()
{
    QTemporaryDir dir;
    const Core::Recipe recipe = AgentTest::recipe(
            "<step id='unit tests'><sh:exec executable='sh' args=\"-c 'echo "
            "&quot;&lt;r&gt;&lt;test fixture=\\&quot;f\\&quot; name=\\&quot;t\\&quot; "
            "status=\\&quot;failure\\&quot;/&gt;&lt;/r&gt;&quot; &gt; t.xml'\"/>"
            "<report category='test' file='t.xml'/><attach file='t.xml'/></step>");
    const Build build = runBuild(recipe, dir.path());
    QVERIFY(build.outcome);
    const QString stepDir = dir.path() + "/reports/01-unit_tests";
    for (const QString &name :
         {"result.xml", "junit.xml", "report.json", "step.log", "attachments.tar.gz"})
        QVERIFY2(QFile::exists(stepDir + "/" + name), qPrintable(name));
    const QJsonObject json
            = QJsonDocument::fromJson(TestLib::readFile(stepDir + "/report.json")).object();
    QCOMPARE(json.value("step").toString(), "unit tests");
    QCOMPARE(json.value("status").toString(), "success");
    QCOMPARE(json.value("tests").toObject().value("failed").toInt(), 1);
    QVERIFY(TestLib::readFile(stepDir + "/junit.xml").contains("<failure"));
    QVERIFY(TestLib::readFile(stepDir + "/step.log")
                    .contains("Attachment t.xml recorded for the build (no master to upload to)."));
}

void tst_BuildRunner::cancel()
{
    QTemporaryDir dir;
    Agent::StopSignal stop;
    const Core::Recipe recipe = AgentTest::recipe(
            "<step id='a' onerror='continue'><sh:exec executable='sh' args=\"-c 'sleep 100 &amp; "
            "echo go; sleep 100'\"/><sh:exec executable='echo' args='never'/></step>"
            "<step id='b'><sh:exec executable='true'/></step>");
    const Build build = runBuild(recipe, dir.path(), &stop, "go");
    QVERIFY(build.outcome);
    QVERIFY(build.outcome.value().cancelled);
    QCOMPARE(stepNames(build.outcome.value()), QStringList{"a:F"});
    QCOMPARE(build.outcome.value().steps.first().exitReason, "cancelled");
    QVERIFY(!build.liveLog.contains("never"));
    QVERIFY(QFile::exists(dir.path() + "/reports/01-a/result.xml"));
}

void tst_BuildRunner::stepMode_data()
{
    QTest::addColumn<QString>("onerror");
    QTest::addColumn<bool>("failed");
    QTest::addRow("fail") << "fail" << true;
    QTest::addRow("ignore exits 0") << "ignore" << false;
}

void tst_BuildRunner::stepMode()
{
    QFETCH(QString, onerror);
    QTemporaryDir dir;
    const Core::Recipe recipe
            = AgentTest::recipe("<step id='first'><sh:exec executable='true'/></step>"
                                "<step id='second' onerror='"
                                + onerror + "'><sh:exec executable='false'/></step>");
    Agent::CommandRegistry registry = Agent::CommandRegistry::builtin();
    Agent::PosixProcessLauncher launcher;
    Agent::BuildRunner runner(registry, launcher);
    Agent::BuildSettings settings;
    settings.workDir = dir.path();
    settings.reportDir = dir.path() + "/out";
    const auto outcome = runner.runStep(recipe, "second", settings);
    QVERIFY(outcome);
    QCOMPARE(stepNames(outcome.value()), QStringList{"second:F"});
    QTEST(outcome.value().failed, "failed");
    QVERIFY(QFile::exists(dir.path() + "/out/result.xml"));
    const auto missing = runner.runStep(recipe, "third", settings);
    QVERIFY(!missing);
    QCOMPARE(missing.error().message, "The recipe has no step \"third\".");
}

void tst_BuildRunner::resultLogs_data()
{
    QTest::addColumn<Agent::ResultLogs>("mode");
    QTest::addColumn<QByteArray>("log"); ///< what result.xml holds for the output
    QTest::addRow("run's default: result.xml refers to step.log")
            << Agent::ResultLogs::Referenced
            << QByteArray("<log generator=\"http://bitten.edgewall.org/tools/sh#exec\">"
                          "<bittern:messages xmlns:bittern=\"urn:bittern:step-result\" "
                          "file=\"step.log\" level=\"info\" offset=\"0\" length=\"8\"/></log>");
    QTest::addRow("--embed-logs and step/poll: every line in result.xml")
            << Agent::ResultLogs::Embedded
            << QByteArray("<log generator=\"http://bitten.edgewall.org/tools/sh#exec\">"
                          "<message level=\"info\">one</message>"
                          "<message level=\"info\">two</message></log>");
}

void tst_BuildRunner::resultLogs()
{
    QFETCH(Agent::ResultLogs, mode);
    QTemporaryDir dir;
    const Core::Recipe recipe = AgentTest::recipe(
            "<step id='a'><sh:exec executable='sh' args=\"-c 'echo one; echo two'\"/></step>");
    Agent::CommandRegistry registry = Agent::CommandRegistry::builtin();
    Agent::PosixProcessLauncher launcher;
    Agent::BuildRunner runner(registry, launcher);
    Agent::BuildSettings settings;
    settings.workDir = dir.path();
    settings.reportDir = dir.path() + "/reports";
    settings.resultLogs = mode;
    QVERIFY(runner.run(recipe, settings));
    const QString stepDir = dir.path() + "/reports/01-a";
    QCOMPARE(TestLib::readFile(stepDir + "/step.log"), QByteArray("one\ntwo\n"));
    const QByteArray xml = TestLib::readFile(stepDir + "/result.xml");
    QFETCH(QByteArray, log);
    QVERIFY2(xml.contains(log), xml.constData());
    // Either way, the expanded result is Bitten's self-contained one.
    QVERIFY(Agent::StepResultExpander::expandFile(stepDir + "/result.xml",
                                                  dir.path() + "/full.xml"));
    QVERIFY(TestLib::readFile(dir.path() + "/full.xml")
                    .contains("<message level=\"info\">one</message>"
                              "<message level=\"info\">two</message></log>"));
}

void tst_BuildRunner::examples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("failed");
    const QString dir = QString::fromLocal8Bit(qgetenv("BITTERN_SOURCE")) + "/examples/";
    QTest::addRow("hello-c") << dir + "hello-c.xml" << false;
    QTest::addRow("onerror: the build fails by design") << dir + "onerror.xml" << true;
    QTest::addRow("python-project") << dir + "python-project.xml" << false;
}

void tst_BuildRunner::examples()
{
    QFETCH(QString, file);
    const QString examples = QFileInfo(file).absolutePath();
    Agent::Options options;
    options.configFile = examples + "/slave.ini";
    options.properties.append({"examples.dir", examples});
    const auto config = Agent::AgentCli::loadConfig(options);
    QVERIFY2(config, config ? "" : qPrintable(config.error().message));
    auto recipe = Agent::AgentCli::loadRecipe(file);
    QVERIFY2(recipe, recipe ? "" : qPrintable(recipe.error().toString()));
    QTemporaryDir dir;
    const Build build
            = runBuild(recipe.value(), dir.path(), nullptr, QString(), config.value().properties);
    QVERIFY(build.outcome);
    QFETCH(bool, failed);
    QVERIFY2(build.outcome.value().failed == failed, qPrintable(build.liveLog.join('\n')));
    QCOMPARE(build.outcome.value().steps.size(), recipe.value().steps.size());
}

void tst_BuildRunner::corpusWindowsRecipe()
{
    // A Windows slave's recipe: C:\ paths and .bat files cannot run here; the first step fails
    // with a clear error and the build stops (onerror="fail").
    auto recipe = Agent::AgentCli::loadRecipe(
            TestLib::sharedPath("corpus/recipes/ImagoTrigger_FreeAllegiance_deploy.xml"));
    QVERIFY(recipe);
    QTemporaryDir dir;
    const Build build = runBuild(recipe.value(), dir.path());
    QVERIFY(build.outcome);
    QCOMPARE(stepNames(build.outcome.value()), QStringList{"Checkout:F"});
    QVERIFY2(build.liveLog.contains(
                     "error: Could not start C:\\\\build\\\\checkout.bat: No such file or "
                     "directory."),
             qPrintable(build.liveLog.join('\n')));
    QVERIFY(build.liveLog.contains("Checkout completed"));
}

void tst_BuildRunner::corpusLegacyRecipe()
{
    auto recipe = Agent::AgentCli::loadRecipe(
            TestLib::sharedPath("corpus/recipes/bitten-own-recipe-2005-legacy.xml"));
    QVERIFY(recipe);
    QTemporaryDir dir;
    const Build build = runBuild(recipe.value(), dir.path());
    QVERIFY(build.outcome);
    QCOMPARE(stepNames(build.outcome.value()), QStringList{"build:F"});
    QVERIFY2(build.liveLog.contains(
                     "error: Unknown recipe command bitten:bitten.build.pythontools#distutils"),
             qPrintable(build.liveLog.join('\n')));
}

void tst_BuildRunner::corpusDocsExample()
{
    QTemporaryDir dir;
    const QString repo = dir.path() + "/repo";
    QVERIFY(svn({"svnadmin", "create", repo}));
    QVERIFY(QDir().mkpath(dir.path() + "/import/trunk"));
    QFile setup(dir.path() + "/import/trunk/setup.py");
    QVERIFY(setup.open(QIODevice::WriteOnly));
    setup.write("print('setup')\n");
    setup.close();
    QVERIFY(svn({"svn", "import", "-q", "-m", "i", dir.path() + "/import", "file://" + repo}));
    QByteArray text = TestLib::readFile(
            TestLib::sharedPath("corpus/recipes/bitten-docs_recipes_example.xml"));
    // What the master would inject, and the URL pointed at the local repository.
    text.replace("http://svn.example.org/repos/foo", "file://" + repo.toUtf8());
    text.replace("<build ", "<build path='trunk' revision='1' ");
    auto recipe = Core::RecipeReader("docs.xml").read(text);
    QVERIFY(recipe);
    QVERIFY(QDir().mkpath(dir.path() + "/work"));
    const Build build = runBuild(recipe.value(), dir.path() + "/work");
    QVERIFY(build.outcome);
    QVERIFY(build.outcome.value().steps.size() >= 2);
    QCOMPARE(stepNames(build.outcome.value()).first(), "checkout:S");
    QVERIFY(QFile::exists(build.outcome.value().basedir + "/setup.py"));
}

void tst_BuildRunner::corpusBoost()
{
    // The Boost regression recipe with its repository replaced by a local one whose run.py
    // stands in for Boost's: checkouts, python:exec and two test reports.
    QTemporaryDir dir;
    const QString repo = dir.path() + "/repo";
    QVERIFY(svn({"svnadmin", "create", repo}));
    const QString tools = dir.path() + "/import/tools";
    for (const QString &sub : {"/regression/src", "/build/v2", "/jam/src"})
        QVERIFY(QDir().mkpath(tools + sub));
    QFile runPy(tools + "/regression/src/run.py");
    QVERIFY(runPy.open(QIODevice::WriteOnly));
    runPy.write("import os, sys\n"
                "for a in sys.argv[1:]:\n"
                "    if a.startswith('--bitten-report='):\n"
                "        p = a.split('=', 1)[1]\n"
                "        os.makedirs(os.path.dirname(p), exist_ok=True)\n"
                "        open(p, 'w').write('<r><test fixture=\"f\" name=\"t\" "
                "status=\"success\"/></r>')\n"
                "print('run.py', sys.argv[-1])\n");
    runPy.close();
    QVERIFY(svn({"svn", "import", "-q", "-m", "i", dir.path() + "/import", "file://" + repo}));
    QByteArray text = TestLib::readFile(
            TestLib::sharedPath("corpus/recipes/boost-bitten-branch_regression_rendered.xml"));
    text.replace("https://svn.boost.org/svn/boost/branches/bitten", "file://" + repo.toUtf8());
    auto recipe = Core::RecipeReader("boost.xml").read(text);
    QVERIFY2(recipe, recipe ? "" : qPrintable(recipe.error().toString()));
    QVERIFY(QDir().mkpath(dir.path() + "/work"));
    const Build build = runBuild(recipe.value(), dir.path() + "/work");
    QVERIFY(build.outcome);
    QCOMPARE(stepNames(build.outcome.value()),
             (QStringList{"get-tool-source:S", "build tools:S", "config:S", "test:S"}));
    QVERIFY(build.liveLog.contains("run.py create-bitten-report"));
    QCOMPARE(build.outcome.value().steps.at(2).tests->totals.success, 1);
}

void tst_BuildRunner::corpusKatpoint()
{
    // ska-sa/katpoint with its repository replaced by a local one holding what the two
    // checkout steps need; the later steps need the project's own tools and may fail.
    QTemporaryDir dir;
    const QString repo = dir.path() + "/repo";
    QVERIFY(svn({"svnadmin", "create", repo}));
    QVERIFY(QDir().mkpath(dir.path() + "/import/trunk/katpoint"));
    QVERIFY(QDir().mkpath(dir.path() + "/import/code/tools"));
    QFile setup(dir.path() + "/import/trunk/setup.py");
    QVERIFY(setup.open(QIODevice::WriteOnly));
    setup.close();
    QVERIFY(svn({"svn", "import", "-q", "-m", "i", dir.path() + "/import", "file://" + repo}));
    QByteArray text = TestLib::readFile(TestLib::sharedPath("corpus/recipes/ska-sa_katpoint.xml"));
    text.replace("https://katfs/svnDS", "file://" + repo.toUtf8());
    text.replace("<build\n", "<build path='trunk' revision='1'\n");
    auto recipe = Core::RecipeReader("katpoint.xml").read(text);
    QVERIFY2(recipe, recipe ? "" : qPrintable(recipe.error().toString()));
    QVERIFY(QDir().mkpath(dir.path() + "/work"));
    const Build build = runBuild(recipe.value(), dir.path() + "/work");
    QVERIFY(build.outcome);
    const QStringList steps = stepNames(build.outcome.value());
    QVERIFY2(steps.size() >= 3, qPrintable(steps.join(' ')));
    QCOMPARE(steps.mid(0, 2), (QStringList{"checkout-src:S", "checkout-tools:S"}));
    QVERIFY(QFile::exists(build.outcome.value().basedir + "/setup.py"));
    QVERIFY(QFileInfo(build.outcome.value().basedir + "/tools").isDir());
}

void tst_BuildRunner::corpusErrors_data()
{
    // Corpus recipes that cannot run here as they are, with the messages that say why.
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QStringList>("messages"); ///< live log lines expected, in this order
    const auto unset = [](const char *ref, const char *hint) {
        return QString("warning: simoncblyth-env_dybinst.xml, line 24: attribute \"args\" of "
                       "<sh:exec> refers to ${%1}, which no slave property or build variable "
                       "defines, so it is passed on as written. %2")
                .arg(ref, hint);
    };
    QTest::addRow("dybinst: slave configuration options [slv] and build number not set")
            << "simoncblyth-env_dybinst.xml" << QStringList{"export:F"}
            << QStringList{unset("slv.logurl",
                                 "Set option \"logurl\" in section [slv] of the slave "
                                 "configuration, or define it with -D slv.logurl=VALUE."),
                           unset("build", "Define it as a build variable (-D build=VALUE)."),
                           unset("slv.username",
                                 "Set option \"username\" in section [slv] of the slave "
                                 "configuration, or define it with -D slv.username=VALUE."),
                           unset("slv.password",
                                 "Set option \"password\" in section [slv] of the slave "
                                 "configuration, or define it with -D slv.password=VALUE."),
                           "error: Executing bash failed (error code 1)"};
}

void tst_BuildRunner::corpusErrors()
{
    QFETCH(QString, file);
    QFETCH(QStringList, steps);
    QFETCH(QStringList, messages);
    auto recipe = Agent::AgentCli::loadRecipe(TestLib::sharedPath("corpus/recipes/" + file));
    QVERIFY2(recipe, recipe ? "" : qPrintable(recipe.error().toString()));
    QTemporaryDir dir;
    const Build build = runBuild(recipe.value(), dir.path(), nullptr, QString(), {}, file);
    QVERIFY(build.outcome);
    QCOMPARE(stepNames(build.outcome.value()), steps);
    QStringList seen;
    for (const QString &line : build.liveLog) {
        if (line.startsWith("warning: ") || line.startsWith("error: "))
            seen << line;
    }
    QCOMPARE(seen, messages);
}

QTEST_GUILESS_MAIN(tst_BuildRunner)
#include "tst_buildrunner.moc"
