// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "bridge/bridgeservice.h"
#include "bridge/http/requesthandler.h"
#include "bridge/http/server.h"
#include "bridge/store/sqlstore.h"
#include "tests/testlib/testdata.h"

using namespace Bridge;

namespace {

/// Answers "ok METHOD PATH BODYSIZE" and records what it saw.
class EchoHandler final : public RequestHandler
{
public:
    Response handle(const Request &request) override
    {
        paths.append(request.path());
        return Response::text(200,
                              QStringLiteral("ok %1 %2 %3")
                                      .arg(QString::fromLatin1(request.method), request.path())
                                      .arg(request.body.size()));
    }
    QStringList paths;
};

/// A raw HTTP client on a QTcpSocket that collects bytes while the test's event loop runs.
class RawClient
{
public:
    explicit RawClient(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket,
                         [this] { m_received += m_socket.readAll(); });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, &m_socket,
                         [this] { m_closed = true; });
    }
    bool waitConnected() { return m_socket.waitForConnected(5000); }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }
    /// Number of complete responses received so far (by counting status lines with bodies).
    int responses() const { return m_received.count("HTTP/1.1 "); }
    bool hasResponseEnding(const QByteArray &bodyEnd) const { return m_received.endsWith(bodyEnd); }
    QByteArray received() const { return m_received; }
    bool isClosed() const { return m_closed; }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
    bool m_closed = false;
};

} // namespace

class tst_Server : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepAliveAndPipelining();
    void expectContinue();
    void badRequests_data();
    void badRequests();
    void idleConnectionIsClosed();
    void slowClientGets408WhileOthersAreServed();
    void gracefulShutdownFinishesInFlightRequest();
    void serviceStopClosesStore();
    void tooManyConnections();
    void tls();
    void tlsSetupErrors_data();
    void tlsSetupErrors();
};

void tst_Server::keepAliveAndPipelining()
{
    EchoHandler handler;
    Server server(handler);
    QVERIFY(server.start(QHostAddress::LocalHost, 0));
    RawClient client(server.serverPort());
    QVERIFY(client.waitConnected());
    client.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_COMPARE(client.responses(), 1);
    QVERIFY(client.received().contains("Connection: keep-alive\r\n"));
    client.send("POST /b HTTP/1.1\r\nContent-Length: 3\r\n\r\nxyzGET /c HTTP/1.1\r\n\r\n");
    QTRY_COMPARE(client.responses(), 3);
    QVERIFY(client.hasResponseEnding("ok GET /c 0"));
    QVERIFY(client.received().contains("ok POST /b 3"));
    QCOMPARE(handler.paths, QStringList({"/a", "/b", "/c"}));
    QVERIFY(!client.isClosed());
    QCOMPARE(server.connectionCount(), 1);
}

void tst_Server::expectContinue()
{
    EchoHandler handler;
    Server server(handler);
    QVERIFY(server.start(QHostAddress::LocalHost, 0));
    RawClient client(server.serverPort());
    QVERIFY(client.waitConnected());
    client.send("POST /up HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
    QTRY_COMPARE(client.received(), QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
    client.send("data");
    QTRY_VERIFY(client.hasResponseEnding("ok POST /up 4"));
    // Body in the same packet: no 100 Continue, nothing stray after the response.
    client.send("POST /b HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nab");
    QTRY_VERIFY(client.hasResponseEnding("ok POST /b 2"));
    QCOMPARE(client.received().count("100 Continue"), 1);
}

void tst_Server::badRequests_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("statusLine");
    QTest::addColumn<QByteArray>("body");
    QTest::addRow("garbage") << QByteArray("\x01\x02\x03 / HTTP/1.1\r\n\r\n")
                             << QByteArray("HTTP/1.1 400 Bad Request")
                             << QByteArray("Malformed HTTP request: invalid HTTP method.");
    QTest::addRow("headers too large")
            << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(2000, 'a') + "\r\n\r\n")
            << QByteArray("HTTP/1.1 431 Request Header Fields Too Large")
            << QByteArray("The request headers are larger than the limit of 1024 bytes.");
    QTest::addRow("body too large") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 5000\r\n\r\n")
                                    << QByteArray("HTTP/1.1 413 Payload Too Large")
                                    << QByteArray("The request body is larger than the limit of "
                                                  "4096 bytes.");
}

