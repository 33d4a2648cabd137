// SPDX-License-Identifier: GPL-3.0-or-later
// Pure parsing of Jenkins payloads, against the recorded bodies in ../shared/fixtures/jenkins.
#include <cmath>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "integrations/jenkins/jenkinsjson.h"
#include "integrations/jenkins/jobpath.h"
#include "tests/testlib/testdata.h"

using Jenkins::JenkinsJson;
using State = JenkinsJson::QueueState;
using Result = JenkinsJson::BuildResult;
using Status = JenkinsJson::CaseStatus;

Q_DECLARE_METATYPE(Jenkins::JenkinsfileValidation::Outcome)

namespace {

QByteArray api(const QString &name)
{
    return TestLib::readFile(TestLib::sharedPath("fixtures/jenkins/api/" + name));
}

/// The recorded api4jenkins test report with its one case's status replaced.
QByteArray reportWithStatus(const QString &status)
{
    QJsonObject report = QJsonDocument::fromJson(api("test_report__api4jenkins.json")).object();
    QJsonArray suites = report["suites"].toArray();
    QJsonObject suite = suites[0].toObject();
    QJsonArray cases = suite["cases"].toArray();
    QJsonObject testCase = cases[0].toObject();
    testCase["status"] = status;
    cases[0] = testCase;
    suite["cases"] = cases;
    suites[0] = suite;
    report["suites"] = suites;
    return QJsonDocument(report).toJson();
}

} // namespace

class tst_JenkinsJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void queueItem_data();
    void queueItem();
    void queue();
    void buildInfo_data();
    void buildInfo();
    void buildList();
    void testReport();
    void caseStatus_data();
    void caseStatus();
    void coverage();
    void legacyCoverageIsRejected_data();
    void legacyCoverageIsRejected();
    void warnings();
    void computers_data();
    void computers();
    void crumb();
    void queueIdFromLocation_data();
    void queueIdFromLocation();
    void validation_data();
    void validation();
    void invalidBodies_data();
    void invalidBodies();
    void jobPath_data();
    void jobPath();
};

void tst_JenkinsJson::queueItem_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<State>("state");
    QTest::addColumn<qint64>("id");
    QTest::addColumn<QString>("why");
    QTest::addColumn<bool>("stuck");
    QTest::addColumn<int>("build");
    QTest::addColumn<QString>("parameterA");

    QTest::addRow("waiting in the quiet period")
            << "queue_waitingitem__api4jenkins.json" << State::Waiting << qint64(668)
            << "In the quiet period. Expires in 4.6 sec" << false << -1 << "";
    QTest::addRow("blocked by a running build")
            << "queue_blockeditem__api4jenkins.json" << State::Blocked << qint64(669)
            << "Build #168 is already in progress (ETA:N/A)" << false << -1 << "";
    QTest::addRow("blocked, old server without _class on parameters")
            << "queue_item_blocked__jenkins-rest.json" << State::Blocked << qint64(143)
            << "Build #9 is already in progress (ETA:15 sec)" << false << -1 << "4";
    QTest::addRow("buildable but stuck: no node has the label")
            << "queue_buildableitem__api4jenkins.json" << State::Buildable << qint64(668)
            << QString::fromUtf8("There are no nodes with the label \u2018xxxx\u2019") << true << -1
            << "";
    QTest::addRow("left the queue and started (Pipeline)")
            << "queue_leftitem__api4jenkins.json" << State::Started << qint64(599) << "" << false
            << 54 << "";
    QTest::addRow("left the queue and started (Freestyle)")
            << "queue_item_left_started__jenkins-rest.json" << State::Started << qint64(143) << ""
            << false << 14 << "4";
    QTest::addRow("left the queue cancelled")
            << "queue_item_left_cancelled__jenkins-rest.json" << State::Cancelled << qint64(143)
            << "" << false << -1 << "4";
    QTest::addRow("parameters come from the action, not the params string")
            << "queue_item_empty_param__jenkins-rest.json" << State::Started << qint64(143) << ""
            << false << 14 << "1";
}

void tst_JenkinsJson::queueItem()
{
    QFETCH(QString, file);
    const auto item = JenkinsJson::parseQueueItem(api(file));
    QVERIFY2(item, item ? "" : qPrintable(item.error().message));
    QTEST(item.value().state, "state");
    QTEST(item.value().id, "id");
    QTEST(item.value().why, "why");
    QTEST(item.value().stuck, "stuck");
    QTEST(item.value().buildNumber, "build");
    QTEST(item.value().parameters.value("a"), "parameterA");
}

