// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/coberturareader.h"
#include "tests/testlib/testdata.h"

using namespace Core;

/// Tests Core::CoberturaReader with Bitten's own sample (header + class fragment) and variants.
class tst_CoberturaReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void read_data();
    void read();
    void errors_data();
    void errors();
    void limits();

private:
    QByteArray document(const QByteArray &classes) const;
    QByteArray m_header;
    QByteArray m_fragment;
};

static QString dump(const QVector<ReportItem> &items)
{
    QStringList lines;
    for (const auto &item : items) {
        QStringList fields;
        for (const auto &field : item.fields)
            fields << field.first + "=" + field.second;
        lines << fields.join(QStringLiteral(", "));
    }
    return lines.join(QLatin1Char('\n'));
}

void tst_CoberturaReader::initTestCase()
{
    m_header = TestLib::readFile(TestLib::sharedPath("corpus/samples/input_cobertura_header.xml"));
    m_fragment = TestLib::readFile(
            TestLib::sharedPath("corpus/samples/input_cobertura_class_fragment.xml"));
    QVERIFY(m_header.contains("%s"));
    QVERIFY(!m_fragment.isEmpty());
}

QByteArray tst_CoberturaReader::document(const QByteArray &classes) const
{
    // As Bitten's test does: the class fragment is spliced into the header's %s.
    QByteArray data = m_header;
    return data.replace("%s", classes);
}

static QByteArray cls(const QByteArray &name, const QByteArray &file, const QByteArray &lines)
{
    return "<class name='" + name + "' filename='" + file
            + "'><methods><method><lines>"
              "<line number='99' hits='9'/></lines></method></methods><lines>"
            + lines + "</lines></class>";
}

void tst_CoberturaReader::read_data()
{
    QTest::addColumn<QByteArray>("classes");
    QTest::addColumn<CoberturaGrouping>("grouping");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("counts");
    const auto consecutive = CoberturaGrouping::Consecutive;
    const auto whole = CoberturaGrouping::WholeDocument;
    QTest::addRow("Bitten's sample class")
            << m_fragment << consecutive
            << "type=coverage, name=test.TestClass, file=src/test/TestClass.java, lines=4, "
               "percentage=50, line_hits=0 1 0 2"
            << "1 items, 1 classes, 4 lines, 2 covered";
    QTest::addRow("same file twice: entries counted twice, hits overwritten")
            << m_fragment + m_fragment << consecutive
            << "type=coverage, name=test.TestClass, file=src/test/TestClass.java, lines=8, "
               "percentage=50, line_hits=0 1 0 2"
            << "1 items, 2 classes, 8 lines, 4 covered";
    QTest::addRow("inner class adds lines, does not name the file; hits '00' count as covered")
            << m_fragment
                    + cls("test.TestClass$1", "test/TestClass.java",
                          "<line number='7' hits='3'/><line number='8' hits='00'/>"
                          "<line number='9' hits='0'/><line number='10' hits='0'/>")
            << consecutive
            << "type=coverage, name=test.TestClass, file=src/test/TestClass.java, lines=8, "
               "percentage=50, line_hits=0 1 0 2 - - 3 00 0 0"
            << "1 items, 2 classes, 8 lines, 4 covered";
    QTest::addRow("only inner classes: no item")
            << cls("a.B$C", "a/B.java", "<line number='1' hits='1'/>") << consecutive << ""
            << "0 items, 1 classes, 1 lines, 1 covered";
    QTest::addRow("percentage rounds 12.5 up")
            << cls("x.Y", "x/Y.java",
                   "<line number='1' hits='1'/><line number='2' hits='0'/>"
                   "<line number='3' hits='0'/><line number='4' hits='0'/>"
                   "<line number='5' hits='0'/><line number='6' hits='0'/>"
                   "<line number='7' hits='0'/><line number='8' hits='0'/>")
            << consecutive
            << "type=coverage, name=x.Y, file=src/x/Y.java, lines=8, percentage=13, "
               "line_hits=1 0 0 0 0 0 0 0"
            << "1 items, 1 classes, 8 lines, 1 covered";
    const QByteArray split = cls("a.A", "a/A.java", "<line number='1' hits='1'/>")
            + cls("b.B", "b/B.java", "<line number='1' hits='0'/>")
            + cls("a.A2", "a/A.java", "<line number='2' hits='0'/>");
    QTest::addRow("a file split by another: consecutive grouping gives two items")
            << split << consecutive
            << "type=coverage, name=a.A, file=src/a/A.java, lines=1, percentage=100, "
               "line_hits=1\n"
               "type=coverage, name=b.B, file=src/b/B.java, lines=1, percentage=0, line_hits=0\n"
               "type=coverage, name=a.A2, file=src/a/A.java, lines=1, percentage=0, "
               "line_hits=- 0"
            << "3 items, 3 classes, 3 lines, 1 covered";
    QTest::addRow("a file split by another: whole-document grouping merges like Bitten")
            << split << whole
            << "type=coverage, name=a.A2, file=src/a/A.java, lines=2, percentage=50, "
               "line_hits=1 0\n"
               "type=coverage, name=b.B, file=src/b/B.java, lines=1, percentage=0, line_hits=0"
            << "2 items, 3 classes, 3 lines, 1 covered";
    QTest::addRow("line numbers with blanks and a sign, as Python's int() reads them")
            << cls("s.S", "s/S.java", "<line number=' 2 ' hits='4'/><line number='+1' hits='0'/>")
            << consecutive
            << "type=coverage, name=s.S, file=src/s/S.java, lines=2, percentage=50, "
               "line_hits=0 4"
            << "1 items, 1 classes, 2 lines, 1 covered";
    QTest::addRow("no lines: percentage 0")
            << QByteArray("<class name='e.E' filename='e/E.java'/>") << consecutive
            << "type=coverage, name=e.E, file=src/e/E.java, lines=0, percentage=0, line_hits="
            << "1 items, 1 classes, 0 lines, 0 covered";
}

