// SPDX-License-Identifier: GPL-3.0-or-later
// Contract tests of Jenkins::Client against the stand-in (tests/testlib/jenkinsstandin): every
// endpoint the bridge uses and every error path of jenkins-contract.md §§1-7.
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QtTest>

#include "integrations/jenkins/client.h"
#include "integrations/jenkins/consolefollower.h"
#include "integrations/jenkins/triggerjob.h"
#include "tests/integrations/jenkins/jenkinstestsupport.h"
#include "tests/testlib/jenkinsstandin.h"
#include "tests/testlib/testdata.h"

using Jenkins::Client;
using Jenkins::Credentials;
using Jenkins::JobPath;
using Jenkins::Request;
using Jenkins::TriggerJob;
using TestLib::JenkinsStandin;
using Error = Request::Error;
using Kind = Credentials::Kind;
using Fault = JenkinsStandin::Fault;

Q_DECLARE_METATYPE(Kind)
Q_DECLARE_METATYPE(Fault)
Q_DECLARE_METATYPE(Jenkins::JenkinsfileValidation::Outcome)

using namespace JenkinsTest;

namespace {

QStringList capturedLog;
void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    capturedLog.append(message);
}

} // namespace

class tst_JenkinsClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void authentication_data();
    void authentication();
    void crumbRefreshedOnceAfterSessionExpiry();
    void noCrumbIssuer();
    void permissionDeniedIsNotRetried();
    void anonymousGets403WithHeaders();
    void credentialsNeverLogged();

    void createJob_data();
    void createJob();
    void readUpdateDelete();
    void updateWithOtherJobClassFails();

    void getRetries_data();
    void getRetries();
    void backoff_data();
    void backoff();
    void backoffDelaysAreApplied();

    void buildInfo();
    void reports_data();
    void reports();
    void computers();
    void stopTermKill_data();
    void stopTermKill();
    void validateJenkinsfile_data();
    void validateJenkinsfile();
    void foldersAndEncoding();

private:
    Client *makeClient(Kind kind = Kind::ApiToken, const QString &secret = {});

    JenkinsStandin *m_standin = nullptr;
};

void tst_JenkinsClient::init()
{
    m_standin = makeStandin(this);
}

void tst_JenkinsClient::cleanup()
{
    delete m_standin;
    m_standin = nullptr;
}

Client *tst_JenkinsClient::makeClient(Kind kind, const QString &secret)
{
    return JenkinsTest::makeClient(m_standin, kind, secret);
}

// --- authentication and crumbs -------------------------------------------------------------

void tst_JenkinsClient::authentication_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<Error>("error");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("crumbRequests");

    QTest::addRow("API token: no crumb, no cookie")
            << Kind::ApiToken << token << Error::NoError << "" << 0;
    QTest::addRow("password: one crumb, bound to the session cookie")
            << Kind::Password << password << Error::NoError << "" << 1;
    QTest::addRow("wrong token: 401")
            << Kind::ApiToken << "bad" << Error::Unauthorized
            << "Jenkins rejected the credentials of user 'bittern' for POST createItem (HTTP 401)."
            << 0;
    QTest::addRow("wrong password: 401 already on the crumb request")
            << Kind::Password << "bad" << Error::Unauthorized
            << "Jenkins rejected the credentials of user 'bittern' for POST createItem (HTTP 401)."
            << 1;
}

void tst_JenkinsClient::authentication()
{
    QFETCH(Kind, kind);
    QFETCH(QString, secret);
    QFETCH(Error, error);
    Client *client = makeClient(kind, secret);
    Request *create = client->createJob(JobPath::fromFullName("new"),
                                        configFixture("pipeline_minimal__api4jenkins.xml"));
    QVERIFY(waitFor(create));
    QTEST(create->error(), "error");
    QTEST(create->errorString(), "message");
    QTEST(m_standin->countRequests("GET", "crumbIssuer/api/json"), "crumbRequests");
    if (error != Error::NoError)
        return;
    Request *update = client->updateJob(JobPath::fromFullName("new"),
                                        configFixture("pipeline_string_param__api4jenkins.xml"));
    QVERIFY(waitFor(update));
    QCOMPARE(update->error(), Error::NoError);
    QTEST(m_standin->countRequests("GET", "crumbIssuer/api/json"), "crumbRequests"); // still once
    const auto requests = m_standin->requests();
    for (const auto &request : requests) {
        QVERIFY(request.headers.value("authorization").startsWith("Basic ")); // pre-emptive
        if (request.method != "POST")
            continue;
        QCOMPARE(request.headers.contains("jenkins-crumb"), kind == Kind::Password);
        QCOMPARE(request.headers.value("cookie").startsWith("JSESSIONID."), kind == Kind::Password);
    }
}

