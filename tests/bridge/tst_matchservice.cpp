// SPDX-License-Identifier: GPL-3.0-or-later
// Bridge::MatchService and the store's matchmaking data (issue 8): real SqlStores (SQLite in a
// temporary directory; the store round trip also on PostgreSQL), polls answered through the
// service, event matching, the periodic pass's reservations, and Bitten rules matched through
// the store exactly as the scheduler's PlatformMatcher does.
#include <QtTest>

#include "bridge/matchmaker/explain.h"
#include "bridge/matchmaker/matchservice.h"
#include "bridge/matchmaker/storeads.h"
#include "bridge/scheduler/platformmatcher.h"
#include "bridge/store/sqlstore.h"
#include "bridge/whycommand.h"
#include "core/classadevaluator.h"
#include "tests/bridge/matchtestsupport.h"
#include "tests/bridge/storetestsupport.h"

using namespace Bridge;

namespace {

constexpr qint64 now = 1800000000;

/// One agent of a scenario: its name, its properties and the ad it sends ("" = none).
struct TestAgent
{
    QString name;
    QVector<QPair<QString, QString>> properties;
    QString ad;
};

SlaveInfo slaveOf(const TestAgent &agent)
{
    SlaveInfo slave;
    slave.name = agent.name;
    slave.set("name", agent.name);
    slave.set("token", "tok-" + agent.name);
    for (const auto &property : agent.properties)
        slave.set(property.first, property.second);
    return slave;
}

std::optional<Core::ClassAd> adOf(const TestAgent &agent)
{
    if (agent.ad.isEmpty())
        return std::nullopt;
    return Core::ClassAd::parse(agent.ad).value();
}

} // namespace

Q_DECLARE_METATYPE(TestAgent)
Q_DECLARE_METATYPE(PlatformRule)

/// Tests Bridge::MatchService with a real SqlStore.
class tst_MatchService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void storeRoundTrip_data();
    void storeRoundTrip();
    void pollMatching_data();
    void pollMatching();
    void queuedBuildIsReserved();
    void periodicPassReserves_data();
    void periodicPassReserves();
    void equalClaimTakesReservedBuild();
    void obsoleteBuildsDeleted();
    void bittenRulesThroughStore_data();
    void bittenRulesThroughStore();
    void whyReadsStoredAds();

private:
    qint64 addPlatform(const QString &config, const QString &name,
                       const QVector<PlatformRule> &rules = {},
                       const MatchExpressions &expressions = {});
    qint64 queue(const QString &config, qint64 platform, const QString &revision,
                 qint64 revisionTime);
    std::optional<Build> poll(MatchService &service, const TestAgent &agent);

    StoreBackends m_backends;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqlStore> m_store;
};

void tst_MatchService::initTestCase()
{
    m_backends.start();
}

void tst_MatchService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto store = SqlStore::open("sqlite:" + m_dir->filePath("bridge.db"));
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    m_store = std::move(store).value();
    QVERIFY(addConfigurations(*m_store, {"trunk", "docs"}));
}

void tst_MatchService::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

qint64 tst_MatchService::addPlatform(const QString &config, const QString &name,
                                     const QVector<PlatformRule> &rules,
                                     const MatchExpressions &expressions)
{
    const auto id = m_store->savePlatform(TargetPlatform{0, config, name, rules});
    if (!id)
        return 0;
    if (!expressions.isEmpty() && !m_store->setPlatformMatch(id.value(), expressions))
        return 0;
    return id.value();
}

qint64 tst_MatchService::queue(const QString &config, qint64 platform, const QString &revision,
                               qint64 revisionTime)
{
    return queueBuild(*m_store, config, platform, revision, revisionTime);
}

std::optional<Build> tst_MatchService::poll(MatchService &service, const TestAgent &agent)
{
    return assignedBuild(service, slaveOf(agent), adOf(agent));
}

void tst_MatchService::storeRoundTrip_data()
{
    StoreBackends::addColumn();
    StoreBackends::addRows();
}

