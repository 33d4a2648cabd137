// SPDX-License-Identifier: GPL-3.0-or-later
// PollClient's preemption (issue 8 item 5) against a scripted fake master on 127.0.0.1: the
// owner policy or the master's X-Bittern-Vacate stops step "wait"; to a master that announced
// X-Bittern-Preemption the agent posts the step as preempted, to a Bitten master (no header)
// it sends the DELETE of a cancelled build; either way it stops working on that build. The
// owner policy's SUSPEND stops step "count" (a shell loop) with SIGSTOP while keepalives go on.
#include <csignal>

#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include "core/slaveproperties.h"
#include "slave-agent/pollclient.h"
#include "tests/testlib/processstate.h"

namespace {

const char recipeXml[] = "<build xmlns:sh=\"http://bitten.edgewall.org/tools/sh\">"
                         "<step id=\"one\"><sh:exec executable=\"echo\" args=\"one\"/></step>"
                         "<step id=\"wait\"><sh:exec executable=\"sleep\" args=\"60\"/></step>"
                         "<step id=\"three\"><sh:exec executable=\"echo\" args=\"three\"/></step>"
                         "</build>";

/// One request the fake master received.
struct Received
{
    QByteArray method;
    QByteArray path;
    QByteArray contentType;
    QByteArray body;
};

/**
 * A Bitten-protocol master reduced to a script: one build (/builds/1), every step post
 * accepted, and two switches — whether the recipe announces preemption, and whether
 * keepalives (after step "one") ask the agent to vacate.
 */
class FakeMaster : public QObject
{
public:
    QByteArray recipe = recipeXml;
    bool announcePreemption = false;
    bool askToVacate = false;
    QVector<Received> received;

    bool listen()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    quint16 port() const { return m_server.serverPort(); }
    bool receivedStep(const QByteArray &id) const
    {
        for (const Received &request : received) {
            if (request.path.endsWith("/steps/") && request.body.contains("step=\"" + id + '"'))
                return true;
        }
        return false;
    }

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const int end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            Received request;
            const QList<QByteArray> start = lines.first().trimmed().split(' ');
            request.method = start.value(0);
            request.path = start.value(1);
            int length = 0;
            for (const QByteArray &line : lines) {
                const int colon = line.indexOf(':');
                const QByteArray name = line.left(colon).trimmed().toLower();
                const QByteArray value = line.mid(colon + 1).trimmed();
                if (name == "content-length")
                    length = value.toInt();
                else if (name == "content-type")
                    request.contentType = value;
            }
            if (buffer.size() < end + 4 + length)
                return;
            request.body = buffer.mid(end + 4, length);
            buffer.remove(0, end + 4 + length);
            received.append(request);
            socket->write(answer(request));
        }
    }

    QByteArray answer(const Received &request) const
    {
        QByteArray status = "200 OK";
        QByteArray headers;
        QByteArray body;
        if (request.method == "POST" && request.path == "/builds") {
            const bool first = std::count_if(received.cbegin(), received.cend(),
                                             [](const Received &r) { return r.path == "/builds"; })
                    == 1;
            status = first ? "201 Created" : "204 No Content";
            if (first)
                headers += "Location: http://127.0.0.1:" + QByteArray::number(port())
                        + "/builds/1\r\n";
        } else if (request.method == "GET") {
            body = recipe;
            if (announcePreemption)
                headers += "X-Bittern-Preemption: 1\r\n";
        } else if (request.method == "DELETE") {
            status = "204 No Content";
        } else if (request.path.endsWith("/keepalive/")) {
            if (askToVacate && receivedStep("one"))
                headers += "X-Bittern-Vacate: a better-ranked build waits\r\n";
        } else {
            status = "201 Created";
        }
        return "HTTP/1.1 " + status + "\r\n" + headers
                + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

Agent::PollSettings settingsFor(const FakeMaster &master, const QTemporaryDir &dir)
{
    Agent::PollSettings settings;
    settings.options.urls
            = QStringList(QStringLiteral("http://127.0.0.1:%1/builds").arg(master.port()));
    settings.options.loop = Agent::PollLoop::Single;
    settings.options.intervalSeconds = 1;
    settings.options.keepaliveSeconds = 1;
    settings.slaveName = "tester";
    settings.registration = Core::SlaveProperties::detect().registrationXml("tester");
    settings.workDir = dir.filePath("work");
    settings.spoolDir = dir.filePath("spool");
    QDir().mkpath(settings.workDir);
    return settings;
}

/// A step "count" (on error: continue) between "one" and "three" that writes its pid to
/// @p dir/pid, then counts into @p dir/counter until @p dir/go exists. bash, not sh: Debian's
/// dash starts `sleep` with vfork() and waits for a stopped child in state D, not T.
QByteArray countingRecipe(const QTemporaryDir &dir)
{
    QFile script(dir.filePath("count.sh"));
    if (!script.open(QIODevice::WriteOnly))
        return QByteArray();
    script.write(
            "cd '" + QFile::encodeName(dir.path())
            + "'\necho $$ > pid.tmp && mv pid.tmp pid\ni=0\n"
              "while [ ! -e go ]; do i=$((i+1)); echo $i > counter.tmp; mv counter.tmp counter; "
              "sleep 0.01; done\n");
    return "<build xmlns:sh=\"http://bitten.edgewall.org/tools/sh\">"
           "<step id=\"one\"><sh:exec executable=\"echo\" args=\"one\"/></step>"
           "<step id=\"count\" onerror=\"continue\"><sh:exec executable=\"bash\" args=\""
            + QFile::encodeName(script.fileName())
            + "\"/></step>"
              "<step id=\"three\"><sh:exec executable=\"echo\" args=\"three\"/></step>"
              "</build>";
}

qint64 numberIn(const QTemporaryDir &dir, const QString &name)
{
    QFile file(dir.filePath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toLongLong() : 0;
}

int keepalives(const FakeMaster &master)
{
    return int(std::count_if(master.received.cbegin(), master.received.cend(),
                             [](const Received &r) { return r.path.endsWith("/keepalive/"); }));
}

} // namespace

class tst_PollClientPreemption : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void vacates_data();
    void vacates();
    void suspends_data();
    void suspends();
};

