// SPDX-License-Identifier: GPL-3.0-or-later
// Bittern's preemption extension of the master protocol (docs/PROTOCOL.md "Preemption")
// against an in-memory store: the recipe announces it, a preempted step requeues the build
// with its finished steps kept, the resumed recipe leaves finished non-setup steps out (setup:
// recipe-marked or listed by the configuration), and a vacate check puts X-Bittern-Vacate on
// keepalive and step answers.
#include <QtTest>

#include "bridge/protocol/bittenprotocol.h"
#include "bridge/store/sqlstore.h"
#include "core/recipereader.h"

using namespace Bridge;

namespace {

const char recipeXml[]
        = "<build xmlns:sh=\"http://bitten.edgewall.org/tools/sh\">"
          "<step id=\"checkout\" setup=\"true\"><sh:exec executable=\"true\"/></step>"
          "<step id=\"compile\"><sh:exec executable=\"true\"/></step>"
          "<step id=\"test\"><sh:exec executable=\"true\"/></step>"
          "<step id=\"package\"><sh:exec executable=\"true\"/></step>"
          "</build>";

Request request(const QByteArray &method, const QByteArray &target, const QByteArray &token,
                const QByteArray &body = {}, const QByteArray &type = "application/x-bitten+xml")
{
    Request r;
    r.method = method;
    r.target = target;
    r.body = body;
    r.peerAddress = QHostAddress(QStringLiteral("127.0.0.1"));
    r.headers.append(qMakePair(QByteArray("Host"), QByteArray("example.org")));
    r.headers.append(qMakePair(QByteArray("Content-Type"), type));
    r.headers.append(qMakePair(QByteArray("Cookie"), QByteArray("trac_session=" + token)));
    return r;
}

QByteArray stepResult(const QByteArray &step)
{
    return "<result step=\"" + step
            + "\" status=\"success\" time=\"2007-04-01T15:30:00.0000\" duration=\"1\">"
              "<log generator=\"http://bitten.edgewall.org/tools/sh#exec\">"
              "<message level=\"info\">ran</message></log></result>";
}

QByteArray preempted(const QByteArray &step)
{
    return "<preempted step=\"" + step + "\" reason=\"the owner is back\"/>";
}

const QByteArray preemptedType = "application/x-bittern-preempted+xml";

QStringList stepIds(const QByteArray &xml)
{
    auto recipe = Core::RecipeReader().read(xml);
    QStringList ids;
    if (recipe) {
        for (const Core::RecipeStep &step : recipe.value().steps)
            ids += step.id;
    }
    return ids;
}

} // namespace

class tst_PreemptionProtocol : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void preemptAndResume_data();
    void preemptAndResume();
    void preemptedBodyErrors_data();
    void preemptedBodyErrors();
    void vacateHeader_data();
    void vacateHeader();

private:
    void assign(const QString &slave, const QString &token);

    std::unique_ptr<SqlStore> m_store;
    std::unique_ptr<BittenProtocol> m_protocol;
    std::optional<QString> m_vacate;
    qint64 m_build = 0;
};

void tst_PreemptionProtocol::init()
{
    auto store = SqlStore::open(QStringLiteral(":memory:"));
    QVERIFY(store);
    m_store = std::move(store).value();
    m_vacate.reset();
    ProtocolContext context;
    context.store = m_store.get();
    context.clock = [] { return qint64(1000); };
    context.vacateCheck = [this](qint64) { return m_vacate; };
    m_protocol = std::make_unique<BittenProtocol>(context);
    Configuration config;
    config.name = "demo";
    config.active = true;
    config.recipe = recipeXml;
    QVERIFY(m_store->saveConfiguration(config));
    TargetPlatform platform;
    platform.config = "demo";
    platform.name = "any";
    auto platformId = m_store->savePlatform(platform);
    QVERIFY(platformId);
    Build build;
    build.config = "demo";
    build.revision = "7";
    build.platform = platformId.value();
    auto id = m_store->enqueueBuild(build);
    QVERIFY(id);
    m_build = id.value();
}

void tst_PreemptionProtocol::cleanup()
{
    m_protocol.reset();
    m_store.reset();
}

void tst_PreemptionProtocol::assign(const QString &slave, const QString &token)
{
    SlaveInfo info;
    info.name = slave;
    info.set("token", token);
    QVERIFY(m_store->assignBuild(m_build, info, 1000));
}

void tst_PreemptionProtocol::preemptAndResume_data()
{
    QTest::addColumn<QStringList>("configSetupSteps"); // Configuration::setupSteps
    QTest::addColumn<QStringList>("served"); // the resumed recipe's steps
    QTest::addRow("recipe-marked setup steps only")
            << QStringList() << QStringList({"checkout", "test", "package"});
    QTest::addRow("the configuration also lists compile")
            << QStringList({"compile"}) << QStringList({"checkout", "compile", "test", "package"});
}

