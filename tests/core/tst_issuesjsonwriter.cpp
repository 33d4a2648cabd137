// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/issuesjsonwriter.h"

using namespace Core;

Q_DECLARE_METATYPE(Core::ReportItem)

/// Tests Core::IssuesJsonWriter: warnings-ng native JSON from lint items.
class tst_IssuesJsonWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void issue_data();
    void issue();
    void document();
};

void tst_IssuesJsonWriter::issue_data()
{
    QTest::addColumn<ReportItem>("item");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("pylint problem")
            << ReportItem::of({{"type", "W0612"},
                               {"file", "pkg/mod.py"},
                               {"line", "12"},
                               {"category", "warning"},
                               {"tag", "Foo.bar"},
                               {"msg", "Unused variable 'x'"}})
            << QByteArray("{\"category\":\"warning\",\"description\":\"In Foo.bar\","
                          "\"fileName\":\"pkg/mod.py\",\"lineStart\":12,"
                          "\"message\":\"Unused variable 'x'\",\"severity\":\"HIGH\","
                          "\"type\":\"W0612\"}");
    QTest::addRow("error, no line, html in tag escaped")
            << ReportItem::of({{"type", "E1101"},
                               {"file", "a.py"},
                               {"line", "x"},
                               {"category", "error"},
                               {"tag", "<A>"},
                               {"msg", "m"}})
            << QByteArray("{\"category\":\"error\",\"description\":\"In &lt;A&gt;\","
                          "\"fileName\":\"a.py\",\"message\":\"m\",\"severity\":\"ERROR\","
                          "\"type\":\"E1101\"}");
    QTest::addRow("convention → LOW, refactor → NORMAL, plain problem has no type")
            << ReportItem::of({{"type", "problem"}, {"category", "refactor"}})
            << QByteArray("{\"category\":\"refactor\",\"message\":\"\",\"severity\":\"NORMAL\"}");
    QTest::addRow("convention") << ReportItem::of({{"category", "convention"}, {"line", "0"}})
                                << QByteArray("{\"category\":\"convention\",\"message\":\"\","
                                              "\"severity\":\"LOW\"}");
}

void tst_IssuesJsonWriter::issue()
{
    QFETCH(ReportItem, item);
    QFETCH(QByteArray, expected);
    QCOMPARE(QJsonDocument(IssuesJsonWriter::issue(item)).toJson(QJsonDocument::Compact), expected);
}

void tst_IssuesJsonWriter::document()
{
    Report report{"lint", "pylint", {}};
    report.items << ReportItem::of({{"type", "C0111"}, {"category", "convention"}})
                 << ReportItem::of({{"type", "E1"}, {"category", "error"}});
    const auto written = IssuesJsonWriter::write(report);
    QVERIFY(written);
    QCOMPARE(written.value(),
             QByteArray("{\"_class\":\"io.jenkins.plugins.analysis.core.restapi.ReportApi\","
                        "\"issues\":[\n"
                        "{\"category\":\"convention\",\"message\":\"\",\"severity\":\"LOW\","
                        "\"type\":\"C0111\"},\n"
                        "{\"category\":\"error\",\"message\":\"\",\"severity\":\"ERROR\","
                        "\"type\":\"E1\"}\n"
                        "],\"size\":2}\n"));
    QJsonParseError error;
    const auto parsed = QJsonDocument::fromJson(written.value(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(parsed.object().value("issues").toArray().size(), 2);
    const auto empty = IssuesJsonWriter::write(Report{"lint", QString(), {}});
    QVERIFY(empty);
    QCOMPARE(QJsonDocument::fromJson(empty.value()).object().value("size").toInt(-1), 0);
}

QTEST_GUILESS_MAIN(tst_IssuesJsonWriter)
#include "tst_issuesjsonwriter.moc"
