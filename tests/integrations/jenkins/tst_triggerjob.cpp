// SPDX-License-Identifier: GPL-3.0-or-later
// TriggerJob against the stand-in: buildWithParameters → queue item (201/303) → build number,
// the queueId fallback after the item is forgotten, and retries that never trigger twice.
#include <QSignalSpy>
#include <QtTest>

#include "integrations/jenkins/client.h"
#include "integrations/jenkins/triggerjob.h"
#include "tests/integrations/jenkins/jenkinstestsupport.h"
#include "tests/testlib/jenkinsstandin.h"

using Jenkins::Client;
using Jenkins::JobPath;
using Jenkins::Request;
using Jenkins::TriggerJob;
using TestLib::JenkinsStandin;
using Error = Request::Error;
using Fault = JenkinsStandin::Fault;
using namespace JenkinsTest;

Q_DECLARE_METATYPE(Fault)

class tst_TriggerJob : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void triggerToBuildNumber();
    void triggerErrors_data();
    void triggerErrors();
    void identicalQueuedRequestIs303();
    void queueItemCancelled();
    void forgottenQueueItemFallsBackToQueueId();
    void forgottenQueueItemWithoutBuild();
    void retryNeverTriggersTwice_data();
    void retryNeverTriggersTwice();
    void triggerGivesUp();
    void cancelQueueItem();

private:
    Client *makeClient() { return JenkinsTest::makeClient(m_standin); }

    JenkinsStandin *m_standin = nullptr;
};

void tst_TriggerJob::init()
{
    m_standin = makeStandin(this);
}

void tst_TriggerJob::cleanup()
{
    delete m_standin;
    m_standin = nullptr;
}

// --- triggering and the queue --------------------------------------------------------------

void tst_TriggerJob::triggerToBuildNumber()
{
    Client *client = makeClient();
    const QString revision = "r1234 a+b&c=d ü"; // '+', '&', '=', space and UTF-8 survive the query
    TriggerJob *trigger = client->trigger(JobPath::fromFullName("p"), {{"REVISION", revision}});
    QSignalSpy queued(trigger, &TriggerJob::queued);
    QTRY_VERIFY(queued.count() >= 1);
    QCOMPARE(queued.at(0).at(0).value<Jenkins::JenkinsJson::QueueState>(),
             Jenkins::JenkinsJson::QueueState::Waiting);
    QCOMPARE(queued.at(0).at(1).toString(), "In the quiet period. Expires in 4.6 sec");
    const qint64 id = m_standin->queuedIds().value(0);
    m_standin->makeBuildable(id);
    QTRY_COMPARE(queued.constLast().at(1).toString(), "Waiting for next available executor");
    QCOMPARE(queued.constLast().at(0).value<Jenkins::JenkinsJson::QueueState>(),
             Jenkins::JenkinsJson::QueueState::Buildable);
    const int build = m_standin->startQueueItem(id);
    QVERIFY(waitFor(trigger));
    QCOMPARE(trigger->error(), Error::NoError);
    QCOMPARE(trigger->queueId(), id);
    QCOMPARE(trigger->buildNumber(), build);
    QCOMPARE(trigger->triggerAttempts(), 1);

    Request *info = client->buildInfo(JobPath::fromFullName("p"), build);
    QVERIFY(waitFor(info));
    const auto run = info->result<Jenkins::BuildInfo>();
    QCOMPARE(run.parameters.value("REVISION"), revision);
    QCOMPARE(run.parameters.value(Client::requestIdParameter()), trigger->requestId());
    QCOMPARE(run.queueId, id);
}

