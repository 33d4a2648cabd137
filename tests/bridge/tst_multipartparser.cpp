// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "bridge/protocol/multipartparser.h"

using Bridge::MultipartParser;

namespace {

const QByteArray contentType = "multipart/form-data; boundary=----XyZ";

QByteArray body(const QByteArray &fileData)
{
    return "------XyZ\r\n"
           "Content-Disposition: form-data; name=\"__FORM_TOKEN\"\r\n\r\n"
           "tok123\r\n"
           "------XyZ\r\n"
           "Content-Disposition: form-data; name=\"file\"; filename=\"report.txt\"\r\n"
           "Content-Type: application/octet-stream\r\n\r\n"
            + fileData
            + "\r\n------XyZ\r\n"
              "Content-Disposition: form-data; name=\"description\"\r\n\r\n"
              "A report\r\n"
              "------XyZ--\r\n";
}

} // namespace

class tst_MultipartParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parts_data();
    void parts();
    void errors_data();
    void errors();
};

void tst_MultipartParser::parts_data()
{
    QTest::addColumn<QByteArray>("fileData");
    QTest::addRow("text") << QByteArray("hello\nworld");
    QTest::addRow("binary with CRLF and dashes") << QByteArray("\x00\x01\r\n--\r\n----Xy\xff", 15);
    QTest::addRow("empty file") << QByteArray();
}

void tst_MultipartParser::parts()
{
    QFETCH(QByteArray, fileData);
    auto parts = MultipartParser::parse(contentType, body(fileData));
    QVERIFY2(parts, parts ? "" : qPrintable(parts.error().message));
    QCOMPARE(parts.value().size(), 3);
    QCOMPARE(parts.value().at(0).name, QString("__FORM_TOKEN"));
    QCOMPARE(parts.value().at(0).data, QByteArray("tok123"));
    QCOMPARE(parts.value().at(1).name, QString("file"));
    QCOMPARE(parts.value().at(1).filename, QString("report.txt"));
    QCOMPARE(parts.value().at(1).contentType, QByteArray("application/octet-stream"));
    QCOMPARE(parts.value().at(1).data, fileData);
    QCOMPARE(parts.value().at(2).data, QByteArray("A report"));
}

void tst_MultipartParser::errors_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<QString>("message");
    QTest::addRow("not multipart")
            << QByteArray("application/x-www-form-urlencoded") << QByteArray("a=b") << qint64(1000)
            << "The request is not multipart/form-data with a boundary.";
    QTest::addRow("boundary absent from body")
            << contentType << QByteArray("nothing here") << qint64(1000)
            << "The multipart body is malformed: the boundary does not occur.";
    QTest::addRow("truncated") << contentType << body("abc").left(120) << qint64(1000)
                               << "The multipart body is malformed: the closing boundary is "
                                  "missing.";
    QTest::addRow("part over the limit")
            << contentType << body(QByteArray(2000, 'x')) << qint64(1000)
            << "A multipart part is larger than the limit of 1000 bytes.";
    QTest::addRow("part without a name")
            << contentType
            << QByteArray("------XyZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n------XyZ--")
            << qint64(1000) << "The multipart body is malformed: a part has no form field name.";
}

void tst_MultipartParser::errors()
{
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, input);
    QFETCH(qint64, limit);
    QFETCH(QString, message);
    auto parts = MultipartParser::parse(type, input, limit);
    QVERIFY(!parts);
    QCOMPARE(parts.error().message, message);
}

QTEST_GUILESS_MAIN(tst_MultipartParser)
#include "tst_multipartparser.moc"
