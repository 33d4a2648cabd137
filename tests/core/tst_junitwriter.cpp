// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/junitreader.h"
#include "core/junitwriter.h"

using namespace Core;

Q_DECLARE_METATYPE(Core::ReportItem)

/// Tests Core::JUnitWriter: the JUnit XML handed to Jenkins' junit step.
class tst_JUnitWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void write_data();
    void write();
    void roundTrip();
};

void tst_JUnitWriter::write_data()
{
    QTest::addColumn<QVector<ReportItem>>("items");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("one suite per run of a fixture, every status")
            << QVector<ReportItem>{ReportItem::of({{"type", "test"},
                                                   {"fixture", "a.B"},
                                                   {"name", "ok"},
                                                   {"status", "success"},
                                                   {"duration", "0.25"},
                                                   {"file", "src/a/B.java"}}),
                                   ReportItem::of({{"type", "test"},
                                                   {"fixture", "a.B"},
                                                   {"name", "bad"},
                                                   {"status", "failure"},
                                                   {"traceback", "AssertionError: 1 != 2\n  at x"},
                                                   {"stdout", "printed"},
                                                   {"description", "d"}}),
                                   ReportItem::of({{"type", "test"},
                                                   {"fixture", "c"},
                                                   {"name", "e"},
                                                   {"status", "error"},
                                                   {"traceback", "boom"}}),
                                   ReportItem::of({{"type", "test"},
                                                   {"fixture", "c"},
                                                   {"name", "s"},
                                                   {"status", "ignore"}}),
                                   ReportItem::of({{"type", "test"}, {"status", "weird"}})}
            << QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<testsuites>\n"
                          "    <testsuite name=\"a.B\" tests=\"2\" failures=\"1\" errors=\"0\" "
                          "skipped=\"0\" time=\"0.25\">\n"
                          "        <testcase classname=\"a.B\" name=\"ok\" time=\"0.25\" "
                          "file=\"src/a/B.java\"/>\n"
                          "        <testcase classname=\"a.B\" name=\"bad\">\n"
                          "            <failure message=\"AssertionError: 1 != 2\">"
                          "AssertionError: 1 != 2\n  at x</failure>\n"
                          "            <properties>\n"
                          "                <property name=\"description\" value=\"d\"/>\n"
                          "            </properties>\n"
                          "            <system-out>printed</system-out>\n"
                          "        </testcase>\n"
                          "    </testsuite>\n"
                          "    <testsuite name=\"c\" tests=\"2\" failures=\"0\" errors=\"1\" "
                          "skipped=\"1\" time=\"0\">\n"
                          "        <testcase classname=\"c\" name=\"e\">\n"
                          "            <error message=\"boom\">boom</error>\n"
                          "        </testcase>\n"
                          "        <testcase classname=\"c\" name=\"s\">\n"
                          "            <skipped/>\n"
                          "        </testcase>\n"
                          "    </testsuite>\n"
                          "    <testsuite name=\"bittern\" tests=\"1\" failures=\"1\" errors=\"0\" "
                          "skipped=\"0\" time=\"0\">\n"
                          "        <testcase classname=\"bittern\" name=\"bittern\">\n"
                          "            <failure message=\"Bitten status: weird\"/>\n"
                          "        </testcase>\n"
                          "    </testsuite>\n"
                          "</testsuites>\n");
    QTest::addRow("no items") << QVector<ReportItem>{}
                              << QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                            "<testsuites/>\n");
}

void tst_JUnitWriter::write()
{
    QFETCH(QVector<ReportItem>, items);
    QFETCH(QByteArray, expected);
    Report report{"test", QString(), items};
    const auto written = JUnitWriter::write(report);
    QVERIFY(written);
    QCOMPARE(written.value(), expected);
}

void tst_JUnitWriter::roundTrip()
{
    // Read back in faithful mode (what Jenkins sees) the statuses and outputs survive.
    Report report{"test", QString(), {}};
    for (int i = 0; i < 50; ++i) {
        const char *status[] = {"success", "failure", "error", "ignore"};
        report.items << ReportItem::of({{"type", "test"},
                                        {"fixture", QStringLiteral("f%1").arg(i / 10)},
                                        {"name", QStringLiteral("t%1").arg(i)},
                                        {"status", status[i % 4]},
                                        {"traceback", i % 4 ? "tb\x01" : QString()},
                                        {"stdout", i % 3 ? "" : "out <&>"}});
    }
    const auto written = JUnitWriter::write(report);
    QVERIFY(written);
    JUnitReader::Options options;
    options.mode = JUnitMode::Faithful;
    QVector<ReportItem> items;
    const auto totals = JUnitReader::read(written.value(), options,
                                          [&](const ReportItem &item) { items << item; });
    QVERIFY(totals);
    QCOMPARE(items.size(), 50);
    QCOMPARE(totals.value().success, 13);
    QCOMPARE(totals.value().failure, 13);
    QCOMPARE(totals.value().error, 12);
    QCOMPARE(totals.value().ignore, 12);
    for (int i = 0; i < 50; ++i) {
        QCOMPARE(items.at(i).value("status"), report.items.at(i).value("status"));
        QCOMPARE(items.at(i).value("fixture"), report.items.at(i).value("fixture"));
        QCOMPARE(items.at(i).value("stdout"), report.items.at(i).value("stdout"));
    }
    QCOMPARE(items.at(1).value("traceback"), QStringLiteral("tb"));
}

QTEST_GUILESS_MAIN(tst_JUnitWriter)
#include "tst_junitwriter.moc"
