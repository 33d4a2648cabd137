// SPDX-License-Identifier: GPL-3.0-or-later
// `bittern push|run --ci jenkins+…` (Bridge::JenkinsBackend, JenkinsPushJob, JenkinsRunJob)
// against the Jenkins stand-in: push creates folders and jobs, then updates them; run
// triggers, follows the console live and prints the summary read back from Jenkins.
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "bridge/ciinputs.h"
#include "bridge/jenkinsbackend.h"
#include "bridge/jenkinspushjob.h"
#include "bridge/jenkinsrunjob.h"
#include "tests/integrations/jenkins/jenkinstestsupport.h"

namespace {

QByteArray recipe(const QString &command)
{
    return "<build xmlns:sh=\"http://bitten.edgewall.org/tools/sh\">\n"
           "  <step id=\"build\" description=\"Build\">\n"
           "    <sh:exec executable=\""
            + command.toUtf8() + "\"/>\n  </step>\n</build>\n";
}

Bridge::CiConfiguration configuration(const QString &folder, const QString &name)
{
    Bridge::CiConfiguration entry;
    entry.folder = folder;
    entry.configuration.name = name;
    entry.configuration.source = name + QLatin1String(".xml");
    entry.configuration.recipe = recipe(QStringLiteral("make"));
    return entry;
}

Bridge::CiOptions options(TestLib::JenkinsStandin *standin, Bridge::CiOptions::Action action)
{
    Bridge::CiOptions options;
    options.action = action;
    options.server = Bridge::CiOptions::Server::Jenkins;
    options.url = standin->baseUrl();
    return options;
}

QProcessEnvironment tokenEnvironment()
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("BITTERN_JENKINS_USER"), JenkinsTest::user);
    environment.insert(QStringLiteral("BITTERN_JENKINS_TOKEN"), JenkinsTest::token);
    return environment;
}

/// A backend with the stand-in's user and short poll intervals.
struct Backend
{
    Bridge::JenkinsBackend backend{tokenEnvironment()};
    QString out;
    QString err;
    QTextStream outStream{&out};
    QTextStream errStream{&err};
    Backend() { backend.setTiming({2, 2}, {3, 1, 8}); }
};

/// A Trac environment's database with Bitten's configuration tables (schema 12) and two
/// configurations, one with a target platform.
bool createTracDb(const QString &path)
{
    const QStringList statements{
            "CREATE TABLE system (name text PRIMARY KEY, value text)",
            "INSERT INTO system VALUES ('bitten_version', '12')",
            "CREATE TABLE bitten_config (name text PRIMARY KEY, path text, active integer, "
            "recipe text, min_rev text, max_rev text, label text, description text)",
            "CREATE TABLE bitten_platform (id integer PRIMARY KEY, config text, name text)",
            "CREATE TABLE bitten_rule (id integer, propname text, pattern text, orderno integer)",
            "INSERT INTO bitten_config VALUES ('trunk', '/trunk', 1, '"
                    + QString::fromUtf8(recipe(QStringLiteral("make"))) + "', '', '', 'Trunk', '')",
            "INSERT INTO bitten_config VALUES ('rel:1.0', '/rel', 1, '<build/>', '', '', '', '')",
            "INSERT INTO bitten_platform VALUES (1, 'trunk', 'linux')",
            "INSERT INTO bitten_rule VALUES (1, 'os', '^Linux$', 0)"};
    bool ok = true;
    {
        QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tracdb"));
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery query(db);
        for (const QString &statement : statements)
            ok = ok && query.exec(statement);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tracdb"));
    return ok;
}

} // namespace

class tst_JenkinsPush : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pushCreatesThenUpdates();
    void pushTracEnvironment();
    void pushRefusesOtherJobTypes();
    void pushNeedsCredentials();
    void itemName_data();
    void itemName();
    void environmentName_data();
    void environmentName();
    void runFollowsConsoleLive();
    void runPrintsSummary();
    void runOfMissingJob();
    void summaryLines_data();
    void summaryLines();
    void parseOptions_data();
    void parseOptions();
};

