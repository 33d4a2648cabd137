// SPDX-License-Identifier: GPL-3.0-or-later
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "bridge/api/apiservice.h"
#include "bridge/api/tokentable.h"
#include "tests/bridge/webtestseed.h"

using namespace Bridge;

namespace {

TokenTable tokens()
{
    return TokenTable::parse("# tokens\nr-token read Reader One\nb-token build builder\n"
                             "a-token admin boss\n")
            .value();
}

Request request(const QByteArray &method, const QByteArray &target, const QByteArray &token,
                const QByteArray &body = QByteArray())
{
    Request r;
    r.method = method;
    r.target = target;
    if (!token.isEmpty())
        r.headers.append({"Authorization", "Bearer " + token});
    r.body = body;
    return r;
}

/// The value at a "/"-separated path of keys and array indexes, as text (compact JSON for
/// objects and arrays, "<missing>" when absent).
QString valueAt(const QJsonDocument &document, const QString &path)
{
    QJsonValue value = document.isObject() ? QJsonValue(document.object()) : QJsonValue();
    for (const QString &key : path.split('/', Qt::SkipEmptyParts)) {
        bool index = false;
        const int i = key.toInt(&index);
        value = index && value.isArray() ? value.toArray().at(i) : value.toObject().value(key);
    }
    if (value.isUndefined())
        return "<missing>";
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    return value.toVariant().toString();
}

} // namespace