void tst_TriggerJob::triggerErrors_data()
{
    QTest::addColumn<QString>("job");
    QTest::addColumn<Error>("error");
    QTest::addColumn<QString>("message");
    QTest::addRow("disabled job: 409")
            << "disabled" << Error::Conflict
            << "Jenkins refused POST job/disabled/buildWithParameters (HTTP 409): "
               "disabled is not buildable.";
    QTest::addRow("job without parameters: 400")
            << "plain" << Error::BadRequest
            << "Jenkins refused POST job/plain/buildWithParameters (HTTP 400): "
               "plain is not parameterized.";
    QTest::addRow("missing job: 404")
            << "missing" << Error::NotFound
            << "Jenkins found nothing for POST job/missing/buildWithParameters (HTTP 404).";
}

void tst_TriggerJob::triggerErrors()
{
    m_standin->addJob("disabled", parameterizedPipeline());
    m_standin->setJobDisabled("disabled");
    m_standin->addJob("plain", configFixture("pipeline_minimal__api4jenkins.xml"));
    QFETCH(QString, job);
    TriggerJob *trigger = makeClient()->trigger(JobPath::fromFullName(job), {});
    QVERIFY(waitFor(trigger));
    QTEST(trigger->error(), "error");
    QTEST(trigger->errorString(), "message");
    QCOMPARE(m_standin->queueItemCount(), 0);
    QCOMPARE(m_standin->countRequests("POST", "buildWithParameters"), 1);
}

void tst_TriggerJob::identicalQueuedRequestIs303()
{
    Client *client = makeClient();
    Request::Spec spec;
    spec.method = Request::Method::Post;
    spec.path = "job/p/buildWithParameters";
    spec.query = {{"REVISION", "7"}};
    spec.retry = Request::Retry::Never;
    Request *first = client->send(spec);
    QVERIFY(waitFor(first));
    Request *second = client->send(spec);
    QVERIFY(waitFor(second));
    QCOMPARE(first->statusCode(), 201);
    QCOMPARE(second->statusCode(), 303);
    QCOMPARE(second->error(), Error::NoError); // 303 is success: the existing item is shared
    QCOMPARE(second->rawHeader("Location"), first->rawHeader("Location"));
    QCOMPARE(Jenkins::JenkinsJson::queueIdFromLocation(second->rawHeader("Location")), qint64(1));
    QCOMPARE(m_standin->queueItemCount(), 1);
}

void tst_TriggerJob::queueItemCancelled()
{
    Client *client = makeClient();
    TriggerJob *trigger = client->trigger(JobPath::fromFullName("p"), {});
    QSignalSpy queued(trigger, &TriggerJob::queued);
    QTRY_VERIFY(queued.count() >= 1);
    m_standin->cancelQueueItem(m_standin->queuedIds().value(0));
    QVERIFY(waitFor(trigger));
    QCOMPARE(trigger->error(), Error::Cancelled);
    QCOMPARE(trigger->errorString(),
             "Queue item 1 for job p was cancelled before its build started.");
}

void tst_TriggerJob::forgottenQueueItemFallsBackToQueueId()
{
    Client *client = makeClient();
    client->setPollIntervals({300, 2});
    TriggerJob *trigger = client->trigger(JobPath::fromFullName("p"), {});
    QSignalSpy queued(trigger, &TriggerJob::queued);
    QTRY_VERIFY(queued.count() >= 1);
    // Between two polls the item starts, leaves the queue and is forgotten five minutes later.
    m_standin->startBuild("p"); // an unrelated build first, so numbers and queue ids differ
    const int build = m_standin->startQueueItem(1);
    m_standin->advanceClock(JenkinsStandin::leftItemRetentionMs);
    QVERIFY(waitFor(trigger));
    QCOMPARE(trigger->error(), Error::NoError);
    QCOMPARE(trigger->buildNumber(), build);
    QCOMPARE(build, 2);
    QCOMPARE(m_standin->countRequests("GET", "job/p/api/json"), 1); // the builds[queueId] search
}

