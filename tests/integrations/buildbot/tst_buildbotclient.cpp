// SPDX-License-Identifier: GPL-3.0-or-later
#include <functional>

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include "integrations/buildbot/builderdatawriter.h"
#include "integrations/buildbot/buildfollower.h"
#include "integrations/buildbot/client.h"
#include "integrations/buildbot/forcejob.h"
#include "tests/testlib/buildbotinstance.h"

using namespace Buildbot;

namespace {

/// A loopback HTTP server answering each request through a handler (for failure injection).
class FakeServer : public QTcpServer
{
public:
    /// (method, path with query) → full HTTP response
    using Handler = std::function<QByteArray(const QByteArray &, const QByteArray &)>;
    explicit FakeServer(Handler handler) : m_handler(std::move(handler))
    {
        listen(QHostAddress::LocalHost, 0);
        connect(this, &QTcpServer::newConnection, this, [this]() {
            while (QTcpSocket *socket = nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, socket,
                        [this, socket]() { serve(socket); });
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(serverPort())); }
    QList<QByteArray> requests;

    static QByteArray answer(int status, const QByteArray &body)
    {
        return "HTTP/1.1 " + QByteArray::number(status)
                + " X\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const int end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const int lengthAt = buffer.toLower().indexOf("content-length:");
        const int length = lengthAt < 0
                ? 0
                : buffer.mid(lengthAt + 15, buffer.indexOf('\r', lengthAt) - lengthAt - 15)
                          .trimmed()
                          .toInt();
        if (buffer.size() < end + 4 + length)
            return;
        const QList<QByteArray> line = buffer.left(buffer.indexOf('\r')).split(' ');
        requests += line.value(0) + ' ' + line.value(1);
        socket->write(m_handler(line.value(0), line.value(1)));
        socket->disconnectFromHost();
        m_buffers.remove(socket);
    }

    Handler m_handler;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

RetryPolicy fastRetries()
{
    RetryPolicy policy;
    policy.maxAttempts = 3;
    policy.initialDelayMs = 10;
    policy.maxDelayMs = 40;
    return policy;
}

BuilderStep shellStep(const QString &id, const QString &script)
{
    BuilderStep step;
    step.bittenStep = id;
    step.script = script;
    step.onError = Core::OnError::Fail;
    return step;
}

QByteArray dataFile(const QString &configuration, const QVector<BuilderStep> &steps)
{
    BuilderData data;
    data.configuration = configuration;
    data.path = QStringLiteral("trunk");
    Builder builder;
    builder.name = QStringLiteral("bitten-%1-any").arg(configuration);
    builder.platform = QStringLiteral("any");
    data.builders = {builder};
    data.steps = steps;
    return BuilderDataWriter::write(data);
}

template<typename Job>
bool waitFor(Job *job, int timeoutMs = 60000)
{
    if (job->isFinished())
        return true;
    QSignalSpy spy(job, &Job::finished);
    return spy.wait(timeoutMs);
}

} // namespace

/// Contract tests of Buildbot::Client: failure injection on a fake server, then a real master.
class tst_BuildbotClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void retriesTransientFailures();
    void givesUpAfterMaxAttempts();
    void forceIsNeverSentTwice_data();
    void forceIsNeverSentTwice();
    void login_data();
    void login();
    void forceAndFollow();
    void logsByOffset();
    void forceRefused_data();
    void forceRefused();
    void stopBuild();
    void cancelPendingRequest();

private:
    Client *client();
    BuildFollower *forceAndStart(Client &client, const QString &builder, qint64 *requestId);

