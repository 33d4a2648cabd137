// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "bridge/store/sqlstore.h"
#include "core/reportjson.h"
#include "integrations/buildbot/client.h"
#include "tests/testlib/buildbotinstance.h"
#include "tests/testlib/testdata.h"

namespace {

/// The worker's `bittern-agent`: the real one with the example slave.ini, passed the runtime -D
/// build variables (revision, build, …) as they come; a `no-report` file next to the wrapper
/// makes it write nothing.
QString agentScript(const QString &binDir)
{
    const QString source = QStringLiteral(BITTERN_SOURCE_DIR);
    return QStringLiteral(
                   "#!/bin/sh\n"
                   "[ -e '%1/no-report' ] && { echo 'agent disabled by the test'; exit 1; }\n"
                   "exec '%2' \"$@\" -f '%3/examples/slave.ini' -D 'examples.dir=%3/examples'\n")
            .arg(binDir, QStringLiteral(BITTERN_AGENT_EXE), source);
}

QString recipe(const QString &firstOnError)
{
    return QStringLiteral(
                   "<build xmlns:sh=\"http://bitten.edgewall.org/tools/sh\">\n"
                   "  <step id=\"bad\" onerror=\"%1\"><sh:exec executable=\"false\"/></step>\n"
                   "  <step id=\"after\"><sh:exec executable=\"true\"/></step>\n"
                   "</build>\n")
            .arg(firstOnError);
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

struct RunResult
{
    int exitCode = -1;
    QString out;
};

QString bittenStatus(int buildbotResult)
{
    return buildbotResult == 0 || buildbotResult == 1 ? QStringLiteral("success")
                                                      : QStringLiteral("failure");
}

} // namespace

/// The plugin end to end on Debian's Buildbot: push, run, records, onerror, stale reports, a lost
/// worker, and the same numbers as a local `bittern-agent run`.
class tst_BuildbotPlugin : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void pushListsBuilders();
    void pythonProjectRecords();
    void onerror_data();
    void onerror();
    void localParity_data();
    void localParity();
    void staleReportIsNeverRead();
    void interruptStopsTheBuild();
    void workerKilledMidBuild();

private:
    RunResult bittern(const QStringList &arguments, int timeoutMs = 180000);
    QString ciUrl() const;
    QJsonObject json(const QString &path) const;
    QJsonObject latestBuild(const QString &builder) const;
    QJsonArray steps(const QJsonObject &build) const;
    bool sleepStepStarted() const;
    /// The bridge's store `bittern run --db` records into (one SQLite file for the test).
    QString storeLocation() const { return "sqlite:" + m_recipes.filePath("store.db"); }
    /// The store's newest build of @p configuration, with its steps, errors and metrics.
    Bridge::BuildDetail recordedBuild(const QString &configuration, Bridge::MetricPoint &metrics);

    TestLib::BuildbotInstance m_buildbot;
    QTemporaryDir m_recipes;
};

QString tst_BuildbotPlugin::ciUrl() const
{
    return QStringLiteral("buildbot+http://%1:%2@127.0.0.1:%3")
            .arg(m_buildbot.user(), m_buildbot.password())
            .arg(m_buildbot.url().port());
}

RunResult tst_BuildbotPlugin::bittern(const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(BITTERN_EXE), arguments);
    RunResult result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAll());
    return result;
}

QJsonObject tst_BuildbotPlugin::json(const QString &path) const
{
    return QJsonDocument::fromJson(m_buildbot.get(path)).object();
}

QJsonObject tst_BuildbotPlugin::latestBuild(const QString &builder) const
{
    const QJsonArray builders = json("api/v2/builders?name=" + builder).value("builders").toArray();
    const int id = builders.at(0).toObject().value("builderid").toInt();
    return json(QString("api/v2/builds?builderid=%1&order=-number&limit=1&property=*").arg(id))
            .value("builds")
            .toArray()
            .at(0)
            .toObject();
}

QJsonArray tst_BuildbotPlugin::steps(const QJsonObject &build) const
{
    return json(QString("api/v2/builds/%1/steps").arg(build.value("buildid").toInt()))
            .value("steps")
            .toArray();
}