void tst_JenkinsJson::queue()
{
    const auto items = JenkinsJson::parseQueue(api("queue_queue__api4jenkins.json"));
    QVERIFY(items);
    QCOMPARE(items.value().size(), 2);
    QCOMPARE(items.value().at(0).id, qint64(669));
    QCOMPARE(items.value().at(0).state, State::Blocked);
    QCOMPARE(items.value().at(1).state, State::Buildable);
}

void tst_JenkinsJson::buildInfo_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("number");
    QTest::addColumn<qint64>("queueId");
    QTest::addColumn<Result>("result");
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<QString>("value");

    QTest::addRow("Pipeline run (WorkflowRun)") << "build_workflowrun__api4jenkins.json" << 52
                                                << qint64(668) << Result::Failure << "parameter2"
                                                << "value2";
    QTest::addRow("Freestyle build")
            << "build_freestyle__api4jenkins.json" << 14 << qint64(151) << Result::Success << "arg"
            << "value1";
    QTest::addRow("old server: no _class, boolean parameter")
            << "build_freestyle__jenkins-rest.json" << 10 << qint64(73) << Result::Success << "bear"
            << "true";
    QTest::addRow("old server: empty parameter value")
            << "build_empty_null_params__jenkins-rest.json" << 10 << qint64(73) << Result::Success
            << "fish"
            << "";
    QTest::addRow("run without parameters")
            << "build_no_params__jenkins-rest.json" << 10 << qint64(73) << Result::Success << "any"
            << "";
}

void tst_JenkinsJson::buildInfo()
{
    QFETCH(QString, file);
    QFETCH(QString, parameter);
    const auto build = JenkinsJson::parseBuildInfo(api(file));
    QVERIFY2(build, build ? "" : qPrintable(build.error().message));
    QTEST(build.value().number, "number");
    QTEST(build.value().queueId, "queueId");
    QTEST(build.value().result, "result");
    QTEST(build.value().parameters.value(parameter), "value");
    QVERIFY(!build.value().building);
}

void tst_JenkinsJson::buildList()
{
    const auto builds = JenkinsJson::parseBuildList(api("job_pipeline__api4jenkins.json"));
    QVERIFY(builds);
    QVERIFY(builds.value().size() >= 3);
    QCOMPARE(builds.value().at(0).number, 52);
    QCOMPARE(builds.value().at(0).queueId, qint64(-1)); // not requested by that tree: unknown
}

void tst_JenkinsJson::testReport()
{
    const auto report
            = JenkinsJson::parseTestReport(api("test_report_two_failures__jenkinsapi.json"));
    QVERIFY(report);
    QCOMPARE(report.value().failCount, 2);
    QCOMPARE(report.value().passCount, 0);
    QCOMPARE(report.value().suites.size(), 1);
    const Jenkins::TestCase &first = report.value().suites.at(0).cases.at(0);
    QCOMPARE(first.name, "systests>:setup");
    QCOMPARE(first.status, Status::Failed);
    QCOMPARE(first.errorDetails, "Timeout error occured while waiting for Jenkins start.");
    QVERIFY(first.errorStackTrace.startsWith("Traceback (most recent call last):\n"));
    QVERIFY(first.isFailure());
}

void tst_JenkinsJson::caseStatus_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<Status>("expected");
    QTest::addColumn<bool>("failure");
    QTest::addRow("PASSED") << "PASSED" << Status::Passed << false;
    QTest::addRow("FIXED counts as a pass") << "FIXED" << Status::Fixed << false;
    QTest::addRow("SKIPPED") << "SKIPPED" << Status::Skipped << false;
    QTest::addRow("FAILED") << "FAILED" << Status::Failed << true;
    QTest::addRow("REGRESSION counts as a failure") << "REGRESSION" << Status::Regressed << true;
    QTest::addRow("unknown future status") << "FLAKY" << Status::Unknown << false;
}

