// SPDX-License-Identifier: GPL-3.0-or-later
// The Bitten master protocol v5 (bitten-spec §5.3–5.9) against an in-memory SQLite store, with
// Bitten's own request samples (corpus/samples/proto_*.xml) as bodies.
#include <QtTest>

#include "bridge/bridgeservice.h"
#include "bridge/protocol/bittenprotocol.h"
#include "bridge/store/sqlstore.h"
#include "tests/testlib/git.h"
#include "tests/testlib/testdata.h"

using namespace Bridge;
using TestLib::runGit;

namespace {

QByteArray sample(const QString &name)
{
    return TestLib::readFile(TestLib::sharedPath(QStringLiteral("corpus/samples/") + name));
}

Request request(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
                const QByteArray &token = "12345")
{
    Request r;
    r.method = method;
    r.target = target;
    r.body = body;
    r.peerAddress = QHostAddress(QStringLiteral("127.0.0.1"));
    r.headers.append(qMakePair(QByteArray("Host"), QByteArray("example.org")));
    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/x-bitten+xml")));
    if (!token.isEmpty())
        r.headers.append(qMakePair(QByteArray("Cookie"), QByteArray("trac_session=" + token)));
    return r;
}

/// Commits a change of trunk/a.txt in the git work tree @p dir at Unix time @p time.
bool commitTrunk(const QString &dir, const QByteArray &content, qint64 time)
{
    QFile file(dir + "/trunk/a.txt");
    return QDir().mkpath(dir + "/trunk") && file.open(QIODevice::WriteOnly)
            && file.write(content) == content.size() && (file.close(), true)
            && runGit(dir, {"add", "-A"}) && runGit(dir, {"commit", "-q", "-m", content}, time);
}

} // namespace

class tst_BittenProtocol : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void registration_data();
    void registration();
    void registrationIssuesSessionCookie();
    void notPostOnBuilds();
    void recipe_data();
    void recipe();
    void recipeUnknownBuild();
    void stepsStrictlyInOrder();
    void stepStoresLogAndReport();
    void stepParseError();
    void keepalive();
    void cancel();
    void tokenMismatch_data();
    void tokenMismatch();
    void orphanReset();
    void urlGrammar_data();
    void urlGrammar();
    void attachment();
    void authentication();
    void pollPopulatesQueueFromRepository_data();
    void pollPopulatesQueueFromRepository();

private:
    qint64 setUpBuild(const QByteArray &recipe, const QString &rule = QStringLiteral("posix"));
    Response send(const Request &r) { return m_protocol->handle(r); }
    qint64 registerAndStart(const QByteArray &token = "12345");

    std::unique_ptr<SqlStore> m_store;
    std::unique_ptr<BittenProtocol> m_protocol;
    QTemporaryDir m_dir;
    qint64 m_now = 1000;
};

void tst_BittenProtocol::init()
{
    auto store = SqlStore::open(QStringLiteral(":memory:"));
    QVERIFY2(store, store ? "" : qPrintable(store.error().message));
    m_store = std::move(store).value();
    m_now = 1000;
    ProtocolContext context;
    context.store = m_store.get();
    context.clock = [this] { return m_now; };
    context.slaveTimeout = 100;
    context.attachmentDir = m_dir.filePath(QStringLiteral("attachments"));
    m_protocol = std::make_unique<BittenProtocol>(context);
}

void tst_BittenProtocol::cleanup()
{
    m_protocol.reset();
    m_store.reset();
}

qint64 tst_BittenProtocol::setUpBuild(const QByteArray &recipe, const QString &rule)
{
    Configuration config;
    config.name = QStringLiteral("test");
    config.label = QStringLiteral("Test");
    config.description = QStringLiteral("");
    config.path = QStringLiteral("somepath");
    config.minRevision = QStringLiteral("");
    config.maxRevision = QStringLiteral("");
    config.active = true;
    config.recipe = recipe;
    if (auto saved = m_store->saveConfiguration(config); !saved) {
        qWarning("%s", qPrintable(saved.error().message));
        return 0;
    }
    TargetPlatform platform;
    platform.config = config.name;
    platform.name = QStringLiteral("Unix");
    platform.rules.append({QStringLiteral("family"), rule});
    auto platformId = m_store->savePlatform(platform);
    if (!platformId) {
        qWarning("%s", qPrintable(platformId.error().message));
        return 0;
    }
    Build build;
    build.config = config.name;
    build.revision = QStringLiteral("123");
    build.revisionTime = 42;
    build.platform = platformId.value();
    auto id = m_store->enqueueBuild(build);
    if (!id)
        qWarning("%s", qPrintable(id.error().message));
    return id ? id.value() : 0;
}