    TestLib::BuildbotInstance m_buildbot;
    std::unique_ptr<Client> m_client;
};

void tst_BuildbotClient::initTestCase()
{
    if (!TestLib::BuildbotInstance::isAvailable()) {
        QTest::qSkip("Debian's buildbot and buildbot-worker are not installed.", __FILE__,
                     __LINE__);
        return;
    }
    TestLib::BuildbotInstance::Options options;
    options.maxBuilds = 1;
    const QString error = m_buildbot.start(options);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QFile quick(m_buildbot.dataDir() + "/quick.json");
    QVERIFY(quick.open(QIODevice::WriteOnly));
    quick.write(dataFile("quick",
                         {shellStep("one", "echo line-one-a; echo line-one-b"),
                          shellStep("two", "for i in 1 2 3 4 5; do echo line-two-$i; done"),
                          shellStep("three", "echo done")}));
    quick.close();
    QFile slow(m_buildbot.dataDir() + "/slow.json");
    QVERIFY(slow.open(QIODevice::WriteOnly));
    slow.write(dataFile("slow", {shellStep("wait", "echo waiting; sleep 60")}));
    slow.close();
    QVERIFY2(m_buildbot.waitForBuilders({"bitten-quick-any", "bitten-slow-any"}),
             qPrintable(m_buildbot.masterLog()));
    m_client = std::make_unique<Client>(m_buildbot.url(),
                                        Credentials{m_buildbot.user(), m_buildbot.password()});
    m_client->setPollInterval(100);
}

void tst_BuildbotClient::cleanupTestCase()
{
    m_client.reset();
    m_buildbot.stop();
}

Client *tst_BuildbotClient::client()
{
    return m_client.get();
}

void tst_BuildbotClient::retriesTransientFailures()
{
    int calls = 0;
    FakeServer server([&calls](const QByteArray &, const QByteArray &) {
        return ++calls < 3
                ? FakeServer::answer(503, "busy")
                : FakeServer::answer(200, R"({"builders":[{"builderid":1,"name":"b"}]})");
    });
    Client fake(server.url(), {});
    fake.setRetryPolicy(fastRetries());
    Request *request = fake.builders();
    QVERIFY(waitFor(request));
    QCOMPARE(request->error(), Request::Error::NoError);
    QCOMPARE(request->attempts(), 3);
    QCOMPARE(request->result().value<QVector<BuilderInfo>>().first().name, QString("b"));
}

void tst_BuildbotClient::givesUpAfterMaxAttempts()
{
    FakeServer server([](const QByteArray &, const QByteArray &) {
        return FakeServer::answer(502, "<html>bad gateway</html>");
    });
    Client fake(server.url(), {});
    fake.setRetryPolicy(fastRetries());
    Request *request = fake.builders();
    QVERIFY(waitFor(request));
    QCOMPARE(request->error(), Request::Error::ServerError);
    QCOMPARE(request->attempts(), 3);
    QCOMPARE(request->errorString(),
             QString("Buildbot at %1 answered HTTP 502 to the builder list.")
                     .arg(server.url().toString()));
}

void tst_BuildbotClient::forceIsNeverSentTwice_data()
{
    QTest::addColumn<bool>("recorded");
    QTest::addColumn<int>("posts");
    QTest::addRow("lost answer, build recorded: adopted, not re-sent") << true << 1;
    QTest::addRow("lost answer, nothing recorded: sent again") << false << 2;
}

void tst_BuildbotClient::forceIsNeverSentTwice()
{
    QFETCH(bool, recorded);
    QFETCH(int, posts);
    int forces = 0;
    FakeServer server([&](const QByteArray &method, const QByteArray &path) -> QByteArray {
        if (method == "POST")
            return ++forces == 1 ? FakeServer::answer(502, "")
                                 : FakeServer::answer(200, R"({"result":[6,{"2":12}]})");
        if (path.startsWith("/api/v2/buildsets?bsid__gt=0"))
            return FakeServer::answer(200, R"({"buildsets":[{"bsid":4}]})");
        if (path.startsWith("/api/v2/buildsets?bsid__gt=4"))
            return FakeServer::answer(
                    200, recorded ? R"({"buildsets":[{"bsid":5}]})" : R"({"buildsets":[]})");
        if (path == "/api/v2/buildsets/5/properties")
            return FakeServer::answer(
                    200, R"({"properties":[{"bittern_request_id":["req-9","Force Build Form"]}]})");
        if (path.startsWith("/api/v2/buildrequests?buildsetid=5"))
            return FakeServer::answer(
                    200,
                    R"({"buildrequests":[{"buildrequestid":11,"buildsetid":5,"builderid":2}]})");
        return FakeServer::answer(404, R"({"error":"not found"})");
    });
    Client fake(server.url(), {});
    fake.setRetryPolicy(fastRetries());
    ForceRequest request;
    request.builderNames = QStringList{"bitten-x-any"};
    request.requestId = "req-9";
    ForceJob *job = fake.forceBuild(request);
    QVERIFY(waitFor(job));
    QCOMPARE(job->error(), Request::Error::NoError);
    QCOMPARE(job->forceAttempts(), posts);
    QCOMPARE(forces, posts);
    QCOMPARE(job->adopted(), recorded);
    QCOMPARE(job->result().requests.first().second, recorded ? qint64(11) : qint64(12));
}

void tst_BuildbotClient::login_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<Request::Error>("error");
    QTest::addRow("right password") << "bittern-pass" << Request::Error::NoError;
    QTest::addRow("wrong password") << "nope" << Request::Error::Unauthorized;
}