void tst_JenkinsClient::crumbRefreshedOnceAfterSessionExpiry()
{
    Client *client = makeClient(Kind::Password);
    Request *first = client->createJob(JobPath::fromFullName("a"),
                                       configFixture("pipeline_minimal__api4jenkins.xml"));
    QVERIFY(waitFor(first));
    QCOMPARE(first->error(), Error::NoError);
    m_standin->expireSessions(); // the crumb in hand no longer validates: 403 "No valid crumb"
    Request *second = client->createJob(JobPath::fromFullName("b"),
                                        configFixture("pipeline_minimal__api4jenkins.xml"));
    QVERIFY(waitFor(second));
    QCOMPARE(second->error(), Error::NoError);
    QCOMPARE(m_standin->countRequests("GET", "crumbIssuer/api/json"), 2);
    QCOMPARE(m_standin->countRequests("POST", "createItem"), 3);
    QVERIFY(m_standin->hasJob("b"));
}

void tst_JenkinsClient::noCrumbIssuer()
{
    m_standin->setCrumbIssuer(JenkinsStandin::Feature::Disabled); // 404: CSRF protection off
    Client *client = makeClient(Kind::Password);
    Request *create = client->createJob(JobPath::fromFullName("a"),
                                        configFixture("pipeline_minimal__api4jenkins.xml"));
    QVERIFY(waitFor(create));
    QCOMPARE(create->error(), Error::NoError);
    QCOMPARE(m_standin->requests().constLast().headers.contains("jenkins-crumb"), false);
}

void tst_JenkinsClient::permissionDeniedIsNotRetried()
{
    auto *client = new Client(m_standin->baseUrl(), {"reader", "reader-token", Kind::ApiToken},
                              m_standin);
    client->setRetryPolicy({3, 1, 8});
    TriggerJob *trigger = client->trigger(JobPath::fromFullName("p"), {});
    QVERIFY(waitFor(trigger));
    QCOMPARE(trigger->error(), Error::Forbidden);
    QCOMPARE(trigger->errorString(),
             "Jenkins denied POST job/p/buildWithParameters to user 'reader' (HTTP 403; "
             "required permission: hudson.model.Item.Build).");
    QCOMPARE(m_standin->countRequests("POST", "buildWithParameters"), 1);
}

void tst_JenkinsClient::anonymousGets403WithHeaders()
{
    // What a client waiting for a 401 challenge would get: Jenkins never challenges (§1.1).
    QNetworkAccessManager network;
    QNetworkReply *reply
            = network.get(QNetworkRequest(m_standin->baseUrl().resolved(QUrl("api/json"))));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 403);
    QCOMPARE(reply->rawHeader("X-You-Are-Authenticated-As"), QByteArray("anonymous"));
    QCOMPARE(reply->rawHeader("X-Required-Permission"), QByteArray("hudson.model.Hudson.Read"));
    delete reply;
}

void tst_JenkinsClient::credentialsNeverLogged()
{
    QLoggingCategory::setFilterRules("bittern.jenkins*=true");
    capturedLog.clear();
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
    Client *client = makeClient(Kind::Password);
    Request *ok = client->createJob(JobPath::fromFullName("a"),
                                    configFixture("pipeline_minimal__api4jenkins.xml"));
    Request *bad = makeClient(Kind::Password, "wrong-pass")->jobConfig(JobPath::fromFullName("p"));
    const bool finished = waitFor(ok) && waitFor(bad);
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    QVERIFY(finished);
    QVERIFY(!capturedLog.isEmpty()); // the log was really on
    const QString basic = QString::fromLatin1((user + ':' + password).toUtf8().toBase64());
    for (const QString &line : qAsConst(capturedLog)) {
        QVERIFY2(!line.contains(password) && !line.contains("wrong-pass") && !line.contains(basic),
                 qPrintable(line));
        QVERIFY2(!line.contains("Jenkins-Crumb"), qPrintable(line));
    }
}

