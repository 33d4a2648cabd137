// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "bridge/http/requestparser.h"

using Bridge::Request;
using Bridge::RequestLimits;
using Bridge::RequestParser;

class tst_RequestParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void complete_data();
    void complete();
    void errors_data();
    void errors();
    void byteByByte();
    void pipelining();
    void keepAlive_data();
    void keepAlive();
    void cookiesAndQuery();
};

void tst_RequestParser::complete_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");

    QTest::addRow("GET without body")
            << QByteArray("GET /builds/1 HTTP/1.1\r\nHost: x\r\n\r\n") << QByteArray("GET")
            << QByteArray("/builds/1") << QByteArray() << QByteArray();
    QTest::addRow("POST with Content-Length")
            << QByteArray("POST /builds HTTP/1.1\r\nHost: x\r\nContent-Type: "
                          "application/x-bitten+xml\r\nContent-Length: 9\r\n\r\n<slave/> ")
            << QByteArray("POST") << QByteArray("/builds") << QByteArray("application/x-bitten+xml")
            << QByteArray("<slave/> ");
    QTest::addRow("chunked body is de-chunked")
            << QByteArray("POST /builds/2/steps/ HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
                          "chunked\r\ncontent-type: text/xml\r\n\r\n4\r\n<res\r\n5\r\nult/>\r\n0"
                          "\r\n\r\n")
            << QByteArray("POST") << QByteArray("/builds/2/steps/") << QByteArray("text/xml")
            << QByteArray("<result/>");
    QTest::addRow("DELETE over HTTP/1.0")
            << QByteArray("DELETE /builds/3 HTTP/1.0\r\n\r\n") << QByteArray("DELETE")
            << QByteArray("/builds/3") << QByteArray() << QByteArray();
    QTest::addRow("empty keepalive POST")
            << QByteArray("POST /builds/4/keepalive/ HTTP/1.1\r\nContent-Length: 0\r\n\r\n")
            << QByteArray("POST") << QByteArray("/builds/4/keepalive/") << QByteArray()
            << QByteArray();
}

void tst_RequestParser::complete()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    const RequestParser::Parsed parsed = RequestParser::parseOne(input);
    QCOMPARE(parsed.state, RequestParser::State::Complete);
    QCOMPARE(parsed.consumed, qint64(input.size()));
    QCOMPARE(parsed.request.method, method);
    QCOMPARE(parsed.request.target, target);
    QCOMPARE(parsed.request.header("Content-Type"), contentType);
    QCOMPARE(parsed.request.body, body);
}

void tst_RequestParser::errors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");

    RequestLimits limits;
    QTest::addRow("not HTTP at all") << QByteArray("\x16\x03\x01\x02\x00 hello\r\n\r\n") << 400
                                     << "Malformed HTTP request: invalid HTTP method.";
    QTest::addRow("bad header token")
            << QByteArray("GET / HTTP/1.1\r\nBad\x01Header: x\r\n\r\n") << 400
            << "Malformed HTTP request: invalid character in header.";
    QTest::addRow("two Content-Length headers")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab")
            << 400 << "Malformed HTTP request: unexpected content-length header.";
    QTest::addRow("bad chunk size")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << 400
            << "Malformed HTTP request: invalid character in chunk size header.";
    QTest::addRow("oversized headers")
            << QByteArray("GET / HTTP/1.1\r\nX-Big: " + QByteArray(20000, 'a') + "\r\n\r\n") << 431
            << "The request headers are larger than the limit of 16384 bytes.";
    QTest::addRow("oversized URL")
            << QByteArray("GET /" + QByteArray(17000, 'a') + " HTTP/1.1\r\n\r\n") << 431
            << "The request headers are larger than the limit of 16384 bytes.";
    QByteArray many = "GET / HTTP/1.1\r\n";
    for (int i = 0; i < 101; ++i)
        many += "X-" + QByteArray::number(i) + ": y\r\n";
    QTest::addRow("too many headers") << many + "\r\n"
                                      << 431 << "The request has more than 100 header fields.";
    QTest::addRow("declared body too large")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n") << 413
            << "The request body is larger than the limit of 67108864 bytes.";
    QTest::addRow("HTTP/2.0 request line")
            << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505 << "HTTP version 2.0 is not supported.";
    Q_UNUSED(limits)
}