void tst_PreemptionProtocol::preemptAndResume()
{
    QFETCH(QStringList, configSetupSteps);
    QFETCH(QStringList, served);
    QVERIFY(m_store->setConfigurationSetupSteps("demo", configSetupSteps));
    const QByteArray url = "/builds/" + QByteArray::number(m_build);
    assign("one", "t1");
    Response recipe = m_protocol->handle(request("GET", url, "t1"));
    QCOMPARE(recipe.status, 200);
    QCOMPARE(recipe.header("X-Bittern-Preemption"), QByteArray("1"));
    QCOMPARE(stepIds(recipe.body), QStringList({"checkout", "compile", "test", "package"}));
    for (const QByteArray step : {"checkout", "compile"})
        QCOMPARE(
                m_protocol->handle(request("POST", url + "/steps/", "t1", stepResult(step))).status,
                201);

    Response answer = m_protocol->handle(
            request("POST", url + "/steps/", "t1", preempted("test"), preemptedType));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body, QByteArray("Build step preempted; build requeued"));
    QCOMPARE(m_store->build(m_build).value().status, BuildStatus::Pending);
    // The old agent is gone: its token owns nothing.
    QCOMPARE(m_protocol->handle(request("POST", url + "/keepalive/", "t1")).status, 409);

    assign("two", "t2");
    recipe = m_protocol->handle(request("GET", url, "t2"));
    QCOMPARE(recipe.status, 200);
    QCOMPARE(stepIds(recipe.body), served);
    for (const QString &step : qAsConst(served))
        QCOMPARE(m_protocol
                         ->handle(request("POST", url + "/steps/", "t2", stepResult(step.toUtf8())))
                         .status,
                 201);
    const BuildDetail detail = m_store->buildDetail(m_build).value();
    QCOMPARE(detail.build.status, BuildStatus::Success);
    QCOMPARE(detail.steps.size(), 4);
    QCOMPARE(detail.logs.size(), 4); // re-run setup steps' second results were not stored
}

void tst_PreemptionProtocol::preemptedBodyErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("message");
    QTest::addRow("not XML") << QByteArray("<preempted") << 400 << QByteArray("XML parser error");
    QTest::addRow("another element")
            << stepResult("compile") << 400 << QByteArray("XML parser error");
    QTest::addRow("a finished step") << preempted("checkout") << 409
                                     << QByteArray("Step checkout of build 1 is not in progress.");
    QTest::addRow("no step") << QByteArray("<preempted/>") << 409
                             << QByteArray("Step  of build 1 is not in progress.");
}

void tst_PreemptionProtocol::preemptedBodyErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QByteArray, message);
    const QByteArray url = "/builds/" + QByteArray::number(m_build);
    assign("one", "t1");
    QCOMPARE(m_protocol->handle(request("GET", url, "t1")).status, 200);
    QCOMPARE(m_protocol->handle(request("POST", url + "/steps/", "t1", stepResult("checkout")))
                     .status,
             201);
    const Response answer
            = m_protocol->handle(request("POST", url + "/steps/", "t1", body, preemptedType));
    QCOMPARE(answer.status, status);
    QCOMPARE(answer.body, message);
    QCOMPARE(m_store->build(m_build).value().status, BuildStatus::InProgress);
}

void tst_PreemptionProtocol::vacateHeader_data()
{
    QTest::addColumn<bool>("asked");
    QTest::addRow("the bridge wants the agent back") << true;
    QTest::addRow("nothing better waits") << false;
}

void tst_PreemptionProtocol::vacateHeader()
{
    QFETCH(bool, asked);
    if (asked)
        m_vacate = QStringLiteral("build 9 ranks\n higher");
    const QByteArray url = "/builds/" + QByteArray::number(m_build);
    assign("one", "t1");
    QCOMPARE(m_protocol->handle(request("GET", url, "t1")).status, 200);
    const QByteArray expected = asked ? QByteArray("build 9 ranks higher") : QByteArray();
    const Response keepalive = m_protocol->handle(request("POST", url + "/keepalive/", "t1"));
    QCOMPARE(keepalive.status, 200);
    QCOMPARE(keepalive.header("X-Bittern-Vacate"), expected);
    const Response step
            = m_protocol->handle(request("POST", url + "/steps/", "t1", stepResult("checkout")));
    QCOMPARE(step.status, 201);
    QCOMPARE(step.header("X-Bittern-Vacate"), expected);
    // Never on an error answer.
    QCOMPARE(m_protocol->handle(request("POST", url + "/keepalive/", "t9"))
                     .header("X-Bittern-Vacate"),
             QByteArray());
}

QTEST_GUILESS_MAIN(tst_PreemptionProtocol)
#include "tst_preemptionprotocol.moc"