// --- jobs and folders ----------------------------------------------------------------------

void tst_JenkinsClient::createJob_data()
{
    QTest::addColumn<QString>("fullName");
    QTest::addColumn<QString>("config");
    QTest::addColumn<Error>("error");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("posts");

    QTest::addRow("Pipeline job at the top")
            << "trunk"
            << "pipeline_minimal__api4jenkins.xml" << Error::NoError << "" << 1;
    QTest::addRow("Freestyle job in a folder")
            << "folder/trunk"
            << "freestyle_shell__jenkins-rest.xml" << Error::NoError << "" << 1;
    QTest::addRow("existing name: 400 with X-Error, Unicode quotes as '?'")
            << "p"
            << "pipeline_minimal__api4jenkins.xml" << Error::BadRequest
            << "Jenkins refused POST createItem (HTTP 400): A job already exists with the name ?p?."
            << 1;
    QTest::addRow("unsafe character in the name")
            << "a:b"
            << "pipeline_minimal__api4jenkins.xml" << Error::BadRequest
            << "Jenkins refused POST createItem (HTTP 400): ?:? is an unsafe character." << 1;
    QTest::addRow("name ending in a dot")
            << "a."
            << "pipeline_minimal__api4jenkins.xml" << Error::BadRequest
            << "Jenkins refused POST createItem (HTTP 400): A name cannot end with ?.?." << 1;
    QTest::addRow("unknown root element: 500 Oops page, not retried")
            << "x"
            << "../README.md" << Error::ServerError
            << "Jenkins failed on POST createItem (HTTP 500)." << 1;
    QTest::addRow("missing folder: 404")
            << "nofolder/x"
            << "pipeline_minimal__api4jenkins.xml" << Error::NotFound
            << "Jenkins found nothing for POST job/nofolder/createItem (HTTP 404)." << 1;
}

void tst_JenkinsClient::createJob()
{
    QFETCH(QString, fullName);
    QFETCH(QString, config);
    QFETCH(Error, error);
    Client *client = makeClient();
    Request *folder = client->createFolder(JobPath::fromFullName("folder"));
    QVERIFY(waitFor(folder));
    QCOMPARE(folder->error(), Error::NoError);
    m_standin->clearRequests();
    const QByteArray xml = configFixture(config);
    Request *create = client->createJob(JobPath::fromFullName(fullName), xml);
    QVERIFY(waitFor(create));
    QTEST(create->error(), "error");
    QTEST(create->errorString(), "message");
    QTEST(m_standin->countRequests("POST", "createItem"), "posts");
    if (error == Error::NoError) {
        QCOMPARE(m_standin->jobConfig(fullName), xml);
        const auto request = m_standin->requests().constLast();
        QCOMPARE(request.headers.value("content-type"),
                 QByteArray("application/xml; charset=UTF-8"));
    }
}

void tst_JenkinsClient::readUpdateDelete()
{
    Client *client = makeClient();
    const JobPath job = JobPath::fromFullName("p");
    Request *read = client->jobConfig(job);
    QVERIFY(waitFor(read));
    QCOMPARE(read->result<QByteArray>(), parameterizedPipeline());

    Request *kind = client->jobClass(job);
    QVERIFY(waitFor(kind));
    QCOMPARE(kind->result<QString>(), "org.jenkinsci.plugins.workflow.job.WorkflowJob");

    const QByteArray updated = configFixture("pipeline_node_sh__jenkins-rest.xml");
    Request *update = client->updateJob(job, updated);
    QVERIFY(waitFor(update));
    QCOMPARE(update->error(), Error::NoError);
    QCOMPARE(m_standin->jobConfig("p"), updated);

    Request *remove = client->deleteJob(job);
    QVERIFY(waitFor(remove));
    QCOMPARE(remove->error(), Error::NoError);
    QCOMPARE(remove->statusCode(), 204);
    QVERIFY(!m_standin->hasJob("p"));

    Request *again = client->deleteJob(job);
    QVERIFY(waitFor(again));
    QCOMPARE(again->error(), Error::NotFound);
    QCOMPARE(again->errorString(), "Jenkins found nothing for DELETE job/p/ (HTTP 404).");
    Request *gone = client->jobClass(job);
    QVERIFY(waitFor(gone));
    QCOMPARE(gone->errorString(), "Jenkins found nothing for GET job/p/api/json (HTTP 404).");
}