qint64 tst_BittenProtocol::registerAndStart(const QByteArray &token)
{
    const Response registered = send(request(
            "POST", "/builds", sample(QStringLiteral("proto_slave_registration.xml")), token));
    if (registered.status != 201)
        return 0;
    const QByteArray location = registered.header("Location");
    const qint64 id = location.mid(location.lastIndexOf('/') + 1).toLongLong();
    const Response started = send(request("GET", "/builds/" + QByteArray::number(id), {}, token));
    return started.status == 200 ? id : 0;
}

void tst_BittenProtocol::registration_data()
{
    QTest::addColumn<QString>("bodySample");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("text");

    QTest::addRow("matching slave gets 201") << "proto_slave_registration.xml" << QByteArray()
                                             << "posix" << 201 << QByteArray("Build pending");
    QTest::addRow("rules match at the start, case-insensitively")
            << "proto_slave_registration.xml" << QByteArray() << "POS" << 201
            << QByteArray("Build pending");
    QTest::addRow("no matching platform gets 204")
            << "proto_slave_registration.xml" << QByteArray() << "nt" << 204 << QByteArray();
    QTest::addRow("missing version counts as 1")
            << "proto_slave_registration_no_version.xml" << QByteArray() << "posix" << 400
            << QByteArray("Master-Slave version mismatch: master=5, slave=1");
    QTest::addRow("protocol 4 slave")
            << QString()
            << QByteArray("<slave name=\"hal\" version=\"4\"><os family=\"posix\"/></slave>")
            << "posix" << 400 << QByteArray("Master-Slave version mismatch: master=5, slave=4");
    QTest::addRow("malformed XML") << QString() << QByteArray("<slave></salve>") << "posix" << 400
                                   << QByteArray("XML parser error");
}

void tst_BittenProtocol::registration()
{
    QFETCH(QString, bodySample);
    QFETCH(QByteArray, body);
    QFETCH(QString, rule);
    QFETCH(int, status);
    QFETCH(QByteArray, text);
    const qint64 id = setUpBuild("<build><step id=\"s1\"/></build>", rule);
    QVERIFY(id > 0);
    const QByteArray payload = bodySample.isEmpty() ? body : sample(bodySample);
    const Response response = send(request("POST", "/builds", payload));
    QCOMPARE(response.status, status);
    QCOMPARE(response.body, text);
    if (status == 201) {
        QCOMPARE(response.header("Content-Type"), QByteArray("text/plain"));
        QCOMPARE(response.header("Location"),
                 "http://example.org/builds/" + QByteArray::number(id));
        auto build = m_store->build(id);
        QVERIFY(build);
        QCOMPARE(build.value().status, BuildStatus::InProgress);
        QCOMPARE(build.value().slave, QString("hal"));
        auto detail = m_store->buildDetail(id);
        QVERIFY(detail);
        QCOMPARE(detail.value().slave.value("token"), QString("12345"));
        QCOMPARE(detail.value().slave.value("ipnr"), QString("127.0.0.1"));
        QCOMPARE(detail.value().slave.value("os"), QString("Darwin"));
        QCOMPARE(detail.value().slave.value("java.version"), QString("2.4.3"));
    } else {
        auto build = m_store->build(id);
        QVERIFY(build);
        QCOMPARE(build.value().status, BuildStatus::Pending);
    }
}

void tst_BittenProtocol::registrationIssuesSessionCookie()
{
    QVERIFY(setUpBuild("<build><step id=\"s1\"/></build>") > 0);
    const Response response = send(
            request("POST", "/builds", sample(QStringLiteral("proto_slave_registration.xml")), {}));
    QCOMPARE(response.status, 201);
    const QByteArray cookie = response.header("Set-Cookie");
    QVERIFY2(cookie.startsWith("trac_session=") && cookie.endsWith("; Path=/"), cookie.constData());
    const QByteArray token = cookie.mid(13, cookie.indexOf(';') - 13);
    // The cookie is the token: the same client can start the build, another cannot.
    const QByteArray location = response.header("Location");
    const QByteArray path = location.mid(location.indexOf("/builds"));
    QCOMPARE(send(request("GET", path, {}, "other")).status, 409);
    QCOMPARE(send(request("GET", path, {}, token)).status, 200);
}