void tst_RequestParser::errors()
{
    QFETCH(QByteArray, input);
    QFETCH(int, status);
    QFETCH(QString, message);
    const RequestParser::Parsed parsed = RequestParser::parseOne(input);
    QCOMPARE(parsed.state, RequestParser::State::Error);
    QCOMPARE(parsed.errorStatus, status);
    QCOMPARE(parsed.errorString, message);
}

void tst_RequestParser::byteByByte()
{
    // A chunked body larger than the limit, fed one byte at a time: 413 as soon as it crosses.
    RequestLimits limits;
    limits.maxBodyBytes = 8;
    RequestParser parser(limits);
    const QByteArray input = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                             "5\r\n12345\r\n5\r\n67890\r\n0\r\n\r\n";
    RequestParser::State state = RequestParser::State::NeedMore;
    int i = 0;
    for (; i < input.size() && state == RequestParser::State::NeedMore; ++i) {
        const RequestParser::Progress progress = parser.parse(input.constData() + i, 1);
        state = progress.state;
        if (i == 0)
            QVERIFY(parser.hasPartialRequest());
    }
    QCOMPARE(state, RequestParser::State::Error);
    QCOMPARE(parser.errorStatus(), 413);
    QCOMPARE(parser.errorString(), "The request body is larger than the limit of 8 bytes.");
}

void tst_RequestParser::pipelining()
{
    const QByteArray first = "POST /builds/1/steps/ HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc";
    const QByteArray second = "GET /builds/2 HTTP/1.1\r\n\r\n";
    const QByteArray third = "DELETE /builds/3 HTTP/1.1\r\nConnection: close\r\n\r\n";
    QByteArray buffer = first + second + third;
    RequestParser parser;
    QList<Request> requests;
    while (!buffer.isEmpty()) {
        const RequestParser::Progress progress = parser.parse(buffer);
        QCOMPARE(progress.state, RequestParser::State::Complete);
        buffer.remove(0, int(progress.consumed));
        requests.append(parser.takeRequest());
    }
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests.at(0).body, QByteArray("abc"));
    QCOMPARE(requests.at(1).target, QByteArray("/builds/2"));
    QCOMPARE(requests.at(2).method, QByteArray("DELETE"));
    QVERIFY(requests.at(1).keepAlive);
    QVERIFY(!requests.at(2).keepAlive);
    QVERIFY(!parser.hasPartialRequest());
}

void tst_RequestParser::keepAlive_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("keepAlive");
    QTest::addRow("HTTP/1.1 default") << QByteArray("GET / HTTP/1.1\r\n\r\n") << true;
    QTest::addRow("HTTP/1.1 Connection: close")
            << QByteArray("GET / HTTP/1.1\r\nConnection: close\r\n\r\n") << false;
    QTest::addRow("HTTP/1.0 default") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false;
    QTest::addRow("HTTP/1.0 keep-alive")
            << QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << true;
}

void tst_RequestParser::keepAlive()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, keepAlive);
    const RequestParser::Parsed parsed = RequestParser::parseOne(input);
    QCOMPARE(parsed.state, RequestParser::State::Complete);
    QCOMPARE(parsed.request.keepAlive, keepAlive);
}

void tst_RequestParser::cookiesAndQuery()
{
    const RequestParser::Parsed parsed = RequestParser::parseOne(
            "HEAD /login?referer=http%3A%2F%2Fh%2Fbuilds&x=a+b HTTP/1.1\r\n"
            "Cookie: trac_form_token=f1; trac_session=abc123\r\n\r\n");
    QCOMPARE(parsed.state, RequestParser::State::Complete);
    QCOMPARE(parsed.request.path(), QString("/login"));
    QCOMPARE(parsed.request.queryValue("referer"), QString("http://h/builds"));
    QCOMPARE(parsed.request.queryValue("x"), QString("a b"));
    QCOMPARE(parsed.request.cookie("trac_session"), QByteArray("abc123"));
    QCOMPARE(parsed.request.cookie("trac_auth"), QByteArray());
}

QTEST_GUILESS_MAIN(tst_RequestParser)
#include "tst_requestparser.moc"