void tst_BuildbotPlugin::initTestCase()
{
    if (!TestLib::BuildbotInstance::isAvailable()) {
        QTest::qSkip("Debian's buildbot and buildbot-worker are not installed.", __FILE__,
                     __LINE__);
        return;
    }
    TestLib::BuildbotInstance::Options options;
    options.agentScript = agentScript(QDir(QDir::tempPath()).filePath("unused"));
    QString error = m_buildbot.start(options);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // The wrapper's marker lives next to it (the bin dir exists only after start()).
    QVERIFY(writeFile(m_buildbot.binDir() + "/bittern-agent",
                      agentScript(m_buildbot.binDir()).toUtf8()));
    for (const QString &mode : {"fail", "continue", "ignore"}) {
        for (const QString &strategy : {"native", "agent"})
            QVERIFY(writeFile(m_recipes.filePath(QString("onerror-%1-%2.xml").arg(mode, strategy)),
                              recipe(mode).toUtf8()));
    }
    QVERIFY(writeFile(m_recipes.filePath("worker-kill.xml"),
                      "<build xmlns:sh=\"http://bitten.edgewall.org/tools/sh\"><step id=\"sleep\">"
                      "<sh:exec executable=\"sleep\" args=\"60\"/></step></build>\n"));
    const QString examples = QStringLiteral(BITTERN_SOURCE_DIR "/examples/");
    const QStringList common{"push", "--ci",         ciUrl(), "--data-dir", m_buildbot.dataDir(),
                             "--db", storeLocation()};
    QStringList native = common + QStringList{"--strategy", "native"};
    QStringList agent = common + QStringList{"--strategy", "agent"};
    for (const QString &mode : {"fail", "continue", "ignore"}) {
        native += m_recipes.filePath(QString("onerror-%1-native.xml").arg(mode));
        agent += m_recipes.filePath(QString("onerror-%1-agent.xml").arg(mode));
    }
    native << m_recipes.filePath("worker-kill.xml")
           << TestLib::sharedPath("corpus/recipes/bitten-docs_recipes_example.xml");
    agent << examples + "python-project.xml" << examples + "onerror.xml"
          << examples + "hello-c.xml";
    for (const QStringList &arguments : {native, agent}) {
        const RunResult push = bittern(arguments);
        QVERIFY2(push.exitCode == 0, qPrintable(push.out + m_buildbot.masterLog().right(3000)));
    }
}

void tst_BuildbotPlugin::cleanupTestCase()
{
    m_buildbot.stop();
}

void tst_BuildbotPlugin::pushListsBuilders()
{
    QStringList names;
    for (const QJsonValue &builder : json("api/v2/builders").value("builders").toArray())
        names += builder.toObject().value("name").toString();
    for (const QString &expected :
         {"bitten-python-project-any", "bitten-onerror-any", "bitten-hello-c-any",
          "bitten-onerror-fail-native-any", "bitten-onerror-ignore-agent-any",
          "bitten-bitten-docs_recipes_example-any", "bitten-worker-kill-any"})
        QVERIFY2(names.contains(expected), qPrintable(names.join(", ")));
    // push --db recorded the CI target and one job per builder in the bridge's store.
    auto store = Bridge::SqlStore::open(storeLocation());
    QVERIFY(store);
    const auto jobs = store.value()->ciJobs(QString());
    QVERIFY(jobs);
    QStringList jobNames;
    for (const Bridge::CiJob &job : jobs.value()) {
        jobNames += job.jobName;
        if (job.jobName == "bitten-worker-kill-any")
            QCOMPARE(job.config, QString("worker-kill"));
    }
    QVERIFY2(jobNames.contains("bitten-worker-kill-any")
                     && jobNames.contains("bitten-python-project-any"),
             qPrintable(jobNames.join(", ")));
    QCOMPARE(store.value()->ciTargets().value().value(0).kind, QString("buildbot"));
    const QJsonObject scheduler = json("api/v2/forceschedulers/bittern")
                                          .value("forceschedulers")
                                          .toArray()
                                          .at(0)
                                          .toObject();
    QStringList fields;
    for (const QJsonValue &field : scheduler.value("all_fields").toArray()) {
        fields += field.toObject().value("fullName").toString();
        for (const QJsonValue &inner : field.toObject().value("fields").toArray())
            fields += inner.toObject().value("fullName").toString();
    }
    QVERIFY2(fields.contains("revision") && fields.contains("bittern_request_id"),
             qPrintable(fields.join(", ")));
}