void tst_BittenProtocol::notPostOnBuilds()
{
    const Response response = send(request("GET", "/builds"));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, QByteArray("Only POST allowed for build creation."));
}

void tst_BittenProtocol::recipe_data()
{
    QTest::addColumn<QByteArray>("recipe");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("Bitten's test_initiate_build")
            << QByteArray("<build><step id=\"s1\"></step></build>")
            << sample(QStringLiteral("proto_master_recipe_response_body.xml")).trimmed();
    QTest::addRow("proto_master_recipe_config_minimal.xml keeps its whitespace")
            << sample(QStringLiteral("proto_master_recipe_config_minimal.xml"))
            << QByteArray("<build build=\"1\" config=\"test\" form_token=\"12345\" name=\"hal\" "
                          "path=\"somepath\" platform=\"Unix\" reponame=\"\" repopath=\"somepath\" "
                          "revision=\"123\">\n  <step id=\"foo\">\n  </step>\n</build>");
}

void tst_BittenProtocol::recipe()
{
    QFETCH(QByteArray, recipe);
    QFETCH(QByteArray, expected);
    const qint64 id = setUpBuild(recipe);
    QCOMPARE(id, qint64(1));
    QCOMPARE(
            send(request("POST", "/builds", sample(QStringLiteral("proto_slave_registration.xml"))))
                    .status,
            201);
    m_now = 2000;
    const Response response = send(request("GET", "/builds/1"));
    QVERIFY2(response.status == 200, response.body.constData());
    QCOMPARE(response.header("Content-Type"), QByteArray("application/x-bitten+xml"));
    QCOMPARE(response.header("Content-Disposition"),
             QByteArray("attachment; filename=recipe_test_r123.xml"));
    QCOMPARE(response.body, expected);
    auto detail = m_store->buildDetail(1);
    QVERIFY(detail);
    QCOMPARE(detail.value().build.started, qint64(2000));
    QCOMPARE(detail.value().build.lastActivity, qint64(2000));
    QCOMPARE(detail.value().steps.size(), 1);
    QCOMPARE(detail.value().steps.first().status, StepStatus::InProgress);
}

void tst_BittenProtocol::recipeUnknownBuild()
{
    const Response response = send(request("GET", "/builds/99"));
    QCOMPARE(response.status, 404);
    QCOMPARE(response.body, QByteArray("No such build (99)"));
}

void tst_BittenProtocol::stepsStrictlyInOrder()
{
    QVERIFY(setUpBuild("<build>\n  <step id=\"foo\">\n  </step>\n  <step id=\"bar\"/>\n</build>")
            > 0);
    const qint64 id = registerAndStart();
    QVERIFY(id > 0);
    const QByteArray steps = "/builds/" + QByteArray::number(id) + "/steps/";
    QByteArray bar = sample(QStringLiteral("proto_step_result_success.xml"));
    bar.replace("step=\"foo\"", "step=\"bar\"");
    Response response = send(request("POST", steps, bar));
    QCOMPARE(response.status, 409);
    QCOMPARE(response.body, QByteArray("Build step has not been created."));
    response
            = send(request("POST", steps, sample(QStringLiteral("proto_step_result_success.xml"))));
    QCOMPARE(response.status, 201);
    QCOMPARE(response.body, QByteArray("Build step processed"));
    QCOMPARE(response.header("Location"), "http://example.org" + steps + "foo");
    QCOMPARE(m_store->build(id).value().status, BuildStatus::InProgress);
    m_now = 1500;
    response = send(request("POST", steps, bar));
    QCOMPARE(response.status, 201);
    auto build = m_store->build(id);
    QCOMPARE(build.value().status, BuildStatus::Success);
    QCOMPARE(build.value().stopped, qint64(1500));
}