void tst_PollClientPreemption::vacates_data()
{
    QTest::addColumn<bool>("announce");
    QTest::addColumn<bool>("ownerPolicy"); // else the master asks
    QTest::addColumn<QByteArray>("reason");
    QTest::addRow("owner policy, Bittern bridge: preempted step posted")
            << true << true << QByteArray("the owner policy's PREEMPT expression is TRUE");
    QTest::addRow("master asks: preempted step posted")
            << true << false << QByteArray("the master asked for it (a better-ranked build waits)");
    QTest::addRow("owner policy, Bitten master: build cancelled") << false << true << QByteArray();
}

void tst_PollClientPreemption::vacates()
{
    QFETCH(bool, announce);
    QFETCH(bool, ownerPolicy);
    QFETCH(QByteArray, reason);
    QTemporaryDir dir;
    FakeMaster master;
    master.announcePreemption = announce;
    master.askToVacate = !ownerPolicy;
    QVERIFY(master.listen());

    Agent::PollSettings settings = settingsFor(master, dir);
    if (ownerPolicy) {
        settings.policyIntervalMilliseconds = 20;
        settings.ownerPolicy = [&master] {
            Core::OwnerPolicyDecision decision;
            if (master.receivedStep("one"))
                decision.preempt = Core::ClassAdTruth::True;
            return Core::Result<Core::OwnerPolicyDecision>(decision);
        };
    }
    Agent::PollClient client(settings);
    QSignalSpy finished(&client, &Agent::PollClient::finished);
    QElapsedTimer clock;
    clock.start();
    client.start();
    QVERIFY(finished.wait(20000));
    QVERIFY(clock.elapsed() < 15000); // "sleep 60" was stopped
    QCOMPARE(finished.first().first().value<Agent::PollExit>(), Agent::PollExit::Success);

    QVector<Received> preempted;
    int deletes = 0;
    for (const Received &request : qAsConst(master.received)) {
        if (request.contentType == "application/x-bittern-preempted+xml")
            preempted.append(request);
        deletes += request.method == "DELETE";
        QVERIFY2(!request.body.contains("step=\"wait\" status")
                         && !request.body.contains("step=\"three\""),
                 request.body.constData()); // no result of "wait", nothing of "three"
    }
    QVERIFY(master.receivedStep("one"));
    if (announce) {
        QCOMPARE(preempted.size(), 1);
        QCOMPARE(preempted.first().path, QByteArray("/builds/1/steps/"));
        QCOMPARE(preempted.first().body, "<preempted step=\"wait\" reason=\"" + reason + "\"/>");
        QCOMPARE(deletes, 0);
    } else {
        QCOMPARE(preempted.size(), 0);
        QTRY_COMPARE(std::count_if(master.received.cbegin(), master.received.cend(),
                                   [](const Received &r) { return r.method == "DELETE"; }),
                     1);
    }
}