void tst_BuildbotPlugin::pythonProjectRecords()
{
    const RunResult run = bittern(
            {"run", "--ci", ciUrl(), "python-project", "--rev", "r7", "--db", storeLocation()});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out));
    QVERIFY2(run.out.contains("recorded as build "), qPrintable(run.out));
    QVERIFY2(run.out.contains("Ran 4 tests"), qPrintable(run.out));
    QVERIFY2(
            run.out.contains("tests: 4 passed, 0 failed, 0 ignored; coverage: -; lint: 1 problems"),
            qPrintable(run.out));
    const QJsonObject build = latestBuild("bitten-python-project-any");
    QCOMPARE(build.value("results").toInt(), 0);
    QVERIFY2(build.value("state_string").toString().contains("test: 4 tests, 0 failed"),
             qPrintable(build.value("state_string").toString()));
    const QJsonObject props = build.value("properties").toObject();
    QCOMPARE(props.value("tests_passed").toArray().at(0).toInt(), 4);
    QCOMPARE(props.value("tests_failed").toArray().at(0).toInt(), 0);
    QCOMPARE(props.value("lint_total").toArray().at(0).toInt(), 1);
    QCOMPARE(props.value("lint_convention").toArray().at(0).toInt(), 1);
    QCOMPARE(props.value("tests_passed").toArray().at(1).toString(), QString("BitternAgentStep"));
    QCOMPARE(props.value("revision").toArray().at(0).toString(), QString("r7"));

    QStringList names;
    QList<int> results;
    for (const QJsonValue &step : steps(build)) {
        names += step.toObject().value("name").toString();
        results += step.toObject().value("results").toInt();
    }
    QCOMPARE(names, (QStringList{"worker_preparation", "bittern-recipe", "fetch", "test", "lint"}));
    QCOMPARE(results, (QList<int>{0, 0, 0, 0, 1}));

    // The bridge's store holds the run: succeeded, the steps followed, the metrics.
    Bridge::MetricPoint metrics;
    const Bridge::BuildDetail recorded = recordedBuild("python-project", metrics);
    QCOMPARE(recorded.build.status, Bridge::BuildStatus::Success);
    QCOMPARE(recorded.build.revision, QString("r7"));
    QStringList recordedSteps;
    for (const Bridge::BuildStep &step : recorded.steps) {
        recordedSteps += step.name;
        QCOMPARE(step.status, Bridge::StepStatus::Success); // lint's "warnings" too
    }
    QVERIFY2(recordedSteps.contains("test") && recordedSteps.contains("lint"),
             qPrintable(recordedSteps.join(", ")));
    QCOMPARE(metrics.build, recorded.build.id);
    QCOMPARE(metrics.tests.success, qint64(4));
    QCOMPARE(metrics.tests.failure, qint64(0));
    QCOMPARE(metrics.lint.convention, qint64(1));

    const int buildId = build.value("buildid").toInt();
    const QJsonArray sets = json(QString("api/v2/builds/%1/test_result_sets").arg(buildId))
                                    .value("test_result_sets")
                                    .toArray();
    QCOMPARE(sets.size(), 2);
    QCOMPARE(sets.at(0).toObject().value("description").toString(), QString("test: tests"));
    QCOMPARE(sets.at(0).toObject().value("tests_passed").toInt(), 4);
    QCOMPARE(sets.at(0).toObject().value("tests_failed").toInt(), 0);
    QCOMPARE(sets.at(1).toObject().value("category").toString(), QString("code_issue"));
    QCOMPARE(sets.at(1).toObject().value("tests_failed").toInt(), 1);
    const QJsonArray tests
            = json(QString("api/v2/test_result_sets/%1/results")
                           .arg(sets.at(0).toObject().value("test_result_setid").toInt()))
                      .value("test_results")
                      .toArray();
    QCOMPARE(tests.size(), 4);
    QCOMPARE(tests.at(0).toObject().value("test_name").toString(),
             QString("test_calc.CalcTest.test_add"));

    const QString stdio = QString::fromUtf8(
            m_buildbot.get(QString("api/v2/builds/%1/steps/test/logs/stdio/raw").arg(buildId)));
    QVERIFY2(stdio.contains("Ran 4 tests"), qPrintable(stdio));
    QVERIFY2(!stdio.contains("PATH="), "logEnviron must be off");
    const QString html = QString::fromUtf8(m_buildbot.get(
            QString("api/v2/builds/%1/steps/lint/logs/summary_html/raw").arg(buildId)));
    QVERIFY2(html.contains("<h3>Bitten step lint: success</h3>"), qPrintable(html));
    const QByteArray raw = m_buildbot.get(
            QString("api/v2/builds/%1/data/bittern-report-test/value").arg(buildId));
    QVERIFY2(Core::ReportJson::read(raw), raw.constData());
}