void tst_TriggerJob::forgottenQueueItemWithoutBuild()
{
    Client *client = makeClient();
    client->setPollIntervals({300, 2});
    TriggerJob *trigger = client->trigger(JobPath::fromFullName("p"), {});
    QSignalSpy queued(trigger, &TriggerJob::queued);
    QTRY_VERIFY(queued.count() >= 1);
    m_standin->cancelQueueItem(1);
    m_standin->advanceClock(JenkinsStandin::leftItemRetentionMs + 1);
    QVERIFY(waitFor(trigger));
    QCOMPARE(trigger->error(), Error::QueueItemLost);
    QCOMPARE(trigger->errorString(),
             "Queue item 1 for job p is gone and no build of the job came from it.");
}

void tst_TriggerJob::retryNeverTriggersTwice_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<bool>("startAtOnce");
    QTest::addColumn<int>("posts");
    QTest::addRow("connection dropped after Jenkins queued it")
            << Fault::HandleThenDrop << false << 1;
    QTest::addRow("proxy 502 after Jenkins queued it") << Fault::HandleThenBadGateway << false << 1;
    QTest::addRow("queued and already started when checked") << Fault::HandleThenDrop << true << 1;
    QTest::addRow("503 before Jenkins saw it: sent again")
            << Fault::ServiceUnavailable << false << 2;
    QTest::addRow("connection dropped before Jenkins saw it: sent again")
            << Fault::DropConnection << false << 2;
}

void tst_TriggerJob::retryNeverTriggersTwice()
{
    QFETCH(Fault, fault);
    QFETCH(bool, startAtOnce);
    if (startAtOnce)
        m_standin->setQuietPeriod(JenkinsStandin::Feature::Disabled);
    m_standin->setProgress(JenkinsStandin::Progress::Automatic);
    m_standin->injectFault("POST", "buildWithParameters", fault);
    TriggerJob *trigger = makeClient()->trigger(JobPath::fromFullName("p"), {{"REVISION", "9"}});
    QVERIFY(waitFor(trigger));
    QCOMPARE(trigger->error(), Error::NoError);
    QTEST(m_standin->countRequests("POST", "buildWithParameters"), "posts");
    QTEST(trigger->triggerAttempts(), "posts");
    QCOMPARE(m_standin->queueItemCount(), 1); // one build, whatever happened on the wire
    QCOMPARE(m_standin->buildCount("p"), 1);
    QCOMPARE(trigger->buildNumber(), 1);
    QVERIFY(m_standin->countRequests("GET", "queue/api/json") >= 1); // checked before any retry
}

void tst_TriggerJob::triggerGivesUp()
{
    m_standin->injectFault("POST", "buildWithParameters", Fault::ServiceUnavailable, 10);
    TriggerJob *trigger = makeClient()->trigger(JobPath::fromFullName("p"), {});
    QVERIFY(waitFor(trigger));
    QCOMPARE(trigger->error(), Error::ServerError);
    QCOMPARE(trigger->errorString(),
             "Jenkins failed on POST job/p/buildWithParameters (HTTP 503). Gave up after 3 "
             "trigger attempts.");
    QCOMPARE(m_standin->countRequests("POST", "buildWithParameters"), 3);
    QCOMPARE(m_standin->countRequests("GET", "queue/api/json"), 2);
}

void tst_TriggerJob::cancelQueueItem()
{
    Client *client = makeClient();
    TriggerJob *trigger = client->trigger(JobPath::fromFullName("p"), {});
    QSignalSpy queued(trigger, &TriggerJob::queued);
    QTRY_VERIFY(queued.count() >= 1);
    Request *cancel = client->cancelQueueItem(1);
    QVERIFY(waitFor(cancel));
    QCOMPARE(cancel->statusCode(), 204);
    QVERIFY(waitFor(trigger));
    QCOMPARE(trigger->error(), Error::Cancelled);
    Request *late = client->cancelQueueItem(1);
    QVERIFY(waitFor(late));
    QCOMPARE(late->error(), Error::NotFound);
    QCOMPARE(late->errorString(), "Jenkins found nothing for POST queue/cancelItem (HTTP 404).");
}

QTEST_GUILESS_MAIN(tst_TriggerJob)
#include "tst_triggerjob.moc"