void tst_JenkinsPush::pushCreatesThenUpdates()
{
    TestLib::JenkinsStandin *standin = JenkinsTest::makeStandin(this);
    const QVector<Bridge::CiConfiguration> configurations{
            configuration(QStringLiteral("proj"), QStringLiteral("trunk")),
            configuration(QStringLiteral("proj"), QStringLiteral("rel/1.0")),
            configuration(QString(), QStringLiteral("nightly"))};
    Backend first;
    QCOMPARE(first.backend.push(options(standin, Bridge::CiOptions::Action::Push), configurations,
                                first.outStream, first.errStream),
             Bridge::ExitCode::Success);
    QCOMPARE(first.err,
             QStringLiteral("bittern push: created folder proj\n"
                            "bittern push: created job proj/trunk\n"
                            "bittern push: created job proj/rel_1.0\n"
                            "bittern push: created job nightly\n"));
    QCOMPARE(first.out,
             QStringLiteral("Pushed 3 job(s) to %1: 3 created, 0 updated.\n")
                     .arg(standin->baseUrl().toDisplayString()));
    QVERIFY(standin->hasJob(QStringLiteral("proj")));
    const QByteArray config = standin->jobConfig(QStringLiteral("proj/trunk"));
    QVERIFY(config.contains("<flow-definition"));
    QVERIFY(config.contains("Bitten configuration &apos;trunk&apos;")
            || config.contains("Bitten configuration 'trunk'"));
    QVERIFY(config.contains("<name>BITTERN_REQUEST_ID</name>"));

    Backend second;
    QCOMPARE(second.backend.push(options(standin, Bridge::CiOptions::Action::Push), configurations,
                                 second.outStream, second.errStream),
             Bridge::ExitCode::Success);
    QCOMPARE(second.err,
             QStringLiteral("bittern push: updated job proj/trunk\n"
                            "bittern push: updated job proj/rel_1.0\n"
                            "bittern push: updated job nightly\n"));
    QVERIFY(second.out.endsWith(QStringLiteral(": 0 created, 3 updated.\n")));
    QCOMPARE(standin->countRequests("POST", QStringLiteral("createItem")), 4);
    QCOMPARE(standin->countRequests("POST", QStringLiteral("config.xml")), 3);
    for (const TestLib::JenkinsStandin::RecordedRequest &request : standin->requests())
        QVERIFY(request.headers.value("authorization").startsWith("Basic "));
}

void tst_JenkinsPush::pushTracEnvironment()
{
    TestLib::JenkinsStandin *standin = JenkinsTest::makeStandin(this);
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("myproject/db")));
    const QString database = dir.filePath(QStringLiteral("myproject/db/trac.db"));
    QVERIFY(createTracDb(database));
    Backend backend;
    Bridge::CiOptions push = options(standin, Bridge::CiOptions::Action::Push);
    push.configurations = QStringList{database};
    push.folder = QStringLiteral("bitten");
    push.jenkinsLibrary = QStringLiteral("bittern@2");
    QCOMPARE(backend.backend.push(push, backend.outStream, backend.errStream),
             Bridge::ExitCode::Success);
    QCOMPARE(backend.err,
             QStringLiteral("bittern push: created folder bitten\n"
                            "bittern push: created folder bitten/myproject\n"
                            "bittern push: created job bitten/myproject/rel_1.0\n"
                            "bittern push: created job bitten/myproject/trunk\n"));
    const QByteArray trunk = standin->jobConfig(QStringLiteral("bitten/myproject/trunk"));
    QVERIFY(trunk.contains("os-Linux"));
    QVERIFY(trunk.contains("@Library(&apos;bittern@2&apos;) _")
            || trunk.contains("@Library('bittern@2') _"));
    QVERIFY(trunk.contains("bittenRecipe id: "));
    QVERIFY(trunk.contains("Trunk"));
}

void tst_JenkinsPush::pushRefusesOtherJobTypes()
{
    TestLib::JenkinsStandin *standin = JenkinsTest::makeStandin(this);
    standin->addJob(
            QStringLiteral("free"),
            JenkinsTest::configFixture(QStringLiteral("freestyle_shell__jenkins-rest.xml")));
    Backend backend;
    QCOMPARE(backend.backend.push(options(standin, Bridge::CiOptions::Action::Push),
                                  {configuration(QString(), QStringLiteral("free"))},
                                  backend.outStream, backend.errStream),
             Bridge::ExitCode::Server);
    QCOMPARE(backend.err,
             QStringLiteral("bittern push: Jenkins item free exists and is not a Pipeline job "
                            "(it is a hudson.model.FreeStyleProject); delete it or push into "
                            "another folder.\n"));
    QCOMPARE(standin->countRequests("POST", QStringLiteral("config.xml")), 0);
}