void tst_BuildbotPlugin::onerror_data()
{
    QTest::addColumn<QString>("configuration");
    QTest::addColumn<int>("buildResult");
    QTest::addColumn<bool>("afterRuns");
    QTest::addColumn<int>("exitCode");
    for (const QString &strategy : {"native", "agent"}) {
        QTest::addRow("fail, %s: build fails, later steps never run", qPrintable(strategy))
                << "onerror-fail-" + strategy << 2 << false << 1;
        QTest::addRow("continue, %s: build fails, later steps run", qPrintable(strategy))
                << "onerror-continue-" + strategy << 2 << true << 1;
        QTest::addRow("ignore, %s: step failed, build succeeds", qPrintable(strategy))
                << "onerror-ignore-" + strategy << 0 << true << 0;
    }
}

void tst_BuildbotPlugin::onerror()
{
    QFETCH(QString, configuration);
    QFETCH(int, buildResult);
    QFETCH(bool, afterRuns);
    QFETCH(int, exitCode);
    const RunResult run = bittern({"run", "--ci", ciUrl(), configuration});
    QVERIFY2(run.exitCode == exitCode, qPrintable(run.out));
    const QJsonObject build = latestBuild("bitten-" + configuration + "-any");
    QCOMPARE(build.value("results").toInt(), buildResult);
    QHash<QString, int> results;
    for (const QJsonValue &step : steps(build))
        results.insert(step.toObject().value("name").toString(),
                       step.toObject().value("results").toInt());
    QCOMPARE(results.value("bad", -1), 2);
    QCOMPARE(results.contains("after"), afterRuns);
    if (afterRuns)
        QCOMPARE(results.value("after"), 0);
}

void tst_BuildbotPlugin::localParity_data()
{
    QTest::addColumn<QString>("configuration");
    QTest::addRow("python unittest and pylint") << "python-project";
    QTest::addRow("onerror fail/ignore/continue") << "onerror";
    QTest::addRow("C tests with make") << "hello-c";
}