void tst_MatchService::storeRoundTrip()
{
    QFETCH(QString, backend);
    if (const QString why = m_backends.unavailable(backend); !why.isEmpty()) {
        QTest::qSkip(qPrintable(why), __FILE__, __LINE__); // QSKIP(x) warns in Qt 5
        return;
    }
    std::unique_ptr<SqlStore> store = m_backends.open(backend);
    QVERIFY(store);
    Configuration config;
    config.name = "trunk";
    QVERIFY(store->saveConfiguration(config));
    const qint64 platform = store->savePlatform(TargetPlatform{0, "trunk", "linux", {}}).value();
    QVERIFY(store->setConfigurationMatch("trunk", {"TARGET.Cpus >= 4", "TARGET.Memory"}));
    QVERIFY(store->setPlatformMatch(platform, {"TARGET.os == \"Linux\"", ""}));
    const MatchPolicies policies = store->matchPolicies().value();
    QCOMPARE(policies.configurations.value("trunk"),
             (MatchExpressions{"TARGET.Cpus >= 4", "TARGET.Memory"}));
    QCOMPARE(policies.platforms.value(platform), (MatchExpressions{"TARGET.os == \"Linux\"", ""}));
    // Saving the configuration or platform again keeps the expressions.
    QVERIFY(store->saveConfiguration(config));
    QVERIFY(store->savePlatform(TargetPlatform{platform, "trunk", "linux", {{"os", "L"}}}));
    QCOMPARE(store->matchPolicies().value().platforms.size(), 1);
    QCOMPARE(store->matchPolicies().value().configurations.size(), 1);

    const auto missingConfig = store->setConfigurationMatch("nope", {"true", ""});
    QVERIFY(!missingConfig);
    QCOMPARE(missingConfig.error().code, Core::ErrorCode::NotFound);
    QCOMPARE(missingConfig.error().message, QString("No such configuration 'nope'."));
    const auto missingPlatform = store->setPlatformMatch(platform + 100, {"true", ""});
    QVERIFY(!missingPlatform);
    QCOMPARE(missingPlatform.error().message,
             QString("No such target platform (%1).").arg(platform + 100));

    QVERIFY(store->saveMachineAd("a1", "Name = \"a1\"\nCpus = 8"));
    QVERIFY(store->saveAgent(Agent{"a1", {{"os", "Linux"}}, 10, 20, 0}));
    QVERIFY(store->saveMachineAd("a2", ""));
    QCOMPARE(store->machineAds().value(),
             (QHash<QString, QString>{{"a1", "Name = \"a1\"\nCpus = 8"}}));
    QCOMPARE(store->agents().value().size(), 2);
    QCOMPARE(store->agents().value().at(0).properties.size(), 1); // saveAgent kept the ad
}

void tst_MatchService::pollMatching_data()
{
    QTest::addColumn<QString>("platformRequirements");
    QTest::addColumn<QString>("config");
    QTest::addColumn<QVector<TestAgent>>("agents"); // poll in this order
    QTest::addColumn<QString>("expected"); // the agent that gets the build; "" = none

    const TestAgent small{
            "small", {{"os", "Linux"}}, "Name = \"small\"\nMemory = 2048\nRequirements = true"};
    const TestAgent big{
            "big", {{"os", "Linux"}}, "Name = \"big\"\nMemory = 16384\nRequirements = true"};
    QTest::addRow("platform requirements only the second agent satisfies")
            << "TARGET.Memory >= 8192"
            << "trunk" << QVector<TestAgent>{small, big} << "big";
    QTest::addRow("platform requirements the first agent satisfies")
            << "TARGET.Memory >= 8192"
            << "trunk" << QVector<TestAgent>{big, small} << "big";
    QTest::addRow("no agent satisfies the platform")
            << "TARGET.Memory >= 65536"
            << "trunk" << QVector<TestAgent>{small, big} << "";
    const TestAgent picky{
            "picky", {}, "Name = \"picky\"\nRequirements = TARGET.Config == \"docs\""};
    QTest::addRow("the agent's own requirements refuse the build")
            << ""
            << "trunk" << QVector<TestAgent>{picky} << "";
    QTest::addRow("the agent's own requirements accept the build")
            << ""
            << "docs" << QVector<TestAgent>{picky} << "picky";
    const TestAgent owner{"owner", {}, "Name = \"owner\"\nRequirements = false"};
    QTest::addRow("an agent whose owner policy forbids starting")
            << ""
            << "trunk" << QVector<TestAgent>{owner} << "";
    const TestAgent plain{"plain", {{"os", "Linux"}, {"machine", "x86_64"}}, ""};
    QTest::addRow("a plain Bitten slave without an ad")
            << "regexp(\"^lin\", TARGET.os, \"i\")"
            << "trunk" << QVector<TestAgent>{plain} << "plain";
    QTest::addRow("a plain Bitten slave has no Memory attribute")
            << "TARGET.Memory >= 1"
            << "trunk" << QVector<TestAgent>{plain} << "";
    const TestAgent stale{
            "stale", {{"os", "Linux"}}, "Name = \"stale\"\nos = \"\"\nRequirements = true"};
    QTest::addRow("registration properties complete and win over the ad")
            << "TARGET.os == \"Linux\" && TARGET.ipnr =?= \"10.0.0.1\""
            << "trunk"
            << QVector<TestAgent>{{"stale", {{"os", "Linux"}, {"ipnr", "10.0.0.1"}}, stale.ad}}
            << "stale";
}