class tst_ApiControllers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answers_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");

        const QByteArray r = "r-token", b = "b-token", a = "a-token";
        QTest::addRow("configurations are listed by name")
                << QByteArray("GET") << QByteArray("/api/v1/configurations") << r << QByteArray()
                << 200 << "items/1/name"
                << "beta";
        QTest::addRow("the configuration list has a total")
                << QByteArray("GET") << QByteArray("/api/v1/configurations") << r << QByteArray()
                << 200 << "total"
                << "2";
        QTest::addRow("the list omits recipes")
                << QByteArray("GET") << QByteArray("/api/v1/configurations") << r << QByteArray()
                << 200 << "items/0/recipe"
                << "<missing>";
        QTest::addRow("one configuration includes its recipe")
                << QByteArray("GET") << QByteArray("/api/v1/configurations/alpha") << r
                << QByteArray() << 200 << "recipe"
                << "<build/>";
        QTest::addRow("hostile strings pass through JSON unchanged")
                << QByteArray("GET") << QByteArray("/api/v1/configurations/alpha") << r
                << QByteArray() << 200 << "label"
                << "Alpha <script>alert(\"x\")</script>";
        QTest::addRow("an unknown configuration is 404")
                << QByteArray("GET") << QByteArray("/api/v1/configurations/nope") << r
                << QByteArray() << 404 << "error"
                << "No such configuration 'nope'.";
        QTest::addRow("platforms of a configuration with rules")
                << QByteArray("GET") << QByteArray("/api/v1/configurations/alpha/platforms") << r
                << QByteArray() << 200 << "items/0/rules"
                << "[{\"pattern\":\"^Linux\",\"property\":\"os\"}]";
        QTest::addRow("platforms filtered by config")
                << QByteArray("GET") << QByteArray("/api/v1/platforms?config=beta") << r
                << QByteArray() << 200 << "total"
                << "0";
        QTest::addRow("one platform by id")
                << QByteArray("GET") << QByteArray("/api/v1/platforms/2") << r << QByteArray()
                << 200 << "name"
                << "mac";
        QTest::addRow("an unknown platform is 404")
                << QByteArray("GET") << QByteArray("/api/v1/platforms/9") << r << QByteArray()
                << 404 << "error"
                << "No such platform (9).";
        QTest::addRow("builds newest first")
                << QByteArray("GET") << QByteArray("/api/v1/builds?config=alpha") << r
                << QByteArray() << 200 << "items/0"
                << "{\"config\":\"alpha\",\"id\":4,"
                   "\"last_activity\":0,\"platform\":1,\"revision\":\"3\",\"revision_time\":300,"
                   "\"slave\":\"\",\"started\":0,\"status\":\"pending\",\"stopped\":0}";
        QTest::addRow("builds filtered by status")
                << QByteArray("GET") << QByteArray("/api/v1/builds?status=failure") << r
                << QByteArray() << 200 << "items/0/id"
                << "2";
        QTest::addRow("builds filtered by two statuses")
                << QByteArray("GET") << QByteArray("/api/v1/builds?status=success,pending") << r
                << QByteArray() << 200 << "total"
                << "3";
        QTest::addRow("builds filtered by platform")
                << QByteArray("GET") << QByteArray("/api/v1/builds?platform=2") << r << QByteArray()
                << 200 << "items"
                << "[{\"config\":\"alpha\",\"id\":3,"
                   "\"last_activity\":260,\"platform\":2,\"revision\":\"2\",\"revision_time\":200,"
                   "\"slave\":\"agent-2\",\"started\":205,\"status\":\"success\",\"stopped\":260}]";
        QTest::addRow("builds of an unknown config are an empty list")
                << QByteArray("GET") << QByteArray("/api/v1/builds?config=nope") << r
                << QByteArray() << 200 << "total"
                << "0";
        QTest::addRow("paging by limit and offset")
                << QByteArray("GET") << QByteArray("/api/v1/builds?limit=1&offset=1") << r
                << QByteArray() << 200 << "items/0/id"
                << "3";
        QTest::addRow("paging echoes limit")
                << QByteArray("GET") << QByteArray("/api/v1/builds?limit=1&offset=1") << r
                << QByteArray() << 200 << "limit"
                << "1";
        QTest::addRow("a zero limit is 400")
                << QByteArray("GET") << QByteArray("/api/v1/builds?limit=0") << r << QByteArray()
                << 400 << "error"
                << "Query parameter 'limit' must be an integer from 1 to 500.";
        QTest::addRow("a negative offset is 400")
                << QByteArray("GET") << QByteArray("/api/v1/agents?offset=-1") << r << QByteArray()
                << 400 << "error"
                << "Query parameter 'offset' must be an integer from 0 to 2147483647.";
        QTest::addRow("an unknown status is 400")
                << QByteArray("GET") << QByteArray("/api/v1/builds?status=done") << r
                << QByteArray() << 400 << "error"
                << "Unknown build status 'done'; expected pending, in_progress, success or "
                   "failure.";
        QTest::addRow("one build") << QByteArray("GET") << QByteArray("/api/v1/builds/1") << r
                                   << QByteArray() << 200 << "status"
                                   << "success";
        QTest::addRow("an unknown build is 404")
                << QByteArray("GET") << QByteArray("/api/v1/builds/99") << r << QByteArray() << 404
                << "status"
                << "404";
        QTest::addRow("steps with duration")
                << QByteArray("GET") << QByteArray("/api/v1/builds/1/steps") << r << QByteArray()
                << 200 << "items/1"
                << "{\"description\":\"\",\"duration\":30,\"errors\":[],"
                   "\"name\":\"test\",\"started\":140,\"status\":\"success\",\"stopped\":170}";
        QTest::addRow("steps with errors")
                << QByteArray("GET") << QByteArray("/api/v1/builds/2/steps") << r << QByteArray()
                << 200 << "items/0/errors/0"
                << "<script>alert(\"x\")</script>";
        QTest::addRow("log records of a build")
                << QByteArray("GET") << QByteArray("/api/v1/builds/2/logs") << r << QByteArray()
                << 200 << "items/0"
                << "{\"build\":2,\"generator\":\"sh:exec\",\"id\":2,"
                   "\"message_count\":3,\"order\":0,\"step\":\"compile\"}";
        QTest::addRow("log messages paged")
                << QByteArray("GET") << QByteArray("/api/v1/logs/2?offset=1&limit=1") << r
                << QByteArray() << 200 << "messages"
                << "[{\"level\":\"warning\",\"text\":\"\\\"'&\"}]";
        QTest::addRow("log messages come with their record")
                << QByteArray("GET") << QByteArray("/api/v1/logs/2") << r << QByteArray() << 200
                << "log/message_count"
                << "3";
        QTest::addRow("an unknown log is 404") << QByteArray("GET") << QByteArray("/api/v1/logs/9")
                                               << r << QByteArray() << 404 << "error"
                                               << "No such log (9).";
        QTest::addRow("reports filtered by category with summary")
                << QByteArray("GET") << QByteArray("/api/v1/builds/1/reports?category=test") << r
                << QByteArray() << 200 << "items/0/summary"
                << "{\"error\":0,\"failure\":1,\"ignore\":0,\"other\":0,\"success\":3,"
                   "\"total\":4}";
        QTest::addRow("coverage report summary")
                << QByteArray("GET") << QByteArray("/api/v1/builds/1/reports?category=coverage")
                << r << QByteArray() << 200 << "items/0/summary/percentage"
                << "60";
        QTest::addRow("report items are flat objects")
                << QByteArray("GET") << QByteArray("/api/v1/builds/1/reports?category=lint") << r
                << QByteArray() << 200 << "items/0/items/2"
                << "{\"category\":\"error\",\"file\":\"client.py\",\"line\":\"1\",\"msg\":"
                   "\"import\",\"type\":\"problem\"}";
        QTest::addRow("agents") << QByteArray("GET") << QByteArray("/api/v1/agents") << r
                                << QByteArray() << 200 << "items/0"
                                << "{\"current_build\":0,\"first_seen\":50,\"last_seen\":230,"
                                   "\"name\":\"agent-1\",\"properties\":{\"os\":\"Linux\"}}";
        QTest::addRow("metric series oldest first")
                << QByteArray("GET") << QByteArray("/api/v1/configurations/alpha/metrics") << r
                << QByteArray() << 200 << "points/0/tests/success"
                << "3";
        QTest::addRow("metric series lint totals")
                << QByteArray("GET") << QByteArray("/api/v1/configurations/alpha/metrics") << r
                << QByteArray() << 200 << "points/0/lint/total"
                << "3";
        QTest::addRow("metric series of an unknown configuration")
                << QByteArray("GET") << QByteArray("/api/v1/configurations/nope/metrics") << r
                << QByteArray() << 404 << "error"
                << "No such configuration 'nope'.";
        QTest::addRow("a request without a token is 401")
                << QByteArray("GET") << QByteArray("/api/v1/builds") << QByteArray() << QByteArray()
                << 401 << "error"
                << "The API needs a bearer token (Authorization: Bearer TOKEN).";
        QTest::addRow("an unknown token is 401")
                << QByteArray("GET") << QByteArray("/api/v1/builds") << QByteArray("wrong")
                << QByteArray() << 401 << "error"
                << "The bearer token is not valid.";
        QTest::addRow("read role cannot request builds")
                << QByteArray("POST") << QByteArray("/api/v1/builds") << r
                << QByteArray(R"({"config":"alpha","revision":"9"})") << 403 << "error"
                << "Token 'Reader One' has the role read; this request needs the role build.";
        QTest::addRow("build role requests a build on every platform")
                << QByteArray("POST") << QByteArray("/api/v1/builds") << b
                << QByteArray(R"({"config":"alpha","revision":"9","request_id":"k1"})") << 202 << ""
                << "{\"builds\":[5,6],\"config\":\"alpha\",\"created\":1000,"
                   "\"request_id\":\"k1\",\"revision\":\"9\",\"revision_time\":1000}";
        QTest::addRow("build requests via their own resource")
                << QByteArray("POST") << QByteArray("/api/v1/build-requests") << a
                << QByteArray(R"({"config":"alpha","revision":"9","revision_time":900})") << 202
                << "revision_time"
                << "900";
        QTest::addRow("requesting a queued revision again returns the queued builds")
                << QByteArray("POST") << QByteArray("/api/v1/builds") << b
                << QByteArray(R"({"config":"alpha","revision":"3"})") << 202 << "builds"
                << "[4,5]";
        QTest::addRow("a build request for an unknown configuration is 404")
                << QByteArray("POST") << QByteArray("/api/v1/builds") << b
                << QByteArray(R"({"config":"nope","revision":"1"})") << 404 << "error"
                << "No such configuration 'nope'.";
        QTest::addRow("a configuration without platforms queues nothing")
                << QByteArray("POST") << QByteArray("/api/v1/builds") << b
                << QByteArray(R"({"config":"beta","revision":"1"})") << 409 << "error"
                << "Configuration 'beta' has no target platforms; no build was queued.";
        QTest::addRow("a build request needs config and revision")
                << QByteArray("POST") << QByteArray("/api/v1/builds") << b
                << QByteArray(R"({"config":"alpha"})") << 400 << "error"
                << "The build request needs the string fields 'config' and 'revision'.";
        QTest::addRow("a build request must be JSON")
                << QByteArray("POST") << QByteArray("/api/v1/builds") << b << QByteArray("[1]")
                << 400 << "error"
                << "The build request body is not a JSON object: found another JSON value.";
        QTest::addRow("build role cannot invalidate builds")
                << QByteArray("DELETE") << QByteArray("/api/v1/builds/1") << b << QByteArray()
                << 403 << "error"
                << "Token 'builder' has the role build; this request needs the role admin.";
        QTest::addRow("admin invalidates a build")
                << QByteArray("DELETE") << QByteArray("/api/v1/builds/1") << a << QByteArray()
                << 204 << ""
                << "";
        QTest::addRow("invalidating an unknown build is 404")
                << QByteArray("DELETE") << QByteArray("/api/v1/builds/77") << a << QByteArray()
                << 404 << "status"
                << "404";
        QTest::addRow("a method the resource lacks is 405")
                << QByteArray("PUT") << QByteArray("/api/v1/configurations") << a << QByteArray()
                << 405 << "error"
                << "Method PUT is not allowed on /api/v1/configurations.";
        QTest::addRow("an unknown path is 404")
                << QByteArray("GET") << QByteArray("/api/v1/nothing") << r << QByteArray() << 404
                << "error"
                << "No API resource at /api/v1/nothing.";
    }
    void answers()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, token);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, path);
        QFETCH(QString, expected);
        std::unique_ptr<SqlStore> store = WebTestSeed::seededStore();
        QVERIFY(store);
        ApiService api(*store, tokens(), [] { return qint64(1000); });
        const Response response = api.handle(request(method, target, token, body));
        QCOMPARE(response.status, status);
        if (status == 204) {
            QVERIFY(response.body.isEmpty());
            return;
        }
        QCOMPARE(response.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
        const QJsonDocument document = QJsonDocument::fromJson(response.body);
        QVERIFY2(document.isObject(), response.body.constData());
        QCOMPARE(valueAt(document, path), expected);
    }

    void unauthorizedAnswersCarryAChallenge_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<QByteArray>("challenge");
        QTest::addRow("no Authorization header")
                << QByteArray() << QByteArray("Bearer realm=\"bittern\"");
        QTest::addRow("unknown token")
                << QByteArray("Bearer nope")
                << QByteArray("Bearer realm=\"bittern\", error=\"invalid_token\"");
        QTest::addRow("basic instead of bearer")
                << QByteArray("Basic cjpy")
                << QByteArray("Bearer realm=\"bittern\", error=\"invalid_token\"");
    }
    void unauthorizedAnswersCarryAChallenge()
    {
        QFETCH(QByteArray, authorization);
        QFETCH(QByteArray, challenge);
        std::unique_ptr<SqlStore> store = WebTestSeed::seededStore();
        QVERIFY(store);
        ApiService api(*store, tokens(), [] { return qint64(1000); });
        Request r = request("GET", "/api/v1/agents", QByteArray());
        if (!authorization.isEmpty())
            r.headers.append({QByteArray("authorization"), authorization});
        const Response response = api.handle(r);
        QCOMPARE(response.status, 401);
        QCOMPARE(response.header("WWW-Authenticate"), challenge);
    }

    void deleteResetsTheBuild()
    {
        std::unique_ptr<SqlStore> store = WebTestSeed::seededStore();
        QVERIFY(store);
        ApiService api(*store, tokens(), [] { return qint64(1000); });
        QCOMPARE(api.handle(request("DELETE", "/api/v1/builds/2", "a-token")).status, 204);
        const Response build = api.handle(request("GET", "/api/v1/builds/2", "r-token"));
        QCOMPARE(valueAt(QJsonDocument::fromJson(build.body), "status"), QString("pending"));
        const Response steps = api.handle(request("GET", "/api/v1/builds/2/steps", "r-token"));
        QCOMPARE(valueAt(QJsonDocument::fromJson(steps.body), "total"), QString("0"));
    }

    void configurationsCarryTheirSetupSteps()
    {
        std::unique_ptr<SqlStore> store = WebTestSeed::seededStore();
        QVERIFY(store);
        QVERIFY(store->setConfigurationSetupSteps("alpha", {"checkout", "deps"}));
        ApiService api(*store, tokens(), [] { return qint64(1000); });
        const Response one = api.handle(request("GET", "/api/v1/configurations/alpha", "r-token"));
        QCOMPARE(one.status, 200);
        QCOMPARE(valueAt(QJsonDocument::fromJson(one.body), "setup_steps"),
                 QString(R"(["checkout","deps"])"));
        const Response list = api.handle(request("GET", "/api/v1/configurations", "r-token"));
        const QJsonDocument listed = QJsonDocument::fromJson(list.body);
        QCOMPARE(valueAt(listed, "items/0/setup_steps"), QString(R"(["checkout","deps"])"));
        QCOMPARE(valueAt(listed, "items/1/setup_steps"), QString("[]"));
    }

    void buildRequestsAreListedAndIdempotent()
    {
        std::unique_ptr<SqlStore> store = WebTestSeed::seededStore();
        QVERIFY(store);
        ApiService api(*store, tokens(), [] { return qint64(1000); });
        Request post = request("POST", "/api/v1/build-requests", "b-token",
                               R"({"config":"alpha","revision":"7"})");
        post.headers.append({QByteArray("Idempotency-Key"), QByteArray("same")});
        const Response first = api.handle(post);
        const Response again = api.handle(post);
        QCOMPARE(first.status, 202);
        QCOMPARE(again.body, first.body);
        const Response unnamed = api.handle(request("POST", "/api/v1/builds", "b-token",
                                                    R"({"config":"alpha","revision":"8"})"));
        QCOMPARE(valueAt(QJsonDocument::fromJson(unnamed.body), "request_id").size(), 36);
        const Response list = api.handle(request("GET", "/api/v1/build-requests", "r-token"));
        QCOMPARE(list.status, 200);
        const QJsonDocument listed = QJsonDocument::fromJson(list.body);
        QCOMPARE(listed.object().value("items").toArray().size(), 2);
        QCOMPARE(valueAt(listed, "items/1/request_id"), QString("same"));
        QCOMPARE(valueAt(listed, "items/1/builds"), QString("[5,6]"));
    }

    void tokensFileErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::addRow("too few fields") << QByteArray("\n# c\nabc read\n")
                                        << "Line 3 of the tokens file has 2 fields; expected "
                                           "TOKEN ROLE NAME.";
        QTest::addRow("unknown role") << QByteArray("abc write me\n")
                                      << "Line 1 of the tokens file has the unknown role "
                                         "'write'; expected read, build or admin.";
        QTest::addRow("repeated token") << QByteArray("abc read me\nabc admin you\n")
                                        << "Line 2 of the tokens file repeats a token of an "
                                           "earlier line.";
    }
    void tokensFileErrors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        const Core::Result<TokenTable> table = TokenTable::parse(text);
        QVERIFY(!table);
        QCOMPARE(table.error().message, message);
    }

    void tokensFileParses()
    {
        const TokenTable table = tokens();
        QCOMPARE(table.size(), 3);
        QCOMPARE(table.find("r-token")->name, QString("Reader One"));
        QCOMPARE(table.find("a-token")->role, ApiRole::Admin);
        QVERIFY(!table.find("x"));
    }
};

QTEST_GUILESS_MAIN(tst_ApiControllers)
#include "tst_apicontrollers.moc"