void tst_JenkinsClient::updateWithOtherJobClassFails()
{
    Client *client = makeClient();
    Request *update = client->updateJob(JobPath::fromFullName("p"),
                                        configFixture("freestyle_shell__jenkins-rest.xml"));
    QVERIFY(waitFor(update));
    QCOMPARE(update->error(), Error::ServerError);
    QCOMPARE(update->errorString(),
             "Jenkins failed on POST job/p/config.xml (HTTP 500). Gave up after 3 attempts.");
    QCOMPARE(m_standin->jobConfig("p"), parameterizedPipeline());
}

// --- retries -------------------------------------------------------------------------------

void tst_JenkinsClient::getRetries_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<int>("times");
    QTest::addColumn<Error>("error");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("attempts");
    QTest::addRow("503 twice, then success")
            << Fault::ServiceUnavailable << 2 << Error::NoError << "" << 3;
    // Qt itself re-sends a GET once when the connection closes before the answer.
    QTest::addRow("connection dropped twice")
            << Fault::DropConnection << 2 << Error::NoError << "" << 2;
    QTest::addRow("503 on every attempt")
            << Fault::ServiceUnavailable << 5 << Error::ServerError
            << "Jenkins failed on GET job/p/1/api/json (HTTP 503). Gave up after 3 attempts." << 3;
    QTest::addRow("connection dropped on every attempt")
            << Fault::DropConnection << 5 << Error::ConnectionFailed
            << "Could not reach Jenkins for GET job/p/1/api/json: Connection closed. Gave up after "
               "3 attempts."
            << 3;
}

void tst_JenkinsClient::getRetries()
{
    QFETCH(Fault, fault);
    QFETCH(int, times);
    m_standin->startBuild("p");
    m_standin->injectFault("GET", "job/p/1/api/json", fault, times);
    Request *info = makeClient()->buildInfo(JobPath::fromFullName("p"), 1);
    QVERIFY(waitFor(info));
    QTEST(info->error(), "error");
    QTEST(info->errorString(), "message");
    QTEST(info->attempts(), "attempts");
    QFETCH(int, attempts);
    QVERIFY(m_standin->countRequests("GET", "job/p/1/api/json") >= attempts);
}

void tst_JenkinsClient::backoff_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<int>("delay");
    QTest::addRow("second attempt waits the initial delay") << 2 << 500;
    QTest::addRow("third doubles") << 3 << 1000;
    QTest::addRow("fourth doubles again") << 4 << 2000;
    QTest::addRow("capped at the maximum") << 12 << 30000;
}

void tst_JenkinsClient::backoff()
{
    QFETCH(int, attempt);
    QTEST(Jenkins::Client::defaultRetryPolicy().delayBeforeAttempt(attempt), "delay");
}

void tst_JenkinsClient::backoffDelaysAreApplied()
{
    m_standin->startBuild("p");
    m_standin->injectFault("GET", "job/p/1/api/json", Fault::ServiceUnavailable, 2);
    Client *client = makeClient();
    client->setRetryPolicy({3, 40, 1000}); // waits 40 ms, then 80 ms
    QElapsedTimer timer;
    timer.start();
    Request *info = client->buildInfo(JobPath::fromFullName("p"), 1);
    QVERIFY(waitFor(info));
    QCOMPARE(info->error(), Error::NoError);
    QVERIFY2(timer.elapsed() >= 120, qPrintable(QString::number(timer.elapsed())));
}

// --- builds, reports, nodes ----------------------------------------------------------------

