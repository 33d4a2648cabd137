// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/reportjson.h"

using namespace Core;

/// Tests Core::ReportJson: round trip, version checks, field type errors and summarize().
class tst_ReportJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void minimal();
    void errors_data();
    void errors();
    void summarize();
};

static StepSummary fullSummary()
{
    StepSummary s;
    s.step = "test";
    s.status = StepResult::Status::Failure;
    s.onError = OnError::Continue;
    s.durationSeconds = 12.5;
    s.started = QDateTime(QDate(2026, 11, 28), QTime(1, 2, 3, 450), Qt::UTC);
    s.finished = QDateTime(QDate(2026, 11, 28), QTime(1, 2, 15, 950), Qt::UTC);
    s.exitReason = "failed";
    s.errors = QStringList{"1 of 3 tests failed"};
    StepSummary::Tests tests;
    tests.totals.success = 2;
    tests.totals.failure = 1;
    tests.totals.other = 1;
    tests.cases = {{"a.B", "t1", "failure", "src/a/B.java", 0.5, "boom"},
                   {"a.B", "t2", "success", QString(), std::nullopt, QString()}};
    tests.casesTruncated = true;
    s.tests = tests;
    CoverageTotals coverage;
    coverage.lines = 400;
    coverage.coveredLines = 350;
    coverage.files = 2;
    s.coverage = coverage;
    LintTotals lint;
    lint.convention = 3;
    lint.error = 1;
    s.lint = lint;
    s.properties = {{"bittern.coverage", "87.5"}, {"bittern.tests.failed", "1"}};
    s.urls = {{"Trac build", "http://trac.example/build/x/1"}};
    s.files.result = "result.xml";
    s.files.junit = "junit.xml";
    s.files.cobertura = "cobertura.xml";
    s.files.issues = "issues.json";
    s.files.attachments = "attachments.tar.gz";
    s.files.log = "log.txt";
    return s;
}

void tst_ReportJson::roundTrip()
{
    const StepSummary s = fullSummary();
    const QByteArray json = ReportJson::write(s);
    const auto read = ReportJson::read(json);
    QVERIFY2(read, qPrintable(read ? QString() : read.error().toString()));
    const StepSummary &r = read.value();
    QCOMPARE(r.step, s.step);
    QCOMPARE(r.status, s.status);
    QCOMPARE(r.onError, s.onError);
    QCOMPARE(r.durationSeconds, s.durationSeconds);
    QCOMPARE(r.started, s.started);
    QCOMPARE(r.finished, s.finished);
    QCOMPARE(r.exitReason, s.exitReason);
    QCOMPARE(r.errors, s.errors);
    QVERIFY(r.tests);
    QCOMPARE(r.tests->totals.total(), 4);
    QCOMPARE(r.tests->totals.failure, 1);
    QCOMPARE(r.tests->totals.other, 1);
    QVERIFY(r.tests->cases == s.tests->cases);
    QVERIFY(r.tests->casesTruncated);
    QVERIFY(r.coverage);
    QCOMPARE(r.coverage->lines, 400);
    QCOMPARE(r.coverage->percentage(), 87.5);
    QCOMPARE(r.coverage->files, 2);
    QVERIFY(r.lint);
    QCOMPARE(r.lint->convention, 3);
    QCOMPARE(r.lint->total(), 4);
    QCOMPARE(r.properties, s.properties);
    QCOMPARE(r.urls, s.urls);
    QCOMPARE(r.files.result, s.files.result);
    QCOMPARE(r.files.junit, s.files.junit);
    QCOMPARE(r.files.cobertura, s.files.cobertura);
    QCOMPARE(r.files.issues, s.files.issues);
    QCOMPARE(r.files.attachments, s.files.attachments);
    QCOMPARE(r.files.log, s.files.log);
    // Writing what was read gives the same bytes.
    QCOMPARE(ReportJson::write(r), json);
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    QCOMPARE(root.value("version").toString(), QStringLiteral("1.0"));
    QCOMPARE(root.value("tests").toObject().value("total").toInt(), 4);
    QCOMPARE(root.value("coverage").toObject().value("percentage").toDouble(), 87.5);
}

