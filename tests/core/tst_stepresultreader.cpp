// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/stepresultreader.h"
#include "tests/testlib/testdata.h"

using namespace Core;

/// Tests Core::StepResultReader against Bitten's own step result bodies and broken input.
class tst_StepResultReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void samples_data();
    void samples();
    void items_data();
    void items();
    void errors_data();
    void errors();
    void device();
};

static QString dump(const StepResult &result)
{
    QStringList lines;
    lines << QStringLiteral("result %1 %2 %3")
                     .arg(result.step,
                          result.status == StepResult::Status::Failure ? "failure" : "success")
                     .arg(result.durationSeconds);
    for (const auto &error : result.errors)
        lines << QStringLiteral("error [%1] %2").arg(error.generator, error.message);
    for (const auto &log : result.logs) {
        lines << QStringLiteral("log [%1]").arg(log.generator);
        for (const auto &message : log.messages)
            lines << QStringLiteral("  %1: %2").arg(message.level, message.text);
    }
    for (const auto &report : result.reports) {
        lines << QStringLiteral("report %1 [%2]").arg(report.category, report.generator);
        for (const auto &item : report.items) {
            QStringList fields;
            for (const auto &field : item.fields)
                fields << field.first + "=" + field.second;
            lines << "  " + fields.join(QStringLiteral(", "));
        }
    }
    for (const auto &file : result.attachments)
        lines << QStringLiteral("attach %1 [%2] %3")
                         .arg(file.filename, file.description, file.resource);
    return lines.join(QLatin1Char('\n'));
}

void tst_StepResultReader::samples_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<QString>("expected");
    QTest::addRow("success") << "proto_step_result_success.xml"
                             << "result foo success 3.45";
    QTest::addRow("failure") << "proto_step_result_failure.xml"
                             << "result foo failure 3.45";
    QTest::addRow("with log") << "proto_step_result_with_log.xml"
                              << "result foo success 3.45\n"
                                 "log [http://bitten.edgewall.org/tools/python#unittest]\n"
                                 "  info: Doing stuff\n"
                                 "  error: Ouch that hurt";
    QTest::addRow("with report")
            << "proto_step_result_with_report.xml"
            << "result foo success 3.45\n"
               "report test [http://bitten.edgewall.org/tools/python#unittest]\n"
               "  type=test, fixture=my.Fixture, file=my/test/file.py, stdout=Doing my thing";
}

void tst_StepResultReader::samples()
{
    QFETCH(QString, sample);
    QFETCH(QString, expected);
    const QByteArray body = TestLib::readFile(TestLib::sharedPath("corpus/samples/" + sample));
    QVERIFY(!body.isEmpty());
    const auto result = StepResultReader::read(body);
    QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(dump(result.value()), expected);
}

void tst_StepResultReader::items_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::addRow("attribute type overwrites the element name")
            << QByteArray("<result step='lint' status='success' duration='1'>"
                          "<report category='lint' generator='g'>"
                          "<problem type='W0612' file='a.py' line='3'><msg>unused</msg></problem>"
                          "</report></result>")
            << "result lint success 1\nreport lint [g]\n"
               "  type=W0612, file=a.py, line=3, msg=unused";
    QTest::addRow("child element overwrites an attribute, deeper text is lost")
            << QByteArray("<result step='s' status='failure' duration='0.5'>"
                          "<report category='test'><test status='x'>"
                          "<status>failure</status><traceback>a<b>lost</b>c</traceback>"
                          "</test></report></result>")
            << "result s failure 0.5\nreport test []\n"
               "  type=test, status=failure, traceback=ac";
    QTest::addRow("errors, CDATA and attachments")
            << QByteArray("<result step='s' status='failure' duration='2'>"
                          "<error generator='sh'>exit 1</error>"
                          "<error><![CDATA[<oops> & more]]></error>"
                          "<attach><file filename='a.txt' description='A'/></attach>"
                          "<attach><file filename='b' resource='config'/></attach>"
                          "</result>")
            << "result s failure 2\nerror [sh] exit 1\nerror [] <oops> & more\n"
               "attach a.txt [A] build\nattach b [] config";
    QTest::addRow("unknown status is success, unknown children are ignored")
            << QByteArray("<anything step='s' status='weird' duration=' 7 ' time='x'>"
                          "<unknown><deep/></unknown></anything>")
            << "result s success 7";
}