void tst_MatchService::pollMatching()
{
    QFETCH(QString, platformRequirements);
    QFETCH(QString, config);
    QFETCH(QVector<TestAgent>, agents);
    QFETCH(QString, expected);
    const qint64 platform = addPlatform(config, "p", {}, {platformRequirements, ""});
    QVERIFY(platform != 0);
    const qint64 id = queue(config, platform, "10", now - 100);
    QVERIFY(id != 0);
    MatchServiceSettings settings;
    settings.clock = [] { return now; };
    MatchService service(*m_store, settings);
    QString got;
    for (const TestAgent &agent : agents) {
        const std::optional<Build> build = poll(service, agent);
        if (build) {
            QVERIFY2(got.isEmpty(), "the build was assigned twice");
            QCOMPARE(build->id, id);
            got = agent.name;
        }
    }
    QCOMPARE(got, expected);
    QCOMPARE(m_store->build(id).value().status,
             expected.isEmpty() ? BuildStatus::Pending : BuildStatus::InProgress);
    // Each poll recorded the agent and the ad it sent.
    QCOMPARE(m_store->agents().value().size(), agents.size());
}

void tst_MatchService::queuedBuildIsReserved()
{
    // Both agents are idle when the build is queued; the build's rank prefers "fast", so the
    // queue event reserves it for "fast": "slow" polls first and gets nothing.
    const qint64 platform = addPlatform("trunk", "p", {}, {"", "TARGET.Name == \"fast\""});
    MatchServiceSettings settings;
    settings.clock = [] { return now; };
    MatchService service(*m_store, settings);
    const TestAgent slow{"slow", {}, "Name = \"slow\"\nRequirements = true"};
    const TestAgent fast{"fast", {}, "Name = \"fast\"\nRequirements = true"};
    QVERIFY(!poll(service, slow));
    QVERIFY(!poll(service, fast));
    QCOMPARE(service.idleAgentCount(), 2);
    const qint64 id = queue("trunk", platform, "10", now);
    QVERIFY(service.buildsQueued());
    QCOMPARE(service.reservations().value("fast").buildId, id);
    QCOMPARE(service.reservations().value("fast").jobRank, 1.0);
    QVERIFY(!poll(service, slow));
    const auto build = poll(service, fast);
    QVERIFY(build);
    QCOMPARE(build->id, id);
    QVERIFY(service.reservations().isEmpty());
}

void tst_MatchService::periodicPassReserves_data()
{
    QTest::addColumn<QString>("rank");
    QTest::addColumn<QString>("reservedFor");
    QTest::addRow("rank picks the bigger agent") << "TARGET.Memory"
                                                 << "big";
    QTest::addRow("rank picks the smaller agent") << "-TARGET.Memory"
                                                  << "small";
}

