// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/report.h"

using namespace Core;

Q_DECLARE_METATYPE(Core::Report)

/// Tests the report model helpers and the totals Bitten's summarizers compute.
class tst_Report : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void item();
    void testTotals_data();
    void testTotals();
    void coverageTotals_data();
    void coverageTotals();
    void lintTotals();
    void stripControlCharacters_data();
    void stripControlCharacters();
    void joinPosixPath_data();
    void joinPosixPath();
};

void tst_Report::item()
{
    ReportItem item = ReportItem::of({{"type", "test"}, {"a", "1"}, {"type", "W1"}});
    QCOMPARE(item.fields.size(), 2);
    QCOMPARE(item.type(), QStringLiteral("W1"));
    QCOMPARE(item.fields.at(0).first, QStringLiteral("type"));
    QVERIFY(item.has("a"));
    QVERIFY(!item.has("b"));
    QCOMPARE(item.value("b", "fallback"), QStringLiteral("fallback"));
    item.set("b", "2");
    QCOMPARE(item.fields.last(), qMakePair(QStringLiteral("b"), QStringLiteral("2")));
}

static ReportItem test(const QString &fixture, const QString &status)
{
    ReportItem item = ReportItem::of({{"type", "test"}, {"status", status}});
    if (!fixture.isNull())
        item.set("fixture", fixture);
    return item;
}

void tst_Report::testTotals_data()
{
    QTest::addColumn<Report>("report");
    QTest::addColumn<QString>("expected");
    QTest::addRow("every status; items without fixture not counted")
            << Report{"test",
                      QString(),
                      {test("f", "success"), test("f", "success"), test("f", "failure"),
                       test("g", "error"), test("g", "ignore"), test("g", "skipped"),
                       test(QString(), "failure")}}
            << "2 1 1 1 1 total 6 failed 2";
    QTest::addRow("empty") << Report{"test", QString(), {}} << "0 0 0 0 0 total 0 failed 0";
}

void tst_Report::testTotals()
{
    QFETCH(Report, report);
    QFETCH(QString, expected);
    const TestTotals t = Core::testTotals(report);
    QCOMPARE(QStringLiteral("%1 %2 %3 %4 %5 total %6 failed %7")
                     .arg(t.success)
                     .arg(t.failure)
                     .arg(t.error)
                     .arg(t.ignore)
                     .arg(t.other)
                     .arg(t.total())
                     .arg(t.failed()),
             expected);
}

static ReportItem cov(const QString &lines, const QString &percentage)
{
    return ReportItem::of({{"type", "coverage"}, {"lines", lines}, {"percentage", percentage}});
}

void tst_Report::coverageTotals_data()
{
    QTest::addColumn<Report>("report");
    QTest::addColumn<qint64>("lines");
    QTest::addColumn<double>("percentage");
    QTest::addColumn<qint64>("files");
    QTest::addRow("weighted by lines")
            << Report{"coverage", QString(), {cov("100", "50"), cov("300", "100")}} << qint64(400)
            << 87.5 << qint64(2);
    QTest::addRow("zero lines, missing and non-numeric values skipped; php floats")
            << Report{"coverage",
                      QString(),
                      {cov("0", "50"), cov("x", "1"), ReportItem::of({{"lines", "5"}}),
                       cov(" 10 ", "12.5")}}
            << qint64(10) << 12.5 << qint64(1);
    QTest::addRow("nothing") << Report{"coverage", QString(), {}} << qint64(0) << 0.0 << qint64(0);
}

void tst_Report::coverageTotals()
{
    QFETCH(Report, report);
    QFETCH(qint64, lines);
    QFETCH(double, percentage);
    QFETCH(qint64, files);
    const CoverageTotals totals = Core::coverageTotals(report);
    QCOMPARE(totals.lines, lines);
    QCOMPARE(totals.percentage(), percentage);
    QCOMPARE(totals.files, files);
}

void tst_Report::lintTotals()
{
    Report report{"lint", QString(), {}};
    for (const char *category :
         {"convention", "convention", "refactor", "warning", "error", "fatal", ""})
        report.items << ReportItem::of({{"type", "X"}, {"category", category}});
    const LintTotals totals = Core::lintTotals(report);
    QCOMPARE(totals.convention, 2);
    QCOMPARE(totals.refactor, 1);
    QCOMPARE(totals.warning, 1);
    QCOMPARE(totals.error, 1);
    QCOMPARE(totals.other, 2);
    QCOMPARE(totals.total(), 7);
}

void tst_Report::stripControlCharacters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addRow("clean text unchanged") << "plain\ttext\r\n"
                                          << "plain\ttext\r\n";
    QTest::addRow("C0 except tab, LF, CR")
            << QString::fromUtf8("a\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x1f"
                                 "b")
            << "ab";
    QTest::addRow("DEL and C1 except NEL")
            << QString::fromUtf8("a\x7f\xc2\x80\xc2\x85\xc2\x9f\xc2\xa0"
                                 "b")
            << QString::fromUtf8("a\xc2\x85\xc2\xa0"
                                 "b");
    QTest::addRow("NUL, U+FFFE, U+FFFF")
            << QString("a") + QChar(0) + QChar(0xfffe) + QChar(0xffff) << "a";
    QTest::addRow("lone surrogates dropped, pairs kept")
            << QString("x") + QChar(0xd800) + "y" + QChar(0xd83d) + QChar(0xde00) + QChar(0xdc00)
            << QString("xy") + QChar(0xd83d) + QChar(0xde00);
}

void tst_Report::stripControlCharacters()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(Core::stripControlCharacters(text), expected);
}

void tst_Report::joinPosixPath_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::addRow("join") << "src"
                          << "a/B.java"
                          << "src/a/B.java";
    QTest::addRow("base with slash") << "src/"
                                     << "a"
                                     << "src/a";
    QTest::addRow("absolute path wins") << "src"
                                        << "/abs/a"
                                        << "/abs/a";
    QTest::addRow("empty base") << ""
                                << "a"
                                << "a";
    QTest::addRow("empty path") << "src"
                                << ""
                                << "src/";
}

void tst_Report::joinPosixPath()
{
    QFETCH(QString, base);
    QFETCH(QString, path);
    QFETCH(QString, expected);
    QCOMPARE(Core::joinPosixPath(base, path), expected);
}

QTEST_GUILESS_MAIN(tst_Report)
#include "tst_report.moc"