void tst_Server::badRequests()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, statusLine);
    QFETCH(QByteArray, body);
    EchoHandler handler;
    ConnectionSettings settings;
    settings.limits.maxHeaderBytes = 1024;
    settings.limits.maxBodyBytes = 4096;
    Server server(handler, settings);
    QVERIFY(server.start(QHostAddress::LocalHost, 0));
    RawClient bad(server.serverPort());
    QVERIFY(bad.waitConnected());
    bad.send(input);
    QTRY_VERIFY(bad.isClosed());
    QVERIFY2(bad.received().startsWith(statusLine), bad.received().constData());
    QVERIFY(bad.received().contains("Connection: close\r\n"));
    QVERIFY2(bad.hasResponseEnding(body), bad.received().constData());
    QVERIFY(handler.paths.isEmpty());
    // The server keeps serving others.
    RawClient good(server.serverPort());
    QVERIFY(good.waitConnected());
    good.send("GET /fine HTTP/1.1\r\n\r\n");
    QTRY_VERIFY(good.hasResponseEnding("ok GET /fine 0"));
}

void tst_Server::idleConnectionIsClosed()
{
    EchoHandler handler;
    ConnectionSettings settings;
    settings.idleTimeoutMs = 200;
    Server server(handler, settings);
    QVERIFY(server.start(QHostAddress::LocalHost, 0));
    RawClient client(server.serverPort());
    QVERIFY(client.waitConnected());
    client.send("GET /once HTTP/1.1\r\n\r\n");
    QTRY_COMPARE(client.responses(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(client.isClosed(), 5000);
    QCOMPARE(client.responses(), 1); // closed silently: no request was in progress
    QTRY_COMPARE(server.connectionCount(), 0);
}

void tst_Server::slowClientGets408WhileOthersAreServed()
{
    EchoHandler handler;
    ConnectionSettings settings;
    settings.requestTimeoutMs = 600;
    Server server(handler, settings);
    QVERIFY(server.start(QHostAddress::LocalHost, 0));
    RawClient slow(server.serverPort());
    QVERIFY(slow.waitConnected());
    slow.send("POST /slow HTTP/1.1\r\nContent-Length: 100\r\n\r\nonly a few bytes");
    RawClient fast(server.serverPort());
    QVERIFY(fast.waitConnected());
    fast.send("GET /fast HTTP/1.1\r\n\r\n");
    QTRY_VERIFY(fast.hasResponseEnding("ok GET /fast 0"));
    QVERIFY(!slow.isClosed());
    QTRY_VERIFY_WITH_TIMEOUT(slow.isClosed(), 5000);
    QVERIFY2(slow.received().startsWith("HTTP/1.1 408 Request Timeout"),
             slow.received().constData());
    QVERIFY(slow.hasResponseEnding("The request was not completed within 600 ms."));
    QCOMPARE(handler.paths, QStringList({"/fast"}));
    fast.send("GET /again HTTP/1.1\r\n\r\n"); // the fast client's connection is still alive
    QTRY_VERIFY(fast.hasResponseEnding("ok GET /again 0"));
}

void tst_Server::gracefulShutdownFinishesInFlightRequest()
{
    EchoHandler handler;
    Server server(handler);
    QVERIFY(server.start(QHostAddress::LocalHost, 0));
    const quint16 port = server.serverPort();
    RawClient idle(port);
    QVERIFY(idle.waitConnected());
    RawClient busy(port);
    QVERIFY(busy.waitConnected());
    busy.send("POST /upload HTTP/1.1\r\nContent-Length: 10\r\n\r\n12345");
    QTRY_COMPARE(server.connectionCount(), 2);
    QSignalSpy finished(&server, &Server::shutdownFinished);
    server.shutdown();
    QVERIFY(!server.isListening());
    QTRY_VERIFY(idle.isClosed()); // nothing in progress: closed at once
    QVERIFY(finished.isEmpty());
    busy.send("67890");
    QTRY_VERIFY(busy.isClosed());
    QVERIFY2(busy.received().contains("Connection: close\r\n"), busy.received().constData());
    QVERIFY(busy.hasResponseEnding("ok POST /upload 10"));
    QTRY_COMPARE(finished.size(), 1);
    QTcpSocket late;
    late.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(!late.waitForConnected(2000));
}

void tst_Server::serviceStopClosesStore()
{
    auto store = SqlStore::open(QStringLiteral(":memory:"));
    QVERIFY(store);
    ServiceSettings settings;
    settings.port = 0;
    BridgeService service(std::move(store).value(), settings);
    QVERIFY(service.start());
    QVERIFY(service.baseUrl().startsWith("http://127.0.0.1:"));
    RawClient client(service.port());
    QVERIFY(client.waitConnected());
    client.send(
            "POST /builds HTTP/1.1\r\nContent-Length: 39\r\n\r\n<slave name=\"a\" version=\"5\"/>");
    QTRY_COMPARE(service.connectionCount(), 1);
    QSignalSpy stopped(&service, &BridgeService::stopped);
    service.stop();
    QVERIFY(stopped.isEmpty()); // the POST is still in progress
    client.send("          ");
    QTRY_COMPARE(stopped.size(), 1);
    QTRY_VERIFY(client.received().startsWith("HTTP/1.1 204 No Content"));
    QCOMPARE(service.store(), nullptr);
}

void tst_Server::tooManyConnections()
{
    EchoHandler handler;
    ConnectionSettings settings;
    settings.maxConnections = 1;
    Server server(handler, settings);
    QVERIFY(server.start(QHostAddress::LocalHost, 0));
    RawClient first(server.serverPort());
    QVERIFY(first.waitConnected());
    QTRY_COMPARE(server.connectionCount(), 1);
    RawClient second(server.serverPort());
    QVERIFY(second.waitConnected());
    QTRY_VERIFY(second.isClosed());
    QVERIFY(second.received().startsWith("HTTP/1.1 503 Service Unavailable"));
    first.send("GET /still HTTP/1.1\r\n\r\n");
    QTRY_VERIFY(first.hasResponseEnding("ok GET /still 0"));
}

void tst_Server::tls()
{
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend (libssl) here.");
    EchoHandler handler;
    Server server(handler);
    QVERIFY(server.setTls(TestLib::readFile(TestLib::testDataPath("bridge/tls-test.crt")),
                          TestLib::readFile(TestLib::testDataPath("bridge/tls-test.key"))));
    QVERIFY(server.start(QHostAddress::LocalHost, 0));
    QSslSocket client;
    client.setPeerVerifyMode(QSslSocket::VerifyNone);
    QByteArray received;
    connect(&client, &QSslSocket::readyRead, &client, [&] { received += client.readAll(); });
    QSignalSpy encrypted(&client, &QSslSocket::encrypted);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.serverPort());
    QVERIFY(encrypted.wait(10000));
    client.write("GET /secure HTTP/1.1\r\nHost: x\r\n\r\n");
    QTRY_VERIFY(received.endsWith("ok GET /secure 0"));
    QVERIFY(received.startsWith("HTTP/1.1 200 OK\r\n"));
}

void tst_Server::tlsSetupErrors_data()
{
    QTest::addColumn<QByteArray>("certificate");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QString>("message");
    const QByteArray certificate = TestLib::readFile(TestLib::testDataPath("bridge/tls-test.crt"));
    QTest::addRow("not a certificate") << QByteArray("hello") << QByteArray("key")
                                       << "The TLS certificate is not a PEM certificate.";
    QTest::addRow("not a key") << certificate << QByteArray("nope")
                               << "The TLS key is not a PEM RSA or EC private key.";
}

void tst_Server::tlsSetupErrors()
{
    QFETCH(QByteArray, certificate);
    QFETCH(QByteArray, key);
    QFETCH(QString, message);
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend (libssl) here.");
    EchoHandler handler;
    Server server(handler);
    auto result = server.setTls(certificate, key);
    QVERIFY(!result);
    QCOMPARE(result.error().message, message);
    QVERIFY(!server.isTls());
}

QTEST_GUILESS_MAIN(tst_Server)
#include "tst_server.moc"