void tst_JenkinsClient::buildInfo()
{
    Client *client = makeClient();
    const int build = m_standin->startBuild("p", {{"REVISION", "42"}});
    Request *running = client->buildInfo(JobPath::fromFullName("p"), build);
    QVERIFY(waitFor(running));
    QCOMPARE(running->result<Jenkins::BuildInfo>().building, true);
    QCOMPARE(running->result<Jenkins::BuildInfo>().result, Jenkins::JenkinsJson::BuildResult::None);
    m_standin->finishBuild("p", build, "UNSTABLE");
    Request *done = client->buildInfo(JobPath::fromFullName("p"), build);
    QVERIFY(waitFor(done));
    QCOMPARE(done->result<Jenkins::BuildInfo>().result,
             Jenkins::JenkinsJson::BuildResult::Unstable);
    QCOMPARE(done->result<Jenkins::BuildInfo>().parameters.value("REVISION"), "42");
    QCOMPARE(client->serverVersion(), "2.516.3");
    Request *missing = client->buildInfo(JobPath::fromFullName("p"), 99);
    QVERIFY(waitFor(missing));
    QCOMPARE(missing->errorString(), "Jenkins found nothing for GET job/p/99/api/json (HTTP 404).");
}

void tst_JenkinsClient::reports_data()
{
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("what");
    QTest::addRow("test report") << "testReport"
                                 << "test_report_two_failures__jenkinsapi.json"
                                 << "tests";
    QTest::addRow("coverage plugin") << "coverage"
                                     << "coverage_api__coverage-plugin-readme.json"
                                     << "coverage";
    QTest::addRow("warnings-ng aggregation") << "warnings-ng"
                                             << "warnings_ng_aggregation__warnings-ng-doc.json"
                                             << "warnings";
}

void tst_JenkinsClient::reports()
{
    QFETCH(QString, document);
    QFETCH(QString, fixture);
    QFETCH(QString, what);
    Client *client = makeClient();
    const JobPath job = JobPath::fromFullName("p");
    const int build = m_standin->startBuild("p");
    const auto fetch = [&] {
        return what == "tests"       ? client->testReport(job, build)
                : what == "coverage" ? client->coverage(job, build)
                                     : client->warnings(job, build);
    };
    Request *absent = fetch();
    QVERIFY(waitFor(absent));
    QCOMPARE(absent->error(), Error::NotFound); // not published (or plugin missing): 404
    QCOMPARE(
            absent->errorString(),
            QString("Jenkins found nothing for GET job/p/1/%1/api/json (HTTP 404).").arg(document));

    m_standin->setBuildDocument("p", build, document, apiFixture(fixture));
    Request *present = fetch();
    QVERIFY(waitFor(present));
    QCOMPARE(present->error(), Error::NoError);
    if (what == "tests")
        QCOMPARE(present->result<Jenkins::TestReport>().failCount, 2);
    else if (what == "coverage")
        QCOMPARE(present->result<Jenkins::CoverageSummary>().project.value("line"), 88.44);
    else
        QCOMPARE(present->result<Jenkins::WarningsSummary>().totalSize(), 815);

    m_standin->setBuildDocument("p", build, document, "<html>Oops!</html>");
    Request *garbled = fetch();
    QVERIFY(waitFor(garbled));
    QCOMPARE(garbled->error(), Error::InvalidResponse);
    QVERIFY(garbled->errorString().startsWith(
            QString("Jenkins answered GET job/p/1/%1/api/json with an unreadable body: The ")
                    .arg(document)));
}

void tst_JenkinsClient::computers()
{
    Request *request = makeClient()->computers();
    QVERIFY(waitFor(request));
    const auto nodes = request->result<QVector<Jenkins::Computer>>();
    QCOMPARE(nodes.size(), 2);
    QCOMPARE(nodes.at(1).displayName, "test-node1");
    QCOMPARE(nodes.at(1).offline, true);
    QCOMPARE(nodes.at(1).labels, (QStringList{"test-label", "test-node1"}));
    QCOMPARE(m_standin->requests().constLast().query.value(0).first, "tree");
}

void tst_JenkinsClient::stopTermKill_data()
{
    QTest::addColumn<QString>("job");
    QTest::addColumn<Client::StopMode>("mode");
    QTest::addColumn<Error>("error");
    QTest::addColumn<QString>("message");
    QTest::addRow("stop a Pipeline run") << "p" << Client::StopMode::Stop << Error::NoError << "";
    QTest::addRow("term a Pipeline run") << "p" << Client::StopMode::Term << Error::NoError << "";
    QTest::addRow("kill a Pipeline run") << "p" << Client::StopMode::Kill << Error::NoError << "";
    QTest::addRow("stop a Freestyle build")
            << "f" << Client::StopMode::Stop << Error::NoError << "";
    QTest::addRow("term a Freestyle build: 302 to term/, unsupported")
            << "f" << Client::StopMode::Term << Error::Unsupported
            << "Jenkins does not offer POST job/f/1/term for this object (term and kill exist only "
               "for Pipeline "
               "runs).";
}

