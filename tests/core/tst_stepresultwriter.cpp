// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/stepresultreader.h"
#include "core/stepresultwriter.h"

using namespace Core;

Q_DECLARE_METATYPE(Core::StepResult)

/// Tests Core::StepResultWriter: exact bodies, Bitten's text rules, streaming and round trips.
class tst_StepResultWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void write_data();
    void write();
    void incremental();
    void writeFailure();
};

static StepResult makeResult()
{
    StepResult result;
    result.step = "test";
    result.status = StepResult::Status::Failure;
    result.durationSeconds = 3.45;
    return result;
}

void tst_StepResultWriter::write_data()
{
    QTest::addColumn<StepResult>("result");
    QTest::addColumn<QByteArray>("expected");

    QTest::addRow("bare result") << makeResult()
                                 << QByteArray("<result step=\"test\" status=\"failure\" "
                                               "duration=\"3.45\"/>");
    StepResult errors = makeResult();
    errors.status = StepResult::Status::Success;
    errors.durationSeconds = 2;
    errors.errors = {{"http://bitten.edgewall.org/tools/sh#exec", "Executable failed"},
                     {QString(), "<tag> & \"quote\""}};
    QTest::addRow("errors; null generator omitted; text starting with < is CDATA")
            << errors
            << QByteArray("<result step=\"test\" status=\"success\" duration=\"2\">"
                          "<error generator=\"http://bitten.edgewall.org/tools/sh#exec\">"
                          "Executable failed</error>"
                          "<error><![CDATA[<tag> & \"quote\"]]></error></result>");
    StepResult logs = makeResult();
    logs.logs = {{"g",
                  {{"info",
                    QString::fromUtf8("a\x01\x08\x0b\x0c\x0e\x1f\x7f"
                                      "b\tc\n"
                                      "d\xc2\x80\xc2\x85\xc2\x9f"
                                      "e")},
                   {"error", "x < y && z > w"}}}};
    QTest::addRow("log; control characters deleted except tab, newline and U+0085")
            << logs
            << QByteArray("<result step=\"test\" status=\"failure\" duration=\"3.45\">"
                          "<log generator=\"g\"><message level=\"info\">ab\tc\nd\xc2\x85"
                          "e"
                          "</message><message level=\"error\">x &lt; y &amp;&amp; z &gt; w"
                          "</message></log></result>");
    StepResult reports = makeResult();
    Report tests{"test", "http://bitten.edgewall.org/tools/java#junit", {}};
    tests.items << ReportItem::of({{"type", "test"},
                                   {"fixture", "a.B"},
                                   {"name", "t"},
                                   {"status", "failure"},
                                   {"traceback", "boom\nat x"},
                                   {"stdout", "out"},
                                   {"duration", QString()}});
    Report lint{"lint", "pylint", {}};
    lint.items << ReportItem::of({{"type", "W0612"},
                                  {"file", "a.py"},
                                  {"line", "3"},
                                  {"category", "warning"},
                                  {"msg", "Unused"}});
    Report other{"robot", QString(), {}};
    other.items << ReportItem::of({{"type", "suite"}, {"name", "n"}})
                << ReportItem::of({{"type", "not a name"}, {"bad key", "v"}, {"k", "v"}});
    reports.reports = {tests, lint, other};
    reports.attachments = {{"dist/a.tgz", "Tarball", "config"}, {"log.txt", QString(), "build"}};
    QTest::addRow("reports: children vs attributes, type attribute, other categories; attach")
            << reports
            << QByteArray("<result step=\"test\" status=\"failure\" duration=\"3.45\">"
                          "<report category=\"test\" "
                          "generator=\"http://bitten.edgewall.org/tools/java#junit\">"
                          "<test fixture=\"a.B\" name=\"t\" status=\"failure\">"
                          "<traceback>boom\nat x</traceback><stdout>out</stdout></test></report>"
                          "<report category=\"lint\" generator=\"pylint\">"
                          "<problem type=\"W0612\" file=\"a.py\" line=\"3\" category=\"warning\">"
                          "<msg>Unused</msg></problem></report>"
                          "<report category=\"robot\"><suite name=\"n\"/>"
                          "<item type=\"not a name\" k=\"v\"/></report>"
                          "<attach><file filename=\"dist/a.tgz\" description=\"Tarball\" "
                          "resource=\"config\"/></attach>"
                          "<attach><file filename=\"log.txt\" resource=\"build\"/></attach>"
                          "</result>");
}

void tst_StepResultWriter::write()
{
    QFETCH(StepResult, result);
    QFETCH(QByteArray, expected);
    const auto written = StepResultWriter::write(result);
    QVERIFY(written);
    QCOMPARE(written.value(), expected);
    // What the master reads back is what was meant (fields with null values are dropped).
    const auto read = StepResultReader::read(written.value());
    QVERIFY2(read, qPrintable(read ? QString() : read.error().toString()));
    QCOMPARE(read.value().step, result.step);
    QCOMPARE(read.value().reports.size(), result.reports.size());
    for (int r = 0; r < result.reports.size(); ++r) {
        const auto &items = result.reports.at(r).items;
        for (int i = 0; i < items.size(); ++i) {
            for (const auto &field : items.at(i).fields) {
                if (field.second.isNull() || field.first.contains(' ')
                    || (field.second.contains(' ') && field.first == "type"))
                    continue;
                QCOMPARE(read.value().reports.at(r).items.at(i).value(field.first), field.second);
            }
        }
    }
}

void tst_StepResultWriter::incremental()
{
    // A long log streams through the writer without being held: lines go out as they come.
    QTemporaryDir dir;
    QFile file(dir.filePath("result.xml"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    StepResultWriter writer(&file);
    writer.begin("big", StepResult::Status::Success, 12.5);
    writer.beginLog("http://bitten.edgewall.org/tools/sh#exec");
    constexpr int lines = 200000;
    for (int i = 0; i < lines; ++i)
        writer.addLogMessage({"info", QStringLiteral("line %1").arg(i)});
    writer.endLog();
    writer.addError({"sh", "failed"});
    QVERIFY(writer.end());
    file.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto read = StepResultReader::read(&file);
    QVERIFY(read);
    QCOMPARE(read.value().logs.at(0).messages.size(), lines);
    QCOMPARE(read.value().logs.at(0).messages.last().text, QStringLiteral("line 199999"));
    QCOMPARE(read.value().errors.at(0).message, QStringLiteral("failed"));
    QCOMPARE(read.value().durationSeconds, 12.5);
}

void tst_StepResultWriter::writeFailure()
{
    QByteArray data;
    QBuffer buffer(&data);
    QVERIFY(buffer.open(QIODevice::ReadOnly)); // not writable
    const auto written = StepResultWriter::write(makeResult(), &buffer);
    QVERIFY(!written);
    QCOMPARE(written.error().code, ErrorCode::WriteFailed);
    QVERIFY(written.error().message.startsWith("Could not write the step result: "));
}

QTEST_GUILESS_MAIN(tst_StepResultWriter)
#include "tst_stepresultwriter.moc"
