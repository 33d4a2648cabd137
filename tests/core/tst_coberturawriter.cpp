// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/coberturareader.h"
#include "core/coberturawriter.h"

using namespace Core;

Q_DECLARE_METATYPE(Core::ReportItem)

/// Tests Core::CoberturaWriter: Cobertura XML for Jenkins' recordCoverage.
class tst_CoberturaWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void write();
    void linesOf_data();
    void linesOf();
    void roundTrip();
};

void tst_CoberturaWriter::write()
{
    Report report{"coverage", QString(), {}};
    report.items << ReportItem::of({{"type", "coverage"},
                                    {"name", "test.TestClass"},
                                    {"file", "src/test/TestClass.java"},
                                    {"lines", "4"},
                                    {"percentage", "50"},
                                    {"line_hits", "0 1 - 2"}})
                 << ReportItem::of({{"type", "coverage"},
                                    {"name", "m"},
                                    {"file", "m.py"},
                                    {"lines", "3"},
                                    {"percentage", "67"}});
    const auto written = CoberturaWriter::write(report, 1148533713840);
    QVERIFY(written);
    QCOMPARE(
            written.value(),
            QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<coverage line-rate=\"0.666667\" lines-covered=\"4\" lines-valid=\"6\" "
                       "branch-rate=\"0\" complexity=\"0\" timestamp=\"1148533713840\" "
                       "version=\"bittern\">\n"
                       "    <sources>\n        <source>.</source>\n    </sources>\n"
                       "    <packages>\n"
                       "        <package name=\"src.test\" line-rate=\"0.666667\" "
                       "branch-rate=\"0\" complexity=\"0\">\n"
                       "            <classes>\n"
                       "                <class name=\"test.TestClass\" "
                       "filename=\"src/test/TestClass.java\" line-rate=\"0.666667\" "
                       "branch-rate=\"0\" complexity=\"0\">\n"
                       "                    <methods/>\n"
                       "                    <lines>\n"
                       "                        <line number=\"1\" hits=\"0\" branch=\"false\"/>\n"
                       "                        <line number=\"2\" hits=\"1\" branch=\"false\"/>\n"
                       "                        <line number=\"4\" hits=\"2\" branch=\"false\"/>\n"
                       "                    </lines>\n"
                       "                </class>\n"
                       "            </classes>\n"
                       "        </package>\n"
                       "        <package name=\".\" line-rate=\"0.666667\" branch-rate=\"0\" "
                       "complexity=\"0\">\n"
                       "            <classes>\n"
                       "                <class name=\"m\" filename=\"m.py\" line-rate=\"0.666667\" "
                       "branch-rate=\"0\" complexity=\"0\">\n"
                       "                    <methods/>\n"
                       "                    <lines>\n"
                       "                        <line number=\"1\" hits=\"1\" branch=\"false\"/>\n"
                       "                        <line number=\"2\" hits=\"1\" branch=\"false\"/>\n"
                       "                        <line number=\"3\" hits=\"0\" branch=\"false\"/>\n"
                       "                    </lines>\n"
                       "                </class>\n"
                       "            </classes>\n"
                       "        </package>\n"
                       "    </packages>\n"
                       "</coverage>\n"));
}

void tst_CoberturaWriter::linesOf_data()
{
    QTest::addColumn<ReportItem>("item");
    QTest::addColumn<QString>("expected");
    QTest::addRow("line_hits; empty parts skipped")
            << ReportItem::of({{"line_hits", "- 3 0  - 1"}}) << "2:3 3:0 5:1";
    QTest::addRow("float hits from php") << ReportItem::of({{"line_hits", "1.6 0.0"}}) << "1:2 2:0";
    QTest::addRow("approximation: 10 lines at 25 percent: first 3 hit (2.5 rounds up)")
            << ReportItem::of({{"lines", "10"}, {"percentage", "25"}})
            << "1:1 2:1 3:1 4:0 5:0 6:0 7:0 8:0 9:0 10:0";
    QTest::addRow("approximation: over 100 percent capped")
            << ReportItem::of({{"lines", "2"}, {"percentage", "150"}}) << "1:1 2:1";
    QTest::addRow("no lines") << ReportItem::of({{"lines", "0"}, {"percentage", "50"}}) << "";
    QTest::addRow("lines not a number") << ReportItem::of({{"lines", "x"}}) << "";
}

void tst_CoberturaWriter::linesOf()
{
    QFETCH(ReportItem, item);
    QFETCH(QString, expected);
    QStringList lines;
    for (const auto &line : CoberturaWriter::linesOf(item))
        lines << QStringLiteral("%1:%2").arg(line.first).arg(line.second);
    QCOMPARE(lines.join(' '), expected);
}

void tst_CoberturaWriter::roundTrip()
{
    // Our own Cobertura reader (Bitten semantics) gives back lines, percentage and line_hits.
    Report report{"coverage", QString(), {}};
    report.items << ReportItem::of(
            {{"type", "coverage"}, {"name", "a.A"}, {"file", "a/A.java"}, {"line_hits", "1 - 0 5"}})
                 << ReportItem::of({{"type", "coverage"},
                                    {"name", "b"},
                                    {"file", "b/b.py"},
                                    {"lines", "7"},
                                    {"percentage", "43"}});
    const auto written = CoberturaWriter::write(report);
    QVERIFY(written);
    const auto read = CoberturaReader::readReport(written.value(), {});
    QVERIFY(read);
    QCOMPARE(read.value().items.size(), 2);
    QCOMPARE(read.value().items.at(0).value("file"), QStringLiteral("./a/A.java"));
    QCOMPARE(read.value().items.at(0).value("line_hits"), QStringLiteral("1 - 0 5"));
    QCOMPARE(read.value().items.at(0).value("percentage"), QStringLiteral("67"));
    QCOMPARE(read.value().items.at(1).value("lines"), QStringLiteral("7"));
    QCOMPARE(read.value().items.at(1).value("percentage"), QStringLiteral("43"));
}

QTEST_GUILESS_MAIN(tst_CoberturaWriter)
#include "tst_coberturawriter.moc"