void tst_JenkinsClient::stopTermKill()
{
    QFETCH(QString, job);
    QFETCH(Client::StopMode, mode);
    QFETCH(Error, error);
    m_standin->addJob("f", configFixture("freestyle_shell__jenkins-rest.xml"));
    const int build = m_standin->startBuild(job);
    Client *client = makeClient();
    Request *stop = client->stopBuild(JobPath::fromFullName(job), build, mode);
    QVERIFY(waitFor(stop));
    QTEST(stop->error(), "error");
    QTEST(stop->errorString(), "message");
    QCOMPARE(stop->statusCode(), 302); // never followed: manual redirects on POST
    Request *info = client->buildInfo(JobPath::fromFullName(job), build);
    QVERIFY(waitFor(info));
    QCOMPARE(info->result<Jenkins::BuildInfo>().result,
             error == Error::NoError ? Jenkins::JenkinsJson::BuildResult::Aborted
                                     : Jenkins::JenkinsJson::BuildResult::None);
}

void tst_JenkinsClient::validateJenkinsfile_data()
{
    using Outcome = Jenkins::JenkinsfileValidation::Outcome;
    QTest::addColumn<bool>("installed");
    QTest::addColumn<QString>("jenkinsfile");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<QString>("messages");
    QTest::addRow("valid")
            << true << "pipeline { agent any\n stages { stage('a') { steps { sh 'x && y' } } } }"
            << Outcome::Valid << "";
    QTest::addRow("invalid")
            << true << "node { sh 'x'" << Outcome::Invalid
            << "WorkflowScript: 1: Unexpected input: expected a pipeline block @ line 1, column 1.";
    QTest::addRow("plugin not installed: 404 means no pre-flight")
            << false << "pipeline {}" << Outcome::Unavailable << "";
}

void tst_JenkinsClient::validateJenkinsfile()
{
    QFETCH(bool, installed);
    QFETCH(QString, jenkinsfile);
    m_standin->setValidator(installed ? JenkinsStandin::Feature::Enabled
                                      : JenkinsStandin::Feature::Disabled);
    Request *validate = makeClient(Kind::Password)->validateJenkinsfile(jenkinsfile);
    QVERIFY(waitFor(validate));
    QCOMPARE(validate->error(), Error::NoError);
    QTEST(validate->result<Jenkins::JenkinsfileValidation>().outcome, "outcome");
    QTEST(validate->result<Jenkins::JenkinsfileValidation>().messages, "messages");
}

void tst_JenkinsClient::foldersAndEncoding()
{
    Client *client = makeClient(Kind::Password);
    Request *folder = client->createFolder(JobPath::fromFullName("Team A"));
    QVERIFY(waitFor(folder));
    QCOMPARE(folder->error(), Error::NoError);
    const JobPath job = JobPath::fromFullName("Team A/c++ build");
    Request *create = client->createJob(job, parameterizedPipeline());
    QVERIFY(waitFor(create));
    QCOMPARE(create->error(), Error::NoError);
    QVERIFY(m_standin->hasJob("Team A/c++ build"));
    Request *kind = client->jobClass(JobPath::fromFullName("Team A"));
    QVERIFY(waitFor(kind));
    QCOMPARE(kind->result<QString>(), "com.cloudbees.hudson.plugins.folder.Folder");

    m_standin->setQuietPeriod(JenkinsStandin::Feature::Disabled);
    TriggerJob *trigger = client->trigger(job, {{"REVISION", "1"}});
    QVERIFY(waitFor(trigger));
    QCOMPARE(trigger->error(), Error::NoError);
    QCOMPARE(m_standin->buildCount("Team A/c++ build"), 1);
    QCOMPARE(m_standin->countRequests("POST", "job/Team A/createItem"),
             1); // decoded, below /jenkins/
}

QTEST_GUILESS_MAIN(tst_JenkinsClient)
#include "tst_jenkinsclient.moc"