void tst_ReportJson::minimal()
{
    StepSummary s;
    s.step = "compile";
    const QByteArray json = ReportJson::write(s);
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    QCOMPARE(root.keys(),
             QStringList({"duration", "errors", "files", "onerror", "properties", "schema",
                          "status", "step", "urls", "version"}));
    const auto read = ReportJson::read(json);
    QVERIFY(read);
    QVERIFY(!read.value().tests);
    QVERIFY(!read.value().coverage);
    QVERIFY(!read.value().lint);
    QVERIFY(!read.value().started.isValid());
    QCOMPARE(read.value().onError, OnError::Fail);
    // A newer minor version with extra members is read.
    const auto newer = ReportJson::read(
            R"({"schema":"bittern-report","version":"1.7","step":"x","future":{"a":1}})");
    QVERIFY(newer);
    QCOMPARE(newer.value().step, QStringLiteral("x"));
}

void tst_ReportJson::errors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("message");
    QTest::addRow("unknown major version")
            << QByteArray(R"({"schema":"bittern-report","version":"2.0","step":"x"})")
            << ErrorCode::Unsupported
            << "report.json version 2.0 is not supported; this Bittern reads version 1.x.";
    QTest::addRow("no version") << QByteArray(R"({"schema":"bittern-report"})")
                                << ErrorCode::InvalidInput
                                << "report.json has no valid version (\"\").";
    QTest::addRow("other document") << QByteArray(R"({"version":"1.0"})") << ErrorCode::InvalidInput
                                    << "report.json has no \"schema\": \"bittern-report\" member.";
    QTest::addRow("not JSON") << QByteArray("{\"schema\":") << ErrorCode::ParseFailed
                              << "report.json is not valid JSON: unterminated object at offset 10.";
    QTest::addRow("array") << QByteArray("[]") << ErrorCode::InvalidInput
                           << "report.json is not a JSON object.";
    QTest::addRow("wrong type") << QByteArray(
            R"({"schema":"bittern-report","version":"1.0","tests":{"passed":"2"}})")
                                << ErrorCode::InvalidInput
                                << "report.json field tests.passed is not a number.";
    QTest::addRow("bad onerror") << QByteArray(
            R"({"schema":"bittern-report","version":"1.0","onerror":"maybe"})")
                                 << ErrorCode::InvalidInput
                                 << "report.json field onerror is not fail, continue or ignore.";
    QTest::addRow("bad time") << QByteArray(
            R"({"schema":"bittern-report","version":"1.0","started":"noon"})")
                              << ErrorCode::InvalidInput
                              << "report.json field started is not an ISO 8601 time.";
}

void tst_ReportJson::errors()
{
    QFETCH(QByteArray, json);
    QFETCH(ErrorCode, code);
    QFETCH(QString, message);
    const auto read = ReportJson::read(json);
    QVERIFY(!read);
    QCOMPARE(read.error().message, message);
    QCOMPARE(read.error().code, code);
}

void tst_ReportJson::summarize()
{
    StepResult result;
    result.step = "all";
    result.status = StepResult::Status::Failure;
    result.durationSeconds = 4;
    result.errors = {{"java#junit", "1 of 3 tests failed"}};
    Report tests{"test", "junit", {}};
    tests.items << ReportItem::of({{"fixture", "f"}, {"name", "a"}, {"status", "success"}})
                << ReportItem::of({{"fixture", "f"}, {"name", "b"}, {"status", "success"}})
                << ReportItem::of({{"fixture", "f"},
                                   {"name", "c"},
                                   {"status", "failure"},
                                   {"duration", "0.1"},
                                   {"traceback", "tb"}});
    Report coverage{
            "coverage", "cobertura", {ReportItem::of({{"lines", "10"}, {"percentage", "40"}})}};
    Report lint{"lint", "pylint", {ReportItem::of({{"category", "error"}})}};
    result.reports = {tests, coverage, lint};
    const StepSummary s = ReportJson::summarize(result, 2);
    QCOMPARE(s.step, QStringLiteral("all"));
    QCOMPARE(s.errors, QStringList{"1 of 3 tests failed"});
    QVERIFY(s.tests);
    QCOMPARE(s.tests->totals.total(), 3);
    QCOMPARE(s.tests->cases.size(), 2);
    QCOMPARE(s.tests->cases.at(0).name, QStringLiteral("c"));
    QCOMPARE(s.tests->cases.at(0).durationSeconds, std::optional<double>(0.1));
    QCOMPARE(s.tests->cases.at(1).name, QStringLiteral("a"));
    QVERIFY(s.tests->casesTruncated);
    QCOMPARE(s.coverage->percentage(), 40.0);
    QCOMPARE(s.lint->error, 1);
}

QTEST_GUILESS_MAIN(tst_ReportJson)
#include "tst_reportjson.moc"