void tst_CoberturaReader::read()
{
    QFETCH(QByteArray, classes);
    QFETCH(CoberturaGrouping, grouping);
    QFETCH(QString, expected);
    QFETCH(QString, counts);
    CoberturaReader::Options options;
    options.grouping = grouping;
    QVector<ReportItem> items;
    const auto result = CoberturaReader::read(document(classes), options,
                                              [&](const ReportItem &item) { items << item; });
    QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(dump(items), expected);
    const auto &c = result.value();
    QCOMPARE(QStringLiteral("%1 items, %2 classes, %3 lines, %4 covered")
                     .arg(c.items)
                     .arg(c.classes)
                     .arg(c.lines)
                     .arg(c.coveredLines),
             counts);
}

void tst_CoberturaReader::errors_data()
{
    QTest::addColumn<QByteArray>("xml");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("message");
    QTest::addRow("no sources")
            << QByteArray("<coverage><packages/></coverage>") << ErrorCode::InvalidInput
            << "1:20: The Cobertura report has no <sources><source> before <packages>.";
    QTest::addRow("empty coverage") << QByteArray("<coverage/>") << ErrorCode::InvalidInput
                                    << "The Cobertura report has no <sources><source>.";
    const QByteArray head = "<coverage><sources><source>s</source></sources><packages><package>"
                            "<classes>";
    QTest::addRow("line number not a number")
            << head + cls("a.B", "a/B.java", "<line number='x' hits='1'/>")
            << ErrorCode::InvalidInput
            << "1:225: The line number \"x\" in a/B.java is not a positive integer.";
    QTest::addRow("line number zero")
            << head + cls("a.B", "a/B.java", "<line number='0' hits='1'/>")
            << ErrorCode::InvalidInput
            << "1:225: The line number \"0\" in a/B.java is not a positive integer.";
    QTest::addRow("line number too large")
            << head + cls("a.B", "a/B.java", "<line number='99999999999' hits='1'/>")
            << ErrorCode::LimitExceeded
            << "1:235: The line number 99999999999 in a/B.java is larger than 10000000.";
    QTest::addRow("no hits") << head + cls("a.B", "a/B.java", "<line number='3'/>")
                             << ErrorCode::InvalidInput
                             << "1:216: Line 3 in a/B.java has no hits attribute.";
    QTest::addRow("class without filename") << head + "<class name='a'/>" << ErrorCode::InvalidInput
                                            << "1:91: A Cobertura class has no filename attribute.";
    QTest::addRow("truncated") << head << ErrorCode::ParseFailed
                               << "1:76: Premature end of document.";
    QTest::addRow("NUL byte") << QByteArray("<coverage>\0</coverage>", 22) << ErrorCode::ParseFailed
                              << "1:11: Unexpected NUL character.";
    QTest::addRow("non-UTF-8")
            << QByteArray("<coverage><sources><source>\xe9</source>") << ErrorCode::ParseFailed
            << "1:28: Input is not proper UTF-8, indicate encoding ! Bytes: 0xE9 0x3C 0x2F 0x73.";
}

void tst_CoberturaReader::errors()
{
    QFETCH(QByteArray, xml);
    QFETCH(ErrorCode, code);
    QFETCH(QString, message);
    const auto result = CoberturaReader::read(xml, {}, [](const ReportItem &) {});
    QVERIFY(!result);
    QCOMPARE(result.error().toString(), message);
    QCOMPARE(result.error().code, code);
}

void tst_CoberturaReader::limits()
{
    CoberturaReader::Options options;
    options.limits.maxValueLength = 1000;
    const QByteArray longName = document(cls("a", QByteArray(2000, 'f'), ""));
    auto result = CoberturaReader::read(longName, options, [](const ReportItem &) {});
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::LimitExceeded);
    QCOMPARE(result.error().message,
             QStringLiteral("The value of attribute filename is longer than 1000 characters."));
    options.limits.maxDepth = 6;
    result = CoberturaReader::read(document(m_fragment), options, [](const ReportItem &) {});
    QVERIFY(!result);
    QCOMPARE(result.error().toString(),
             QStringLiteral("12:53: Elements are nested deeper than 6 levels."));
    options.limits.maxDepth = 7;
    result = CoberturaReader::read(document(m_fragment), options, [](const ReportItem &) {});
    QVERIFY(result);
}

QTEST_GUILESS_MAIN(tst_CoberturaReader)
#include "tst_coberturareader.moc"