void tst_PollClientPreemption::suspends_data()
{
    QTest::addColumn<QString>("then");
    QTest::addColumn<int>("exit");
    QTest::addRow("continued: the build finishes") << "run" << int(Agent::PollExit::Success);
    QTest::addRow("step ended while suspended: the next step waits until continued")
            << "kill" << int(Agent::PollExit::Success);
    QTest::addRow("step ended while suspended, then preempted: the next step is reported")
            << "kill, preempt" << int(Agent::PollExit::Success);
    QTest::addRow("preempted while suspended: the step is stopped")
            << "preempt" << int(Agent::PollExit::Success);
    QTest::addRow("agent stopped while suspended: the build is cancelled")
            << "stop" << int(Agent::PollExit::Stopped);
}

void tst_PollClientPreemption::suspends()
{
    QFETCH(QString, then);
    QFETCH(int, exit);
    QTemporaryDir dir;
    FakeMaster master;
    master.announcePreemption = true;
    master.recipe = countingRecipe(dir);
    QVERIFY(!master.recipe.isEmpty());
    QVERIFY(master.listen());
    Agent::PollSettings settings = settingsFor(master, dir);
    QString policy = "run";
    settings.policyIntervalMilliseconds = 20;
    settings.ownerPolicy = [&policy] {
        Core::OwnerPolicyDecision decision;
        if (policy == "suspend")
            decision.suspend = Core::ClassAdTruth::True;
        if (policy == "preempt")
            decision.preempt = Core::ClassAdTruth::True;
        return Core::Result<Core::OwnerPolicyDecision>(decision);
    };
    Agent::PollClient client(settings);
    QSignalSpy finished(&client, &Agent::PollClient::finished);
    client.start();
    QTRY_VERIFY_WITH_TIMEOUT(numberIn(dir, "pid") > 0 && numberIn(dir, "counter") > 0, 20000);
    const qint64 pid = numberIn(dir, "pid");

    policy = "suspend";
    QTRY_COMPARE_WITH_TIMEOUT(TestLib::processState(pid), 'T', 20000);
    const qint64 counted = numberIn(dir, "counter");
    const int before = keepalives(master);
    QTRY_VERIFY_WITH_TIMEOUT(keepalives(master) > before, 10000); // the claim is kept
    QCOMPARE(TestLib::processState(pid), 'T');
    QCOMPARE(numberIn(dir, "counter"), counted);
    QVERIFY(!master.receivedStep("count"));

    if (then == "run") {
        QFile go(dir.filePath("go"));
        QVERIFY(go.open(QIODevice::WriteOnly));
        policy = "run";
    } else if (then.startsWith("kill")) { // someone else ends the step's process
        QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
        QTRY_VERIFY_WITH_TIMEOUT(master.receivedStep("count"), 10000);
        const int seen = keepalives(master);
        QTRY_VERIFY_WITH_TIMEOUT(keepalives(master) > seen + 1, 10000);
        QVERIFY2(!master.receivedStep("three"), "a step started while the build was suspended");
        policy = then == "kill" ? "run" : "preempt";
    } else if (then == "preempt") {
        policy = "preempt";
    } else {
        client.stop();
    }
    QVERIFY(finished.wait(20000));
    QCOMPARE(int(finished.first().first().value<Agent::PollExit>()), exit);
    QCOMPARE(TestLib::processState(pid), char(0)); // ended, not left stopped
    QCOMPARE(master.receivedStep("three"), then == "run" || then.startsWith("kill"));
    const QByteArray countStatus = then == "run" ? "success"
            : then.startsWith("kill")            ? "failure"
                                                 : "";
    QByteArray preempted; // the step posted as preempted
    for (const Received &request : qAsConst(master.received)) {
        if (request.contentType == "application/x-bittern-preempted+xml")
            preempted = request.body.mid(0, request.body.indexOf(" reason="));
        if (request.body.contains("step=\"count\" status"))
            QVERIFY2(!countStatus.isEmpty()
                             && request.body.contains("status=\"" + countStatus + '"'),
                     request.body.constData());
    }
    QCOMPARE(preempted,
             then == "preempt"                 ? QByteArray("<preempted step=\"count\"")
                     : then == "kill, preempt" ? QByteArray("<preempted step=\"three\"")
                                               : QByteArray());
    if (then == "stop") {
        QTRY_COMPARE(std::count_if(master.received.cbegin(), master.received.cend(),
                                   [](const Received &r) { return r.method == "DELETE"; }),
                     1);
    }
}

QTEST_GUILESS_MAIN(tst_PollClientPreemption)
#include "tst_pollclientpreemption.moc"