void tst_BuildbotClient::login()
{
    QFETCH(QString, password);
    QFETCH(Request::Error, error);
    Client fresh(m_buildbot.url(), {m_buildbot.user(), password});
    Request *request = fresh.login();
    QVERIFY(waitFor(request));
    QCOMPARE(request->error(), error);
    QCOMPARE(fresh.hasSession(), error == Request::Error::NoError);
    if (error != Request::Error::NoError)
        QVERIFY2(request->errorString().startsWith(
                         QString("Buildbot at %1 answered HTTP 401 to the login of bittern")
                                 .arg(m_buildbot.url().toString())),
                 qPrintable(request->errorString()));
}

BuildFollower *tst_BuildbotClient::forceAndStart(Client &client, const QString &builder,
                                                 qint64 *requestId)
{
    ForceRequest request;
    request.builderNames = QStringList{builder};
    request.revision = "r42";
    ForceJob *job = client.forceBuild(request);
    if (!waitFor(job) || job->error() != Request::Error::NoError) {
        qWarning() << job->errorString();
        return nullptr;
    }
    *requestId = job->result().requests.first().second;
    return client.follow(*requestId);
}

void tst_BuildbotClient::forceAndFollow()
{
    qint64 requestId = 0;
    BuildFollower *follower = forceAndStart(*client(), "bitten-quick-any", &requestId);
    QVERIFY(follower);
    QStringList started;
    QStringList lines;
    connect(follower, &BuildFollower::stepStarted, this,
            [&started](const StepInfo &step) { started += step.name; });
    connect(follower, &BuildFollower::logLines, this,
            [&lines](const StepInfo &, const QStringList &more) { lines += more; });
    QVERIFY(waitFor(follower));
    QCOMPARE(follower->error(), Request::Error::NoError);
    QCOMPARE(follower->result(), BuildResult::Success);
    QCOMPARE(started, (QStringList{"worker_preparation", "one", "two", "three"}));
    QVERIFY2(lines.contains("line-one-b") && lines.contains("line-two-5") && lines.contains("done"),
             qPrintable(lines.join('\n')));
    QCOMPARE(follower->build().buildRequestId, requestId);
    QCOMPARE(follower->build().properties.value("revision").toString(), QString("r42"));
    QVERIFY(!follower->build().properties.value("bittern_request_id").toString().isEmpty());
}

