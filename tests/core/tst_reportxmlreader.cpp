// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/reportxmlreader.h"

using namespace Core;

/// Tests Core::ReportXmlReader, the generic <report category file> transformation.
class tst_ReportXmlReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void read_data();
    void read();
    void errors_data();
    void errors();
    void stream();
};

static QString dump(const Report &report)
{
    QStringList lines;
    for (const auto &item : report.items) {
        QStringList fields;
        for (const auto &field : item.fields)
            fields << field.first + "=" + field.second;
        lines << fields.join(QStringLiteral(", "));
    }
    return lines.join(QLatin1Char('\n'));
}

void tst_ReportXmlReader::read_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<QString>("expected");
    QTest::addRow("root name ignored, attributes kept, empty ones dropped")
            << QByteArray("<?xml version='1.0'?><anything><test fixture='F' name='' "
                          "status='success'/><coverage name='m' lines='3'/></anything>")
            << "type=test, fixture=F, status=success\ntype=coverage, name=m, lines=3";
    QTest::addRow("grandchildren become text fields; deeper nesting and mixed text lost")
            << QByteArray("<report><problem type='W1' file='a.py'>mixed"
                          "<msg a='x'>hello <b>bold</b>world</msg><line>3</line></problem>"
                          "</report>")
            << "type=W1, file=a.py, msg=hello world, line=3";
    QTest::addRow("a child field overwrites an attribute of the same name")
            << QByteArray("<r><x k='attr'><k>child</k></x></r>") << "type=x, k=child";
    QTest::addRow("empty root") << QByteArray("<report/>") << "";
    QTest::addRow("CDATA and entities")
            << QByteArray("<r><t><out><![CDATA[<a>]]> &amp; &lt;b&gt;</out></t></r>")
            << "type=t, out=<a> & <b>";
    QTest::addRow("internal DTD, external one not fetched")
            << QByteArray("<!DOCTYPE r SYSTEM 'http://127.0.0.1:9/none.dtd'><r><t a='1'/></r>")
            << "type=t, a=1";
}

void tst_ReportXmlReader::read()
{
    QFETCH(QByteArray, xml);
    QFETCH(QString, expected);
    const auto report = ReportXmlReader::read(xml, "cat");
    QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
    QCOMPARE(report.value().category, QStringLiteral("cat"));
    QVERIFY(report.value().generator.isNull());
    QCOMPARE(dump(report.value()), expected);
}

void tst_ReportXmlReader::errors_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("message");
    QTest::addRow("empty file") << QByteArray() << ErrorCode::ParseFailed
                                << "1:0: Premature end of document.";
    QTest::addRow("not XML") << QByteArray("hello") << ErrorCode::ParseFailed
                             << "1:1: Start tag expected.";
    QTest::addRow("truncated") << QByteArray("<r><t a='1'>") << ErrorCode::ParseFailed
                               << "1:12: Premature end of document.";
    QTest::addRow("unclosed attribute")
            << QByteArray("<r><t a='1/></r>") << ErrorCode::ParseFailed << "1:13: Unexpected '<'.";
    QTest::addRow("NUL byte") << QByteArray("<r>\0</r>", 8) << ErrorCode::ParseFailed
                              << "1:4: Unexpected NUL character.";
    QTest::addRow("non-UTF-8") << QByteArray("<r><t a='\xff\xfe'/></r>") << ErrorCode::ParseFailed
                               << "1:2: Encountered incorrectly encoded content.";
    QTest::addRow("huge attribute")
            << ("<r><t a='" + QByteArray(70000, 'x') + "'/></r>") << ErrorCode::LimitExceeded
            << "1:70012: The value of attribute a is longer than 65536 "
               "characters.";
    QByteArray deep;
    for (int i = 0; i < 100; ++i)
        deep += "<d>";
    QTest::addRow("deep nesting") << deep << ErrorCode::LimitExceeded
                                  << "1:195: Elements are nested deeper than 64 levels.";
    QTest::addRow("billion laughs")
            << QByteArray("<!DOCTYPE r [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;"
                          "&a;&a;&a;&a;&a;'><!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'>"
                          "<!ENTITY d '&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;'>]><r><t>&d;&d;&d;</t></r>")
            << ErrorCode::ParseFailed
            << "1:180: Entity expands to more characters than the entity expansion limit.";
}

void tst_ReportXmlReader::errors()
{
    QFETCH(QByteArray, xml);
    QFETCH(ErrorCode, code);
    QFETCH(QString, message);
    ReportReadLimits limits;
    limits.maxValueLength = 65536;
    const auto report = ReportXmlReader::read(xml, "cat", limits);
    QVERIFY(!report);
    QCOMPARE(report.error().toString(), message);
    QCOMPARE(report.error().code, code);
}

void tst_ReportXmlReader::stream()
{
    QByteArray xml = "<report>";
    for (int i = 0; i < 1000; ++i)
        xml += "<test fixture='f' name='n" + QByteArray::number(i) + "'/>";
    xml += "</report>";
    QBuffer buffer(&xml);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QStringList names;
    const auto count = ReportXmlReader::read(
            &buffer, [&](const ReportItem &item) { names << item.value("name"); });
    QVERIFY(count);
    QCOMPARE(count.value(), 1000);
    QCOMPARE(names.size(), 1000);
    QCOMPARE(names.last(), QStringLiteral("n999"));
}

QTEST_GUILESS_MAIN(tst_ReportXmlReader)
#include "tst_reportxmlreader.moc"
