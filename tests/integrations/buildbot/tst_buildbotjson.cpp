// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "integrations/buildbot/buildbotjson.h"
#include "integrations/buildbot/client.h"

using namespace Buildbot;

/// The pure payload mapping of the Buildbot client, and the retry policy.
class tst_BuildbotJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rpcResult_data();
    void rpcResult();
    void forceResult();
    void logLines_data();
    void logLines();
    void testResultSet();
    void resultCodes_data();
    void resultCodes();
    void retryPolicy_data();
    void retryPolicy();
};

void tst_BuildbotJson::rpcResult_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");
    QTest::addRow("result") << QByteArray(R"({"id":1,"jsonrpc":"2.0","result":[1,{"6":1}]})")
                            << QString();
    QTest::addRow("error object") << QByteArray(
            "{\"error\":{\"code\":-32603,\"message\":\"KeyError('x')\"},\"id\":1}")
                                  << "Buildbot refused the force: KeyError('x')";
    QTest::addRow("field errors") << QByteArray(
            R"({"error":{"code":-32602,"message":{"username":"bad email"}}})")
                                  << "Buildbot refused the force: {\"username\":\"bad email\"}";
    QTest::addRow("not json") << QByteArray("<html>")
                              << "The answer to the force is not a JSON object: illegal value.";
}

void tst_BuildbotJson::rpcResult()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    const auto result = BuildbotJson::rpcResult(body, "the force");
    QCOMPARE(result ? QString() : result.error().message, error);
}

void tst_BuildbotJson::forceResult()
{
    const auto value = BuildbotJson::rpcResult(R"({"result":[7,{"3":11,"4":12}]})", "force");
    QVERIFY(value);
    const auto force = BuildbotJson::forceResult(value.value());
    QVERIFY(force);
    QCOMPARE(force.value().buildsetId, 7);
    QCOMPARE(force.value().requests.size(), 2);
    QCOMPARE(force.value().requests.at(0), qMakePair(3, qint64(11)));
    QVERIFY(!BuildbotJson::forceResult(QJsonValue(QStringLiteral("x"))));
}

void tst_BuildbotJson::logLines_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("firstLine");
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QString>("streams");
    QTest::addRow("stream log prefixes")
            << "s"
            << QByteArray(R"({"logchunks":[{"content":"hecho one\noone\netwo\n","firstline":3}]})")
            << 3 << QStringList{"echo one", "one", "two"} << "hoe";
    QTest::addRow("text log keeps lines")
            << "t" << QByteArray(R"({"logchunks":[{"content":"plain\n\nend\n","firstline":0}]})")
            << 0 << QStringList{"plain", "", "end"} << "   ";
    QTest::addRow("no chunks") << "s" << QByteArray(R"({"logchunks":[]})") << 0 << QStringList()
                               << QString();
}

void tst_BuildbotJson::logLines()
{
    QFETCH(QString, type);
    QFETCH(QByteArray, body);
    QFETCH(int, firstLine);
    QFETCH(QStringList, lines);
    QFETCH(QString, streams);
    const auto parsed = BuildbotJson::logLines(body, type.at(0));
    QVERIFY(parsed);
    QCOMPARE(parsed.value().firstLine, firstLine);
    QCOMPARE(parsed.value().lines, lines);
    QCOMPARE(parsed.value().streams, streams);
}

void tst_BuildbotJson::testResultSet()
{
    const auto sets = BuildbotJson::list(
            R"({"test_result_sets":[{"test_result_setid":2,"stepid":9,"description":"lint",
                "category":"code_issue","value_unit":"message","tests_passed":0,
                "tests_failed":3,"complete":true},
               {"test_result_setid":3,"category":"coverage","tests_passed":null}]})",
            "test_result_sets");
    QVERIFY(sets);
    const TestResultSetInfo lint = BuildbotJson::testResultSet(sets.value().at(0));
    QCOMPARE(lint.id, 2);
    QCOMPARE(lint.failed, std::optional<int>(3));
    QVERIFY(lint.complete);
    const TestResultSetInfo coverage = BuildbotJson::testResultSet(sets.value().at(1));
    QVERIFY(!coverage.passed.has_value());
}

void tst_BuildbotJson::resultCodes_data()
{
    QTest::addColumn<QJsonValue>("code");
    QTest::addColumn<QString>("name");
    QTest::addRow("null is pending") << QJsonValue() << "pending";
    QTest::addRow("-1 is pending") << QJsonValue(-1) << "pending";
    QTest::addRow("0") << QJsonValue(0) << "success";
    QTest::addRow("1") << QJsonValue(1) << "warnings";
    QTest::addRow("2") << QJsonValue(2) << "failure";
    QTest::addRow("5") << QJsonValue(5) << "retry";
    QTest::addRow("6") << QJsonValue(6) << "cancelled";
    QTest::addRow("unknown code") << QJsonValue(42) << "exception";
}

void tst_BuildbotJson::resultCodes()
{
    QFETCH(QJsonValue, code);
    QFETCH(QString, name);
    QCOMPARE(BuildbotJson::resultName(BuildbotJson::resultFromCode(code)), name);
}

void tst_BuildbotJson::retryPolicy_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<int>("delay");
    QTest::addRow("first attempt waits nothing") << 1 << 0;
    QTest::addRow("second waits the initial delay") << 2 << 100;
    QTest::addRow("third doubles") << 3 << 200;
    QTest::addRow("fifth") << 5 << 800;
    QTest::addRow("capped") << 9 << 1000;
}

void tst_BuildbotJson::retryPolicy()
{
    QFETCH(int, attempt);
    QFETCH(int, delay);
    RetryPolicy policy;
    policy.initialDelayMs = 100;
    policy.maxDelayMs = 1000;
    QCOMPARE(policy.delayBeforeAttempt(attempt), delay);
}

QTEST_GUILESS_MAIN(tst_BuildbotJson)
#include "tst_buildbotjson.moc"