void tst_BittenProtocol::stepStoresLogAndReport()
{
    QVERIFY(setUpBuild("<build><step id=\"foo\"/></build>") > 0);
    const qint64 id = registerAndStart();
    QVERIFY(id > 0);
    QByteArray body = sample(QStringLiteral("proto_step_result_with_log.xml"));
    const QByteArray report = sample(QStringLiteral("proto_step_result_with_report.xml"));
    body.replace("</result>",
                 report.mid(report.indexOf("<report"),
                            report.indexOf("</result>") - report.indexOf("<report"))
                         + "</result>");
    const Response response
            = send(request("POST", "/builds/" + QByteArray::number(id) + "/steps/", body));
    QCOMPARE(response.status, 201);
    auto detail = m_store->buildDetail(id);
    QVERIFY(detail);
    QCOMPARE(detail.value().logs.size(), 1);
    QCOMPARE(detail.value().logs.first().messageCount, qint64(2));
    QCOMPARE(detail.value().reports.size(), 1);
    QCOMPARE(detail.value().reports.first().category, QString("test"));
    QCOMPARE(detail.value().build.status, BuildStatus::Success);
}

void tst_BittenProtocol::stepParseError()
{
    QVERIFY(setUpBuild("<build><step id=\"foo\"/></build>") > 0);
    const qint64 id = registerAndStart();
    const Response response
            = send(request("POST", "/builds/" + QByteArray::number(id) + "/steps/", "<result"));
    QCOMPARE(response.status, 400);
    QCOMPARE(response.body, QByteArray("XML parser error"));
}

void tst_BittenProtocol::keepalive()
{
    QVERIFY(setUpBuild("<build><step id=\"foo\"/></build>") > 0);
    const qint64 id = registerAndStart();
    QVERIFY(id > 0);
    m_now = 1077;
    const QByteArray path = "/builds/" + QByteArray::number(id) + "/keepalive/";
    Response response = send(request("POST", path));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, QByteArray("Keepalive processed"));
    QCOMPARE(m_store->build(id).value().lastActivity, qint64(1077));
    response = send(request("GET", path));
    QCOMPARE(response.status, 405);
    QCOMPARE(response.body, QByteArray("Method GET not allowed"));
}

void tst_BittenProtocol::cancel()
{
    QVERIFY(setUpBuild("<build><step id=\"foo\"/><step id=\"bar\"/></build>") > 0);
    const qint64 id = registerAndStart();
    QVERIFY(id > 0);
    QCOMPARE(send(request("POST", "/builds/" + QByteArray::number(id) + "/steps/",
                          sample(QStringLiteral("proto_step_result_failure.xml"))))
                     .status,
             201);
    const Response response = send(request("DELETE", "/builds/" + QByteArray::number(id)));
    QCOMPARE(response.status, 204);
    QCOMPARE(response.body, QByteArray());
    auto detail = m_store->buildDetail(id);
    QCOMPARE(detail.value().build.status, BuildStatus::Pending);
    QCOMPARE(detail.value().build.started, qint64(0));
    QVERIFY(detail.value().steps.isEmpty());
    QCOMPARE(send(request("PUT", "/builds/" + QByteArray::number(id))).body,
             QByteArray("Method PUT not allowed"));
}

void tst_BittenProtocol::tokenMismatch_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("suffix");
    QTest::addRow("GET recipe") << QByteArray("GET") << QByteArray();
    QTest::addRow("step result") << QByteArray("POST") << QByteArray("/steps/");
    QTest::addRow("keepalive") << QByteArray("POST") << QByteArray("/keepalive/");
    QTest::addRow("DELETE") << QByteArray("DELETE") << QByteArray();
}

void tst_BittenProtocol::tokenMismatch()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, suffix);
    QVERIFY(setUpBuild("<build><step id=\"foo\"/></build>") > 0);
    const qint64 id = registerAndStart();
    QVERIFY(id > 0);
    const Response response
            = send(request(method, "/builds/" + QByteArray::number(id) + suffix,
                           sample(QStringLiteral("proto_step_result_success.xml")), "intruder"));
    QCOMPARE(response.status, 409);
    QCOMPARE(response.body,
             QByteArray("Token mismatch (wrong slave): slave=intruder, build=12345"));
}