void tst_JenkinsPush::pushNeedsCredentials()
{
    TestLib::JenkinsStandin *standin = JenkinsTest::makeStandin(this);
    Bridge::JenkinsBackend backend{QProcessEnvironment()};
    QString out, err;
    QTextStream outStream(&out), errStream(&err);
    QCOMPARE(backend.push(options(standin, Bridge::CiOptions::Action::Push),
                          {configuration(QString(), QStringLiteral("x"))}, outStream, errStream),
             Bridge::ExitCode::Usage);
    QVERIFY2(err.startsWith(QStringLiteral("bittern push: No Jenkins credentials: set "
                                           "BITTERN_JENKINS_USER")),
             qPrintable(err));
    QCOMPARE(standin->requests().size(), 0);
}

void tst_JenkinsPush::itemName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::addRow("safe characters stay") << "trunk-1.0_x y"
                                          << "trunk-1.0_x y";
    QTest::addRow("slash and unsafe characters") << "rel/1.0:a?b"
                                                 << "rel_1.0_a_b";
    QTest::addRow("trailing dot") << "v1."
                                  << "v1._";
    QTest::addRow("dot-dot") << ".."
                             << ".._";
    QTest::addRow("empty") << ""
                           << "_";
    QTest::addRow("non-ASCII") << QStringLiteral("caf\u00e9") << "caf_";
}

void tst_JenkinsPush::itemName()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(Bridge::JenkinsPushJob::itemName(name), expected);
}

void tst_JenkinsPush::environmentName_data()
{
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("expected");
    QTest::addRow("trac environment") << "/srv/trac/proj/db/trac.db"
                                      << "proj";
    QTest::addRow("loose database file") << "/tmp/backup.db"
                                         << "backup";
    QTest::addRow("postgres schema") << "postgres://u:p@h/trac?schema=proj"
                                     << "proj";
    QTest::addRow("postgres database") << "postgres://u@h:5432/tracdb"
                                       << "tracdb";
}

void tst_JenkinsPush::environmentName()
{
    QFETCH(QString, database);
    QFETCH(QString, expected);
    QCOMPARE(Bridge::CiInputs::environmentName(database), expected);
}

void tst_JenkinsPush::runFollowsConsoleLive()
{
    TestLib::JenkinsStandin *standin = JenkinsTest::makeStandin(this);
    standin->addJob(QStringLiteral("proj"),
                    JenkinsTest::configFixture(QStringLiteral("folder__api4jenkins.xml")));
    standin->addJob(QStringLiteral("proj/trunk"), JenkinsTest::parameterizedPipeline());
    Jenkins::Client *client = JenkinsTest::makeClient(standin);
    Bridge::JenkinsRunJob run(client, Jenkins::JobPath::fromFullName(QStringLiteral("proj/trunk")),
                              QStringLiteral("r42"));
    QStringList console;
    QStringList progress;
    connect(&run, &Bridge::JenkinsRunJob::consoleLines, this,
            [&console](const QStringList &lines) { console += lines; });
    connect(&run, &Bridge::JenkinsRunJob::progress, this,
            [&progress](const QString &line) { progress += line; });
    run.start();
    QTRY_COMPARE(standin->queuedIds().size(), 1);
    // Let the run see the item while it is still queued before the stand-in starts it.
    QTRY_VERIFY(!progress.isEmpty());
    const int build = standin->startQueueItem(standin->queuedIds().first());
    standin->appendLog(QStringLiteral("proj/trunk"), build, "first line\nsecond ");
    QTRY_COMPARE(console, QStringList{QStringLiteral("first line")});
    QVERIFY(!run.isFinished());
    standin->appendLog(QStringLiteral("proj/trunk"), build, "line\n");
    QTRY_COMPARE(console.size(), 2);
    standin->setBuildDocument(
            QStringLiteral("proj/trunk"), build, QStringLiteral("testReport"),
            JenkinsTest::apiFixture(QStringLiteral("test_report__api4jenkins.json")));
    standin->finishBuild(QStringLiteral("proj/trunk"), build, QStringLiteral("UNSTABLE"));
    QVERIFY(JenkinsTest::waitFor(&run));
    QCOMPARE(run.error(), Jenkins::Request::Error::NoError);
    QCOMPARE(console, (QStringList{QStringLiteral("first line"), QStringLiteral("second line")}));
    QCOMPARE(progress.last(), QStringLiteral("started proj/trunk #1"));
    QVERIFY(progress.first().startsWith(QStringLiteral("queued: In the quiet period")));
    QCOMPARE(run.summary().exitCode(), Bridge::ExitCode::Failed);
    QVERIFY(run.summary().tests.has_value());
    QVERIFY(!run.summary().warnings.has_value());
    QVERIFY(run.summary().coverage.isEmpty());
    // The revision went in as the REVISION parameter, next to the request id.
    const auto requests = standin->requests();
    const auto trigger = std::find_if(requests.begin(), requests.end(), [](const auto &r) {
        return r.path.endsWith(QLatin1String("buildWithParameters"));
    });
    QVERIFY(trigger != requests.end());
    QVERIFY(trigger->body.contains("REVISION=r42"));
}