void tst_StepResultReader::items()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const auto result = StepResultReader::read(body);
    QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(dump(result.value()), expected);
}

void tst_StepResultReader::errors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("maxDepth");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("message");
    const QByteArray head = "<result step='s' status='success' duration='1'>";
    QTest::addRow("empty body") << QByteArray() << 64 << ErrorCode::ParseFailed
                                << "1:0: XML parser error: Premature end of document.";
    QTest::addRow("mismatched tag")
            << QByteArray(head + "<log></result>") << 64 << ErrorCode::ParseFailed
            << "1:61: XML parser error: Opening and ending tag mismatch.";
    QTest::addRow("truncated") << QByteArray(head + "<log generator='x'><mess") << 64
                               << ErrorCode::ParseFailed
                               << "1:71: XML parser error: Premature end of document.";
    QTest::addRow("not UTF-8") << QByteArray(head + "<error>caf\xe9</error></result>") << 64
                               << ErrorCode::ParseFailed
                               << "1:2: XML parser error: Encountered incorrectly encoded content.";
    QTest::addRow("NUL byte") << (head + QByteArray("<error>a\0b</error></result>", 26)) << 64
                              << ErrorCode::ParseFailed
                              << "1:56: XML parser error: Unexpected NUL character.";
    QTest::addRow("trailing garbage")
            << QByteArray(head + "</result><x/>") << 64 << ErrorCode::ParseFailed
            << "1:60: XML parser error: Extra content at end of document.";
    QTest::addRow("no step") << QByteArray("<result status='success' duration='1'/>") << 64
                             << ErrorCode::InvalidInput
                             << "1:39: The step result has no step attribute.";
    QTest::addRow("bad duration")
            << QByteArray("<result step='s' status='success' duration='soon'/>") << 64
            << ErrorCode::InvalidInput
            << "1:51: The step result for step s has no valid duration attribute.";
    QTest::addRow("report without category")
            << QByteArray(head + "<report generator='g'/></result>") << 64
            << ErrorCode::InvalidInput << "1:70: A report in the step result has no category.";
    QTest::addRow("two reports of one category")
            << QByteArray(head + "<report category='test'/><report category='test'/></result>")
            << 64 << ErrorCode::InvalidInput
            << "1:97: The step result has a second report of category test (line 1); the master "
               "accepts one per category.";
    QByteArray deep = head;
    for (int i = 0; i < 10; ++i)
        deep += "<x>";
    QTest::addRow("deep nesting") << deep << 8 << ErrorCode::LimitExceeded
                                  << "1:71: Elements are nested deeper than 8 levels.";
}

void tst_StepResultReader::errors()
{
    QFETCH(QByteArray, body);
    QFETCH(int, maxDepth);
    QFETCH(ErrorCode, code);
    QFETCH(QString, message);
    ReportReadLimits limits;
    limits.maxDepth = maxDepth;
    const auto result = StepResultReader::read(body, limits);
    QVERIFY(!result);
    QCOMPARE(result.error().toString(), message);
    QCOMPARE(result.error().code, code);
}

void tst_StepResultReader::device()
{
    // Limits on value sizes and on the total kept, read from a QIODevice.
    QByteArray body = "<result step='s' status='success' duration='1'><log>";
    for (int i = 0; i < 100; ++i)
        body += "<message level='info'>0123456789</message>";
    body += "</log><error generator='" + QByteArray(5000, 'g') + "'/></result>";
    QBuffer buffer(&body);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    ReportReadLimits limits;
    limits.maxTotalLength = 500;
    auto result = StepResultReader::read(&buffer, limits);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::LimitExceeded);
    QCOMPARE(result.error().message,
             QStringLiteral("The document holds more than 500 characters of text."));
    buffer.seek(0);
    limits.maxTotalLength = 1 << 20;
    limits.maxValueLength = 4096;
    result = StepResultReader::read(&buffer, limits);
    QVERIFY(!result);
    QCOMPARE(result.error().message,
             QStringLiteral("The value of attribute generator is longer than 4096 characters."));
    buffer.seek(0);
    limits.maxValueLength = 8192;
    result = StepResultReader::read(&buffer, limits);
    QVERIFY(result);
    QCOMPARE(result.value().logs.at(0).messages.size(), 100);
}

QTEST_GUILESS_MAIN(tst_StepResultReader)
#include "tst_stepresultreader.moc"