void tst_MatchService::periodicPassReserves()
{
    QFETCH(QString, rank);
    QFETCH(QString, reservedFor);
    const qint64 platform = addPlatform("trunk", "p", {}, {"TARGET.Memory >= 1024", rank});
    MatchServiceSettings settings;
    settings.clock = [] { return now; };
    settings.passInterval = 1;
    MatchService service(*m_store, settings);
    const TestAgent small{"small", {}, "Name = \"small\"\nMemory = 2048\nRequirements = true"};
    const TestAgent big{"big", {}, "Name = \"big\"\nMemory = 16384\nRequirements = true"};
    const TestAgent tiny{"tiny", {}, "Name = \"tiny\"\nMemory = 512\nRequirements = true"};
    for (const TestAgent &agent : {small, big, tiny})
        QVERIFY(!poll(service, agent));
    const qint64 id = queue("trunk", platform, "10", now);
    // The timer's pass (1 s) reserves the build.
    QSignalSpy passes(&service, &MatchService::passFinished);
    service.start();
    QVERIFY(passes.wait(5000));
    service.stop();
    QCOMPARE(passes.first().first().toInt(), 1);
    QCOMPARE(service.reservations().size(), 1);
    QCOMPARE(service.reservations().value(reservedFor).buildId, id);
    for (const TestAgent &agent : {small, big, tiny}) {
        const auto build = poll(service, agent);
        QCOMPARE(bool(build), agent.name == reservedFor);
    }
}

void tst_MatchService::equalClaimTakesReservedBuild()
{
    // No rank: a reservation does not hold the build against an equally good poller, so
    // whoever polls first gets it, as with Bitten.
    const qint64 platform = addPlatform("trunk", "p");
    MatchServiceSettings settings;
    settings.clock = [] { return now; };
    MatchService service(*m_store, settings);
    const TestAgent a{"a", {}, "Name = \"a\"\nRequirements = true"};
    const TestAgent b{"b", {}, "Name = \"b\"\nRequirements = true"};
    QVERIFY(!poll(service, a));
    QVERIFY(!poll(service, b));
    const qint64 id = queue("trunk", platform, "10", now);
    const auto pass = service.runPass();
    QVERIFY(pass);
    QCOMPARE(pass.value().size(), 1);
    QCOMPARE(pass.value().first().agent, QString("a")); // ties: by agent name
    const auto build = poll(service, b);
    QVERIFY(build);
    QCOMPARE(build->id, id);
    QVERIFY(service.reservations().isEmpty());
}

void tst_MatchService::obsoleteBuildsDeleted()
{
    // Bitten's queue rule stays: a pending build with a newer one of the same configuration
    // and platform is deleted when the walk passes it.
    const qint64 platform = addPlatform("trunk", "p");
    const qint64 newer = queue("trunk", platform, "11", now - 10);
    const qint64 older = queue("trunk", platform, "10", now - 20);
    MatchServiceSettings settings;
    settings.clock = [] { return now; };
    MatchService service(*m_store, settings);
    const TestAgent a{"a", {}, "Name = \"a\"\nRequirements = true"};
    const auto first = poll(service, a);
    QVERIFY(first);
    QCOMPARE(first->id, newer);
    QVERIFY(!poll(service, a));
    QCOMPARE(m_store->build(older).error().code, Core::ErrorCode::NotFound);
}

void tst_MatchService::bittenRulesThroughStore_data()
{
    QTest::addColumn<QVector<PlatformRule>>("rules");
    QVector<QVector<PlatformRule>> platforms = {
            {},
            {{"os", "linux"}},
            {{"os", "^Linux$"}},
            {{"os", "Lin"}, {"machine", "x86"}},
            {{"machine", "x86_64"}},
            {{"processor", ".*"}},
            {{"family", "posix"}, {"python.version", "2\\.[67]"}},
            {{"os", "Lin(ux"}},
            {{"name", "agent-[12]"}},
            {{"ipnr", "10\\."}},
            {{"java.home", ""}},
            {{"os", "darwin|linux"}},
    };
    for (int i = 0; i < platforms.size(); ++i)
        QTest::addRow("platform %d", i) << platforms.at(i);
}