void tst_JenkinsJson::caseStatus()
{
    QFETCH(QString, status);
    const auto report = JenkinsJson::parseTestReport(reportWithStatus(status));
    QVERIFY(report);
    const Jenkins::TestCase &only = report.value().suites.at(0).cases.at(0);
    QCOMPARE(only.className, "tests.integration.test_jenkins.TestJenkins");
    QTEST(only.status, "expected");
    QTEST(only.isFailure(), "failure");
}

void tst_JenkinsJson::coverage()
{
    const auto summary
            = JenkinsJson::parseCoverage(api("coverage_api__coverage-plugin-readme.json"));
    QVERIFY(summary);
    QCOMPARE(summary.value().project.value("line"), 88.44);
    QCOMPARE(summary.value().project.value("branch"), 82.19);
    QCOMPARE(summary.value().project.value("loc"), 1263.0);
    QCOMPARE(summary.value().projectDelta.value("line"), 3.37);
    QCOMPARE(summary.value().projectDelta.value("complexity"), -8.0);
    QCOMPARE(summary.value().modifiedLines.value("line"), 91.81);
    QCOMPARE(summary.value().qualityGateResult, "SUCCESS");
}

void tst_JenkinsJson::legacyCoverageIsRejected_data()
{
    QTest::addColumn<QString>("file");
    QTest::addRow("retired jacoco plugin")
            << "legacy_jacoco_plugin_coverage_report__api4jenkins.json";
    QTest::addRow("retired code-coverage-api plugin")
            << "legacy_code_coverage_api_plugin_result__api4jenkins.json";
}

void tst_JenkinsJson::legacyCoverageIsRejected()
{
    QFETCH(QString, file);
    const auto summary = JenkinsJson::parseCoverage(api(file));
    QVERIFY(!summary);
    QCOMPARE(summary.error().message,
             "The coverage summary from Jenkins has no projectStatistics "
             "(not the coverage plugin's API).");
}

void tst_JenkinsJson::warnings()
{
    const auto summary
            = JenkinsJson::parseWarnings(api("warnings_ng_aggregation__warnings-ng-doc.json"));
    QVERIFY(summary);
    QCOMPARE(summary.value().tools.size(), 8);
    QCOMPARE(summary.value().tools.at(0).id, "maven");
    QCOMPARE(summary.value().tools.at(0).highSize, 6);
    QCOMPARE(summary.value().tools.at(4).name, "PMD Warnings");
    QCOMPARE(summary.value().tools.at(4).lowSize, 600);
    QCOMPARE(summary.value().totalSize(), 9 + 1 + 671 + 123 + 11);
}

void tst_JenkinsJson::computers_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("offline");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QStringList>("labels");
    QTest::addRow("agent with a label, offline")
            << "computer_set_depth1__api4jenkins.json" << 2 << 1 << "test-node1" << true << ""
            << QStringList{"test-label", "test-node1"};
    QTest::addRow("old built-in node") << "computer_set_depth1__api4jenkins.json" << 2 << 0
                                       << "master" << false << "" << QStringList{"master"};
    QTest::addRow("offline with a cause, no labels requested")
            << "computer_set__jenkins-rest.json" << 10 << 1 << "alpine-i686" << true
            << "This node is offline because Jenkins failed to launch the slave agent on it."
            << QStringList{};
}

void tst_JenkinsJson::computers()
{
    QFETCH(QString, file);
    QFETCH(int, index);
    const auto computers = JenkinsJson::parseComputers(api(file));
    QVERIFY(computers);
    QTEST(int(computers.value().size()), "count");
    const Jenkins::Computer &node = computers.value().at(index);
    QTEST(node.displayName, "name");
    QTEST(node.offline, "offline");
    QTEST(node.offlineCauseReason, "reason");
    QTEST(node.labels, "labels");
}

void tst_JenkinsJson::crumb()
{
    const auto crumb = JenkinsJson::parseCrumb(api("crumb_issuer__api4jenkins_mock.json"));
    QVERIFY(crumb);
    QCOMPARE(crumb.value().field, QByteArray("mock-crumb-id")); // read, never hard-coded
    QCOMPARE(crumb.value().value, QByteArray("mock-crumb"));
    const auto empty = JenkinsJson::parseCrumb("{\"crumb\":\"x\"}");
    QVERIFY(!empty);
    QCOMPARE(empty.error().message, "The crumb from Jenkins lacks crumbRequestField or crumb.");
}