void tst_JenkinsPush::runPrintsSummary()
{
    TestLib::JenkinsStandin *standin = JenkinsTest::makeStandin(this);
    standin->addJob(QStringLiteral("proj"),
                    JenkinsTest::configFixture(QStringLiteral("folder__api4jenkins.xml")));
    standin->addJob(QStringLiteral("proj/trunk"), JenkinsTest::parameterizedPipeline());
    // Plays Jenkins while `run` waits in its own event loop: start, log, reports, finish.
    int build = 0;
    int tick = 0;
    QTimer driver;
    connect(&driver, &QTimer::timeout, this, [&] {
        const QString job = QStringLiteral("proj/trunk");
        if (build == 0) {
            if (!standin->queuedIds().isEmpty())
                build = standin->startQueueItem(standin->queuedIds().first());
            return;
        }
        if (++tick == 1) {
            standin->appendLog(job, build, "Started by user bittern\n+ make\n");
        } else if (tick == 5) {
            standin->appendLog(job, build, "Finished: SUCCESS\n");
            standin->setBuildDocument(
                    job, build, QStringLiteral("testReport"),
                    JenkinsTest::apiFixture(QStringLiteral("test_report__api4jenkins.json")));
            standin->setBuildDocument(job, build, QStringLiteral("coverage-1"),
                                      JenkinsTest::apiFixture(QStringLiteral(
                                              "coverage_api__coverage-plugin-readme.json")));
            standin->setBuildDocument(job, build, QStringLiteral("warnings-ng"),
                                      JenkinsTest::apiFixture(QStringLiteral(
                                              "warnings_ng_aggregation__warnings-ng-doc.json")));
            standin->finishBuild(job, build, QStringLiteral("SUCCESS"));
            driver.stop();
        }
    });
    driver.start(5);
    Backend backend;
    Bridge::CiOptions run = options(standin, Bridge::CiOptions::Action::Run);
    run.configurations = QStringList{QStringLiteral("proj/trunk")};
    QCOMPARE(backend.backend.run(run, backend.outStream, backend.errStream),
             Bridge::ExitCode::Success);
    backend.outStream.flush();
    QCOMPARE(backend.out,
             QStringLiteral("Started by user bittern\n+ make\nFinished: SUCCESS\n\n"
                            "Result: SUCCESS (proj/trunk #1, 1.2 s)\n"
                            "Tests: 39 total, 37 passed, 2 failed, 0 skipped\n"
                            "Coverage: line 88.44%, branch 82.19% (coverage-1)\n"
                            "Lint: 815 issues (Maven Warnings: 9, Java Warnings: 1, JavaDoc "
                            "Warnings: 0, CheckStyle Warnings: 0, PMD Warnings: 671, SpotBugs "
                            "Warnings: 0, CPD Warnings: 123, Open Tasks Scanner Warnings: 11)\n"));
    QVERIFY(backend.err.endsWith(QStringLiteral("bittern run: started proj/trunk #1\n")));
}

void tst_JenkinsPush::runOfMissingJob()
{
    TestLib::JenkinsStandin *standin = JenkinsTest::makeStandin(this);
    Backend backend;
    Bridge::CiOptions run = options(standin, Bridge::CiOptions::Action::Run);
    run.configurations = QStringList{QStringLiteral("nope")};
    QCOMPARE(backend.backend.run(run, backend.outStream, backend.errStream),
             Bridge::ExitCode::Usage);
    QVERIFY2(backend.err.startsWith(QStringLiteral("bittern run: ")), qPrintable(backend.err));
    QVERIFY2(backend.err.contains(QStringLiteral("(HTTP 404)")), qPrintable(backend.err));
}