void tst_BuildbotClient::logsByOffset()
{
    qint64 requestId = 0;
    BuildFollower *follower = forceAndStart(*client(), "bitten-quick-any", &requestId);
    QVERIFY(follower && waitFor(follower));
    const StepInfo two = follower->steps().at(2);
    QCOMPARE(two.name, QString("two"));
    Request *logs = client()->logs(two.id);
    QVERIFY(waitFor(logs));
    LogInfo stdio;
    for (const LogInfo &log : logs->result().value<QVector<LogInfo>>())
        if (log.name == "stdio")
            stdio = log;
    QVERIFY(stdio.id != 0);
    Request *all = client()->logLines(stdio, 0);
    QVERIFY(waitFor(all));
    const LogLines whole = all->result().value<LogLines>();
    const int first = whole.lines.indexOf("line-two-1");
    QVERIFY(first > 0);
    Request *tail = client()->logLines(stdio, first + 2);
    QVERIFY(waitFor(tail));
    const LogLines rest = tail->result().value<LogLines>();
    QCOMPARE(rest.firstLine, first + 2);
    QCOMPARE(rest.lines.first(), QString("line-two-3"));
}

void tst_BuildbotClient::forceRefused_data()
{
    QTest::addColumn<bool>("loggedIn");
    QTest::addColumn<QString>("builder");
    QTest::addColumn<Request::Error>("error");
    QTest::addColumn<QString>("message");
    QTest::addRow("unknown builder") << true << "nope" << Request::Error::Refused
                                     << "Buildbot at %1 answered HTTP 500 to the force of nope: "
                                        "KeyError('builderNames not specified or not supported')";
    QTest::addRow("anonymous") << false << "bitten-quick-any" << Request::Error::Forbidden
                               << "Buildbot at %1 answered HTTP 403 to the force of "
                                  "bitten-quick-any: you need to have role 'bittern'";
}

void tst_BuildbotClient::forceRefused()
{
    QFETCH(bool, loggedIn);
    QFETCH(QString, builder);
    QFETCH(Request::Error, error);
    QFETCH(QString, message);
    Client other(m_buildbot.url(),
                 loggedIn ? Credentials{m_buildbot.user(), m_buildbot.password()} : Credentials{});
    ForceRequest request;
    request.builderNames = QStringList{builder};
    ForceJob *job = other.forceBuild(request);
    QVERIFY(waitFor(job));
    QCOMPARE(job->error(), error);
    QCOMPARE(job->forceAttempts(), 1);
    QCOMPARE(job->errorString(), message.arg(m_buildbot.url().toString()));
}

void tst_BuildbotClient::stopBuild()
{
    qint64 requestId = 0;
    BuildFollower *follower = forceAndStart(*client(), "bitten-slow-any", &requestId);
    QVERIFY(follower);
    QSignalSpy started(follower, &BuildFollower::logLines);
    QVERIFY(started.wait(30000) || started.size() > 0);
    Request *stop = client()->stopBuild(follower->build().id, "stopped by the test");
    QVERIFY(waitFor(stop));
    QCOMPARE(stop->error(), Request::Error::NoError);
    QVERIFY(waitFor(follower, 30000));
    QCOMPARE(follower->result(), BuildResult::Cancelled);
    QVERIFY2(follower->build().stateString.contains("stopped by the test"),
             qPrintable(follower->build().stateString));
}

void tst_BuildbotClient::cancelPendingRequest()
{
    qint64 runningId = 0;
    qint64 pendingId = 0;
    BuildFollower *running = forceAndStart(*client(), "bitten-slow-any", &runningId);
    QVERIFY(running);
    QSignalSpy started(running, &BuildFollower::buildStarted);
    QVERIFY(started.wait(30000) || started.size() > 0);
    BuildFollower *pending = forceAndStart(*client(), "bitten-slow-any", &pendingId);
    QVERIFY(pending);
    Request *cancel = client()->cancelBuildRequest(pendingId, "not needed");
    QVERIFY(waitFor(cancel));
    QCOMPARE(cancel->error(), Request::Error::NoError);
    QVERIFY(waitFor(pending, 30000));
    QVERIFY(!pending->hasBuild());
    QCOMPARE(pending->result(), BuildResult::Cancelled);
    Request *stop = client()->stopBuild(running->build().id, "done");
    QVERIFY(waitFor(stop));
    QVERIFY(waitFor(running, 30000));
    QCOMPARE(running->result(), BuildResult::Cancelled);
}

QTEST_GUILESS_MAIN(tst_BuildbotClient)
#include "tst_buildbotclient.moc"