void tst_BuildbotPlugin::localParity()
{
    QFETCH(QString, configuration);
    QTemporaryDir work;
    QProcess local;
    local.setWorkingDirectory(work.path());
    local.setProcessChannelMode(QProcess::MergedChannels);
    const QString source = QStringLiteral(BITTERN_SOURCE_DIR);
    local.start(QStringLiteral(BITTERN_AGENT_EXE),
                {"run", source + "/examples/" + configuration + ".xml", "-f",
                 source + "/examples/slave.ini", "-D", "examples.dir=" + source + "/examples",
                 "--report-dir", work.filePath("reports")});
    QVERIFY(local.waitForFinished(120000));
    QStringList localSteps;
    QStringList localStatus;
    int passed = 0, failed = 0, lint = 0;
    const QStringList dirs = QDir(work.filePath("reports"))
                                     .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &dir : dirs) {
        QFile file(work.filePath("reports/" + dir + "/report.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto report = Core::ReportJson::read(file.readAll());
        QVERIFY(report);
        localSteps += report.value().step;
        localStatus += report.value().status == Core::StepResult::Status::Success ? "success"
                                                                                  : "failure";
        if (report.value().tests) {
            passed += report.value().tests->totals.success;
            failed += report.value().tests->totals.failed() + report.value().tests->totals.other;
        }
        if (report.value().lint)
            lint += report.value().lint->total();
    }
    QVERIFY(!localSteps.isEmpty());

    const RunResult run = bittern({"run", "--ci", ciUrl(), configuration});
    QVERIFY2(run.exitCode
                     == (localStatus.contains("failure") && configuration == "onerror" ? 1 : 0),
             qPrintable(run.out));
    const QJsonObject build = latestBuild("bitten-" + configuration + "-any");
    QStringList ciSteps;
    QStringList ciStatus;
    for (const QJsonValue &step : steps(build)) {
        const QString name = step.toObject().value("name").toString();
        if (name == "worker_preparation" || name == "bittern-recipe")
            continue;
        ciSteps += name;
        ciStatus += bittenStatus(step.toObject().value("results").toInt());
    }
    QCOMPARE(ciSteps, localSteps);
    QCOMPARE(ciStatus, localStatus);
    const QJsonObject props = build.value("properties").toObject();
    QCOMPARE(props.value("tests_passed").toArray().at(0).toInt(), passed);
    QCOMPARE(props.value("tests_failed").toArray().at(0).toInt(), failed);
    QCOMPARE(props.value("lint_total").toArray().at(0).toInt(), lint);
}

void tst_BuildbotPlugin::staleReportIsNeverRead()
{
    // A report from "an earlier build" in the reused build directory, then an agent that writes
    // nothing: the step must fail for want of a report, not show the old numbers.
    const QString stale
            = m_buildbot.workerDir() + "/bitten-python-project-any/build/.bittern/reports/2";
    QVERIFY(QDir().mkpath(stale));
    QVERIFY(writeFile(stale + "/report.json",
                      R"({"schema":"bittern-report","version":"1.0","step":"test",
                          "status":"success","onerror":"continue","duration":1,"errors":[],
                          "tests":{"total":99,"passed":99,"failed":0,"errors":0,"ignored":0,
                                   "other":0,"cases":[]},
                          "properties":{},"urls":[],"files":{}})"));
    QVERIFY(writeFile(m_buildbot.binDir() + "/no-report", "1"));
    const RunResult run = bittern({"run", "--ci", ciUrl(), "python-project"});
    QFile::remove(m_buildbot.binDir() + "/no-report");
    QCOMPARE(run.exitCode, 1);
    const QJsonObject build = latestBuild("bitten-python-project-any");
    QCOMPARE(build.value("results").toInt(), 2);
    QVERIFY(!build.value("properties").toObject().contains("tests_passed"));
    for (const QJsonValue &step : steps(build)) {
        if (step.toObject().value("name").toString() == "test")
            QCOMPARE(step.toObject().value("state_string").toString(),
                     QString("no report: the agent wrote no report.json (failure)"));
    }
}

Bridge::BuildDetail tst_BuildbotPlugin::recordedBuild(const QString &configuration,
                                                      Bridge::MetricPoint &metrics)
{
    auto store = Bridge::SqlStore::open(storeLocation());
    if (!store) {
        qWarning("%s", qPrintable(store.error().message));
        return {};
    }
    Bridge::BuildQuery query;
    query.config = configuration;
    const auto page = store.value()->builds(query);
    if (!page || page.value().builds.isEmpty())
        return {};
    const auto points = store.value()->metrics(configuration);
    if (points && !points.value().isEmpty())
        metrics = points.value().constLast();
    const auto detail = store.value()->buildDetail(page.value().builds.first().id);
    return detail ? detail.value() : Bridge::BuildDetail();
}

bool tst_BuildbotPlugin::sleepStepStarted() const
{
    const QJsonObject build = latestBuild("bitten-worker-kill-any");
    if (build.value("complete").toBool())
        return false;
    for (const QJsonValue &step : steps(build))
        if (step.toObject().value("name").toString() == "sleep")
            return true;
    return false;
}

void tst_BuildbotPlugin::interruptStopsTheBuild()
{
    QProcess run;
    run.setProcessChannelMode(QProcess::MergedChannels);
    run.start(QStringLiteral(BITTERN_EXE), {"run", "--ci", ciUrl(), "worker-kill"});
    QVERIFY(run.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(sleepStepStarted(), 30000);
    run.terminate(); // SIGTERM, handled like Ctrl-C
    QVERIFY(run.waitForFinished(30000));
    const QString out = QString::fromUtf8(run.readAll());
    QVERIFY2(run.exitCode() == 1, qPrintable(out));
    QVERIFY2(out.contains("interrupted; asking Buildbot to stop the build")
                     && out.contains("of bitten-worker-kill-any: cancelled"),
             qPrintable(out));
    QCOMPARE(latestBuild("bitten-worker-kill-any").value("results").toInt(), 6);
}

void tst_BuildbotPlugin::workerKilledMidBuild()
{
    QProcess run;
    run.setProcessChannelMode(QProcess::MergedChannels);
    run.start(QStringLiteral(BITTERN_EXE),
              {"run", "--ci", ciUrl(), "worker-kill", "--db", storeLocation()});
    QVERIFY(run.waitForStarted());
    // Wait (bounded) until the sleep step runs, then take the worker away.
    QTRY_VERIFY_WITH_TIMEOUT(sleepStepStarted(), 30000);
    QVERIFY(m_buildbot.killWorker());
    QVERIFY(run.waitForFinished(60000));
    const QString out = QString::fromUtf8(run.readAll());
    QVERIFY2(run.exitCode() == 3, qPrintable(out));
    QVERIFY2(out.contains("of bitten-worker-kill-any: retry"), qPrintable(out));
    const QJsonObject build = latestBuild("bitten-worker-kill-any");
    QCOMPARE(build.value("results").toInt(), 5);
    // Buildbot re-queues the request; cancel it so nothing runs when a worker comes back.
    Buildbot::Client client(m_buildbot.url(), {m_buildbot.user(), m_buildbot.password()});
    Buildbot::Request *cancel
            = client.cancelBuildRequest(build.value("buildrequestid").toInt(), "test over");
    QSignalSpy done(cancel, &Buildbot::Request::finished);
    QVERIFY(cancel->isFinished() || done.wait(10000));
    QCOMPARE(cancel->error(), Buildbot::Request::Error::NoError);
    // The bridge recorded the build as Buildbot ended it: failed, with the retry result.
    Bridge::MetricPoint metrics;
    const Bridge::BuildDetail recorded = recordedBuild("worker-kill", metrics);
    QCOMPARE(recorded.build.status, Bridge::BuildStatus::Failure);
    QVERIFY(recorded.build.stopped >= recorded.build.started && recorded.build.started > 0);
    QStringList stepNames;
    for (const Bridge::BuildStep &step : recorded.steps)
        stepNames += step.name;
    QVERIFY2(stepNames.contains("sleep"), qPrintable(stepNames.join(", ")));
    for (const Bridge::BuildStep &step : recorded.steps) {
        if (step.name == "sleep")
            QCOMPARE(step.status, Bridge::StepStatus::Failure);
    }
    QVERIFY(!recorded.errors.isEmpty());
    QVERIFY2(recorded.errors.constLast().message.contains("ended with result retry"),
             qPrintable(recorded.errors.constLast().message));
    auto store = Bridge::SqlStore::open(storeLocation());
    QVERIFY(store);
    bool jobFound = false;
    const auto jobs = store.value()->ciJobs(QString());
    QVERIFY(jobs);
    for (const Bridge::CiJob &job : jobs.value())
        jobFound = jobFound
                || (job.jobName == "bitten-worker-kill-any" && job.build == recorded.build.id
                    && job.lastRunId == QString::number(build.value("buildid").toInt()));
    QVERIFY(jobFound);
}

QTEST_GUILESS_MAIN(tst_BuildbotPlugin)
#include "tst_buildbotplugin.moc"