void tst_JenkinsPush::summaryLines_data()
{
    QTest::addColumn<QString>("result");
    QTest::addColumn<QString>("description");
    QTest::addColumn<bool>("reports");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<int>("exitCode");
    QTest::addRow("nothing reported")
            << "NOT_BUILT"
            << "" << false
            << QStringList{"Result: NOT_BUILT (env/trunk #7, 61.5 s)", "Tests: none reported",
                           "Coverage: none reported", "Lint: none reported"}
            << int(Bridge::ExitCode::Failed);
    QTest::addRow("everything, with the library's description")
            << "SUCCESS"
            << "linux: tests 3 passed" << true
            << QStringList{"Result: SUCCESS (env/trunk #7, 61.5 s)",
                           "Tests: 4 total, 3 passed, 0 failed, 1 skipped",
                           "Coverage: line 50.00% (coverage); no line or branch figures "
                           "(coverage-1)",
                           "Lint: 1 issue (lint-1: 1)", "Description: linux: tests 3 passed"}
            << int(Bridge::ExitCode::Success);
}

void tst_JenkinsPush::summaryLines()
{
    QFETCH(QString, result);
    QFETCH(QString, description);
    QFETCH(bool, reports);
    QFETCH(QStringList, expected);
    QFETCH(int, exitCode);
    Bridge::JenkinsRunSummary summary;
    summary.job = QStringLiteral("env/trunk");
    summary.build.number = 7;
    summary.build.duration = 61500;
    summary.build.result = Jenkins::JenkinsJson::buildResultFromString(result);
    summary.build.description = description;
    if (reports) {
        Jenkins::TestReport tests;
        tests.passCount = 3;
        tests.skipCount = 1;
        summary.tests = tests;
        Jenkins::CoverageSummary line;
        line.project.insert(QStringLiteral("line"), 50);
        summary.coverage = {{QStringLiteral("coverage"), line},
                            {QStringLiteral("coverage-1"), Jenkins::CoverageSummary()}};
        Jenkins::WarningsTool tool;
        tool.id = QStringLiteral("lint-1");
        tool.size = 1;
        summary.warnings = Jenkins::WarningsSummary{{tool}};
    }
    QCOMPARE(summary.lines(), expected);
    QCOMPARE(int(summary.exitCode()), exitCode);
}

void tst_JenkinsPush::parseOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("credentials");
    QTest::addColumn<QString>("folder");
    QTest::addRow("push with file and folder")
            << QStringList{"push",          "--ci",        "jenkins+https://ci.example/jenkins",
                           "--credentials", "/etc/b.cred", "--folder",
                           "team/a",        "r.xml"}
            << ""
            << "/etc/b.cred"
            << "team/a";
    QTest::addRow("run") << QStringList{"run",   "--ci", "jenkins+http://ci:8080/",
                                        "--rev", "7",    "env/trunk"}
                         << ""
                         << ""
                         << "";
    QTest::addRow("credentials in the URL are refused")
            << QStringList{"push", "--ci", "jenkins+https://bob:secret@ci.example/", "r.xml"}
            << "The --ci URL must not contain a user name or password for Jenkins; use "
               "BITTERN_JENKINS_USER and BITTERN_JENKINS_TOKEN or a credentials file."
            << ""
            << "";
    QTest::addRow("no token option exists")
            << QStringList{"run", "--ci", "jenkins+https://ci/", "--token", "x", "c"}
            << "Unknown option 'token'."
            << ""
            << "";
}

void tst_JenkinsPush::parseOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    QFETCH(QString, credentials);
    QFETCH(QString, folder);
    const auto parsed = Bridge::CiOptions::parse(arguments, QString(), QString());
    if (!error.isEmpty()) {
        QVERIFY(!parsed);
        // startsWith: the CLI's own wording of QCommandLineParser errors may add punctuation.
        QVERIFY2(parsed.error().message.startsWith(error), qPrintable(parsed.error().message));
        QVERIFY(!parsed.error().message.contains("secret"));
        return;
    }
    if (!parsed)
        QFAIL(qPrintable(parsed.error().message));
    QCOMPARE(parsed.value().server, Bridge::CiOptions::Server::Jenkins);
    QCOMPARE(parsed.value().credentialsFile, credentials);
    QCOMPARE(parsed.value().folder, folder);
    QVERIFY(parsed.value().url.scheme().startsWith("http"));
    QVERIFY(parsed.value().user.isEmpty());
}

QTEST_GUILESS_MAIN(tst_JenkinsPush)
#include "tst_jenkinspush.moc"