void tst_JenkinsJson::queueIdFromLocation_data()
{
    QTest::addColumn<QByteArray>("location");
    QTest::addColumn<qint64>("id");
    QTest::addRow("recorded by jenkins-rest")
            << QByteArray("http://127.0.1.1:8080/queue/item/1/") << qint64(1);
    QTest::addRow("context path, no trailing slash")
            << QByteArray("https://ci/jenkins/queue/item/4711") << qint64(4711);
    QTest::addRow("302 to the job page: not scheduled")
            << QByteArray("http://ci/job/a/") << qint64(-1);
    QTest::addRow("missing Location") << QByteArray() << qint64(-1);
}

void tst_JenkinsJson::queueIdFromLocation()
{
    QFETCH(QByteArray, location);
    QTEST(JenkinsJson::queueIdFromLocation(location), "id");
}

void tst_JenkinsJson::validation_data()
{
    using Outcome = Jenkins::JenkinsfileValidation::Outcome;
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<QString>("messages");
    QTest::addRow("valid") << QByteArray("Jenkinsfile successfully validated.\r\n")
                           << Outcome::Valid << "";
    QTest::addRow("invalid, with compiler messages")
            << QByteArray("Errors encountered validating Jenkinsfile:\nWorkflowScript: 3: Unknown "
                          "stage "
                          "section \"step\". @ line 3, column 5.\n")
            << Outcome::Invalid
            << "WorkflowScript: 3: Unknown stage section \"step\". @ line 3, column 5.";
}

void tst_JenkinsJson::validation()
{
    QFETCH(QByteArray, text);
    const Jenkins::JenkinsfileValidation validation = JenkinsJson::parseValidation(text);
    QTEST(validation.outcome, "outcome");
    QTEST(validation.messages, "messages");
}

void tst_JenkinsJson::invalidBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::addRow("HTML error page instead of JSON") << TestLib::readFile(TestLib::sharedPath(
            "fixtures/jenkins/errors/createItem_500_oops_page__jenkins-2.176.3__api4jenkins.html"))
                                                     << "The build from Jenkins is not valid JSON: "
                                                        "illegal value at offset 1.";
    QTest::addRow("JSON array") << QByteArray("[1]")
                                << "The build from Jenkins is not a JSON object.";
    QTest::addRow("object without a number")
            << QByteArray("{\"building\":true}") << "The build from Jenkins has no number.";
}

void tst_JenkinsJson::invalidBodies()
{
    QFETCH(QByteArray, body);
    const auto build = JenkinsJson::parseBuildInfo(body);
    QVERIFY(!build);
    QTEST(build.error().message, "message");
}

void tst_JenkinsJson::jobPath_data()
{
    QTest::addColumn<QString>("fullName");
    QTest::addColumn<QString>("urlPath");
    QTest::addColumn<QString>("parentUrlPath");
    QTest::addColumn<QString>("name");
    QTest::addRow("top-level job") << "trunk"
                                   << "job/trunk/"
                                   << ""
                                   << "trunk";
    QTest::addRow("job in a folder") << "A/B"
                                     << "job/A/job/B/"
                                     << "job/A/"
                                     << "B";
    QTest::addRow("space and plus encoded per segment") << "Test Workflow/c++ x"
                                                        << "job/Test%20Workflow/job/c%2B%2B%20x/"
                                                        << "job/Test%20Workflow/"
                                                        << "c++ x";
    QTest::addRow("non-ASCII as UTF-8")
            << QString::fromUtf8("r\u00e9sum\u00e9") << "job/r%C3%A9sum%C3%A9/"
            << "" << QString::fromUtf8("r\u00e9sum\u00e9");
    QTest::addRow("stray slashes dropped") << "/A//B/"
                                           << "job/A/job/B/"
                                           << "job/A/"
                                           << "B";
    QTest::addRow("root") << ""
                          << ""
                          << ""
                          << "";
}

void tst_JenkinsJson::jobPath()
{
    QFETCH(QString, fullName);
    const Jenkins::JobPath path = Jenkins::JobPath::fromFullName(fullName);
    QTEST(path.urlPath(), "urlPath");
    QTEST(path.parent().urlPath(), "parentUrlPath");
    QTEST(path.name(), "name");
}

QTEST_GUILESS_MAIN(tst_JenkinsJson)
#include "tst_jenkinsjson.moc"
