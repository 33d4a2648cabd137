// SPDX-License-Identifier: GPL-3.0-or-later
// PollClient's preemption (issue 8 item 5) against a scripted fake master on 127.0.0.1: the
// owner policy or the master's X-Bittern-Vacate stops step "wait"; to a master that announced
// X-Bittern-Preemption the agent posts the step as preempted, to a Bitten master (no header)
// it sends the DELETE of a cancelled build; either way it stops working on that build.
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include "core/slaveproperties.h"
#include "slave-agent/pollclient.h"

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
            body = recipeXml;
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

} // namespace

class tst_PollClientPreemption : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void vacates_data();
    void vacates();
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

QTEST_GUILESS_MAIN(tst_PollClientPreemption)
#include "tst_pollclientpreemption.moc"