void tst_MatchService::bittenRulesThroughStore()
{
    // The importers store Bitten's rules as they are; the store's job ad (StoreAds) turns them
    // into requirements that match exactly the slaves the scheduler's PlatformMatcher matches.
    QFETCH(QVector<PlatformRule>, rules);
    const qint64 platform = addPlatform("trunk", "imported", rules);
    QVERIFY(platform != 0);
    const qint64 id = queue("trunk", platform, "1", now);
    const MatchCatalog catalog = StoreAds::loadCatalog(*m_store).value();
    const auto job = StoreAds::jobAd(m_store->build(id).value(), catalog);
    QVERIFY2(job, qPrintable(job ? QString() : job.error().message));
    const QVector<QVector<QPair<QString, QString>>> slaves = {
            {{"os", "Linux"},
             {"family", "posix"},
             {"machine", "x86_64"},
             {"processor", ""},
             {"ipnr", "10.1.2.3"},
             {"python.version", "2.7.18"}},
            {{"os", "Darwin"},
             {"family", "posix"},
             {"machine", "arm64"},
             {"processor", "arm"},
             {"ipnr", "192.168.0.2"},
             {"java.home", "/usr/lib/jvm"}},
            {{"os", "linux"}, {"machine", "x86"}, {"python.version", "3.11"}},
            {},
    };
    int index = 0;
    for (const auto &properties : slaves) {
        SlaveInfo slave;
        slave.name = QStringLiteral("agent-%1").arg(++index);
        slave.set("name", slave.name);
        for (const auto &property : properties)
            slave.set(property.first, property.second);
        const TargetPlatform stored = catalog.platforms.value(platform);
        QCOMPARE(stored.rules, rules);
        const bool bitten = PlatformMatcher::matches(stored, slave, Qt::CaseInsensitive);
        const Core::ClassAd machine = StoreAds::machineAd(slave, std::nullopt);
        QVERIFY2(Core::ClassAdEvaluator::matches(job.value(), machine) == bitten,
                 qPrintable(slave.name + ": " + job.value().toString()));
    }
}

void tst_MatchService::whyReadsStoredAds()
{
    // After polls, `bittern why --db` reads what the service matched with: the stored
    // requirements and the machine ads the agents sent (a plain slave's from its properties).
    const qint64 platform
            = addPlatform("trunk", "p", {{"os", "linux"}}, {"TARGET.Memory >= 8192", ""});
    const qint64 id = queue("trunk", platform, "10", now);
    MatchServiceSettings settings;
    settings.clock = [] { return now; };
    MatchService service(*m_store, settings);
    QVERIFY(!poll(service, {"small", {{"os", "Linux"}}, "Memory = 2048\nRequirements = true"}));
    QVERIFY(!poll(service, {"plain", {{"os", "Linux"}}, ""}));
    QVERIFY(!poll(service, {"picky", {{"os", "Linux"}}, "Memory = 9000\nRequirements = false"}));
    QCOMPARE(m_store->machineAds().value().keys().size(), 2);
    const auto inputs = WhyCommand::readStore(*m_store, id);
    QVERIFY2(inputs, qPrintable(inputs ? QString() : inputs.error().message));
    const Explanation explanation
            = Explain::analyse(inputs.value().job, inputs.value().agents, now);
    QCOMPARE(explanation.agents.size(), 3);
    QCOMPARE(explanation.matching, 0);
    QCOMPARE(explanation.clauses.size(), 2); // the platform's requirements, then its rule
    QCOMPARE(explanation.clauses.at(0).satisfied, 1); // picky's Memory
    QCOMPARE(explanation.clauses.at(1).satisfied, 3); // all are Linux
    const QString text = Explain::format(explanation);
    QVERIFY2(text.contains("picky  build requirements hold; agent requirements are false"),
             qPrintable(text));
}

QTEST_GUILESS_MAIN(tst_MatchService)
#include "tst_matchservice.moc"