void tst_BittenProtocol::orphanReset()
{
    QVERIFY(setUpBuild("<build><step id=\"foo\"/></build>") > 0);
    const qint64 id = registerAndStart("first");
    QVERIFY(id > 0);
    m_now = 1099; // idle 99 s < slave_timeout 100: nothing happens
    Response response = send(request(
            "POST", "/builds", sample(QStringLiteral("proto_slave_registration.xml")), "second"));
    QCOMPARE(response.status, 204);
    m_now = 1100; // idle 100 s: orphaned, reset and handed to the polling slave
    response = send(request("POST", "/builds",
                            sample(QStringLiteral("proto_slave_registration.xml")), "second"));
    QCOMPARE(response.status, 201);
    QCOMPARE(response.header("Location"), "http://example.org/builds/" + QByteArray::number(id));
    response = send(request("POST", "/builds/" + QByteArray::number(id) + "/steps/",
                            sample(QStringLiteral("proto_step_result_success.xml")), "first"));
    QCOMPARE(response.status, 409);
    QCOMPARE(response.body, QByteArray("Token mismatch (wrong slave): slave=first, build=second"));
}

void tst_BittenProtocol::urlGrammar_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("text");
    QTest::addRow("collection without trailing slash")
            << QByteArray("POST") << QByteArray("/builds/1/steps") << 404
            << QByteArray("No handler matched request to /builds/1/steps");
    QTest::addRow("unknown collection") << QByteArray("POST") << QByteArray("/builds/1/files/")
                                        << 404 << QByteArray("No such collection 'files'");
    QTest::addRow("non-numeric id") << QByteArray("GET") << QByteArray("/builds/abc") << 404
                                    << QByteArray("No handler matched request to /builds/abc");
    QTest::addRow("trailing slash on /builds")
            << QByteArray("POST") << QByteArray("/builds/") << 404
            << QByteArray("No handler matched request to "
                          "/builds/");
    QTest::addRow("GET on steps collection") << QByteArray("GET") << QByteArray("/builds/1/steps/")
                                             << 405 << QByteArray("Method GET not allowed");
}

void tst_BittenProtocol::urlGrammar()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(int, status);
    QFETCH(QByteArray, text);
    const Response response = send(request(method, target));
    QCOMPARE(response.status, status);
    QCOMPARE(response.body, text);
}

void tst_BittenProtocol::attachment()
{
    QVERIFY(setUpBuild("<build><step id=\"foo\"/></build>") > 0);
    const qint64 id = registerAndStart();
    QVERIFY(id > 0);
    const QByteArray body = "--b0\r\nContent-Disposition: form-data; name=\"file\"; "
                            "filename=\"dir/out.txt\"\r\nContent-Type: application/octet-stream"
                            "\r\n\r\nbytes\r\n--b0\r\nContent-Disposition: form-data; "
                            "name=\"description\"\r\n\r\nOutput\r\n--b0\r\nContent-Disposition: "
                            "form-data; name=\"__FORM_TOKEN\"\r\n\r\n12345\r\n--b0--\r\n";
    Request r = request("POST", "/builds/" + QByteArray::number(id) + "/attach/build", body);
    r.headers[1].second = "multipart/form-data; boundary=b0";
    Response response = send(r);
    QCOMPARE(response.status, 201);
    QCOMPARE(response.body, QByteArray("Attachment created"));
    auto attachments = m_store->attachments(QStringLiteral("test"), id);
    QVERIFY(attachments);
    QCOMPARE(attachments.value().size(), 1);
    QCOMPARE(attachments.value().first().filename, QString("out.txt"));
    QCOMPARE(attachments.value().first().description, QString("Output"));
    QCOMPARE(TestLib::readFile(attachments.value().first().filePath), QByteArray("bytes"));
    r.body.replace("\r\n12345\r\n", "\r\nforged\r\n");
    response = send(r);
    QCOMPARE(response.status, 400);
    QCOMPARE(response.body, QByteArray("Missing or invalid form token."));
}

void tst_BittenProtocol::authentication()
{
    auto users = SlaveAuthenticator::fromUsersFile(
            "# slaves\nhal:{SHA256}"
            + QCryptographicHash::hash("secret", QCryptographicHash::Sha256).toHex() + "\n");
    QVERIFY(users);
    ProtocolContext context = m_protocol->context();
    BittenProtocol protocol(context, users.value());
    Response response = protocol.handle(request("GET", "/builds"));
    QCOMPARE(response.status, 401);
    QCOMPARE(response.header("WWW-Authenticate"), QByteArray("Basic realm=\"bittern\""));
    Request withBasic = request("GET", "/builds");
    withBasic.headers.append(qMakePair(QByteArray("Authorization"),
                                       QByteArray("Basic " + QByteArray("hal:secret").toBase64())));
    QCOMPARE(protocol.handle(withBasic).status, 200);
    withBasic.headers.last().second = "Basic " + QByteArray("hal:wrong").toBase64();
    QCOMPARE(protocol.handle(withBasic).status, 401);
    // bitten-slave logs in once: HEAD /login?referer=… answers 302 with a trac_auth cookie.
    Request login = request("HEAD", "/login?referer=http%3A%2F%2Fexample.org%2Fbuilds");
    login.headers.append(qMakePair(QByteArray("Authorization"),
                                   QByteArray("Basic " + QByteArray("hal:secret").toBase64())));
    response = protocol.handle(login);
    QCOMPARE(response.status, 302);
    QCOMPARE(response.header("Location"), QByteArray("http://example.org/builds"));
    const QByteArray cookie = response.header("Set-Cookie");
    QVERIFY(cookie.startsWith("trac_auth="));
    Request withCookie = request("GET", "/builds", {}, {});
    withCookie.headers.append(
            qMakePair(QByteArray("Cookie"), QByteArray(cookie.left(cookie.indexOf(';')))));
    QCOMPARE(protocol.handle(withCookie).status, 200);
}

void tst_BittenProtocol::pollPopulatesQueueFromRepository_data()
{
    QTest::addColumn<qint64>("secondPollAfter");
    QTest::addColumn<int>("buildsAfterSecondPoll");
    QTest::addRow("within the poll interval: no new population") << qint64(10) << 1;
    QTest::addRow("after the poll interval: the new revision is queued") << qint64(61) << 2;
}

void tst_BittenProtocol::pollPopulatesQueueFromRepository()
{
    // bittern serve --repo: a slave poll runs §7.2 against a real git repository, at most once
    // per poll interval.
    QFETCH(qint64, secondPollAfter);
    QFETCH(int, buildsAfterSecondPoll);
    if (QStandardPaths::findExecutable("git").isEmpty()) {
        QTest::qSkip("git is not installed.", __FILE__, __LINE__);
        return;
    }
    QTemporaryDir repo;
    QTemporaryDir data;
    QVERIFY(runGit(repo.path(), {"init", "-q"}));
    QVERIFY(commitTrunk(repo.path(), "one", 1700000000));
    auto store = SqlStore::open(data.filePath("populate.db"));
    QVERIFY2(store, store ? "" : qPrintable(store.error().message));
    Configuration config;
    config.name = "trunk";
    config.path = "/trunk";
    config.active = true;
    config.recipe = "<build><step id=\"s\"/></build>";
    QVERIFY(store.value()->saveConfiguration(config));
    TargetPlatform any;
    any.config = "trunk";
    any.name = "any";
    QVERIFY(store.value()->savePlatform(any));
    qint64 now = QDateTime::currentSecsSinceEpoch();
    ServiceSettings settings;
    settings.port = 0;
    settings.clock = [&now] { return now; };
    settings.attachmentDir = data.filePath("attachments");
    settings.repository = "git:" + repo.path();
    settings.pollInterval = 60;
    BridgeService service(std::move(store).value(), settings);
    const auto countBuilds = [&service] {
        BuildQuery query;
        query.config = "trunk";
        const auto page = service.store()->builds(query);
        return page ? int(page.value().builds.size()) : -1;
    };
    const QByteArray slave = "<slave name=\"a\" version=\"5\"/>";
    QCOMPARE(countBuilds(), 0);
    service.protocol().handle(request("POST", "/builds", slave));
    QCOMPARE(countBuilds(), 1); // the youngest revision of trunk (§7.2)
    QVERIFY(commitTrunk(repo.path(), "two", 1700000100));
    now += secondPollAfter;
    service.protocol().handle(request("POST", "/builds", slave));
    QCOMPARE(countBuilds(), buildsAfterSecondPoll);
}

QTEST_GUILESS_MAIN(tst_BittenProtocol)
#include "tst_bittenprotocol.moc"
