// SPDX-License-Identifier: GPL-3.0-or-later
// Bridge::MatchService between polls (issue 8, issue 7 item 11): the service keeps its catalog
// and queue and re-reads them only when the store's generations move — writes through the same
// store, another connection's commits (another process: `bittern build`, `bittern match`) —
// and rank preemption (issue 8 item 5) answered through VacateRequest, the way the keepalive
// and step controllers answer it. Real SqlStores (SQLite files in a temporary directory).
#include <QtTest>

#include "bridge/matchmaker/matchservice.h"
#include "bridge/protocol/vacaterequest.h"
#include "bridge/store/sqlstore.h"
#include "tests/bridge/matchtestsupport.h"

using namespace Bridge;

namespace {

constexpr qint64 now = 1800000000;

SlaveInfo slaveNamed(const QString &name)
{
    SlaveInfo slave;
    slave.name = name;
    slave.set("name", name);
    slave.set("token", "tok-" + name);
    return slave;
}

Core::ClassAd adOf(const QString &text)
{
    return Core::ClassAd::parse(text).value();
}

} // namespace

Q_DECLARE_METATYPE(std::optional<double>)

/// Tests Bridge::MatchService's incremental updates and rank preemption with real stores.
class tst_MatchServiceEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void changesAreSeen_data();
    void changesAreSeen();
    void addedBuildMakesOlderObsolete_data();
    void addedBuildMakesOlderObsolete();
    void rankPreemption_data();
    void rankPreemption();

private:
    qint64 addPlatform(SqlStore &store, const QString &config, const QString &rank);
    static std::optional<Build> poll(MatchService &service, const QString &name, const QString &ad);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqlStore> m_store; ///< the service's connection
    std::unique_ptr<SqlStore> m_other; ///< another connection to the same file
};

void tst_MatchServiceEvents::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    for (auto *store : {&m_store, &m_other}) {
        auto opened = SqlStore::open("sqlite:" + m_dir->filePath("bridge.db"));
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        *store = std::move(opened).value();
    }
    QVERIFY(addConfigurations(*m_store, {"trunk", "docs"}));
}

void tst_MatchServiceEvents::cleanup()
{
    m_other.reset();
    m_store.reset();
    m_dir.reset();
}

qint64 tst_MatchServiceEvents::addPlatform(SqlStore &store, const QString &config,
                                           const QString &rank)
{
    const auto id = store.savePlatform(TargetPlatform{0, config, "p-" + config, {}});
    if (!id || (!rank.isEmpty() && !store.setPlatformMatch(id.value(), {"", rank})))
        return 0;
    return id.value();
}

std::optional<Build> tst_MatchServiceEvents::poll(MatchService &service, const QString &name,
                                                  const QString &ad)
{
    return assignedBuild(service, slaveNamed(name), adOf(ad));
}

void tst_MatchServiceEvents::changesAreSeen_data()
{
    QTest::addColumn<bool>("otherConnection");
    QTest::addColumn<QString>("change"); // what happens between two polls
    QTest::addColumn<bool>("expectBuild"); // whether the second poll gets the build

    for (const bool other : {false, true}) {
        const QString where = other ? "another connection" : "the same store";
        QTest::addRow("build queued through %s", qPrintable(where)) << other << "queue" << true;
        QTest::addRow("platform requirements refuse, through %s", qPrintable(where))
                << other << "refuse" << false;
        QTest::addRow("configuration deactivated through %s", qPrintable(where))
                << other << "deactivate" << false;
        QTest::addRow("pending build deleted through %s", qPrintable(where))
                << other << "delete" << false;
        QTest::addRow("build requested through %s", qPrintable(where))
                << other << "request" << true;
    }
}

void tst_MatchServiceEvents::changesAreSeen()
{
    QFETCH(bool, otherConnection);
    QFETCH(QString, change);
    QFETCH(bool, expectBuild);
    SqlStore &writer = otherConnection ? *m_other : *m_store;
    const qint64 platform = addPlatform(*m_store, "trunk", "");
    QVERIFY(platform != 0);
    const qint64 queued = change == "queue" || change == "request"
            ? 0
            : queueBuild(*m_store, "trunk", platform, "10", now - 100);
    MatchServiceSettings settings;
    settings.clock = [] { return now; };
    MatchService service(*m_store, settings);
    const QString ad = "Name = \"a\"\nRequirements = TARGET.Config == \"nothing\"";
    QVERIFY(!poll(service, "a", ad)); // the service now caches catalog and queue
    if (change == "queue") {
        QVERIFY(queueBuild(writer, "trunk", platform, "11", now - 100) != 0);
    } else if (change == "request") {
        BuildRequest request;
        request.requestId = "r1";
        request.config = "trunk";
        request.revision = "12";
        request.revisionTime = now - 50;
        request.created = now;
        QVERIFY(writer.requestBuild(request));
    } else if (change == "refuse") {
        QVERIFY(writer.setPlatformMatch(platform, {"false", ""}));
    } else if (change == "deactivate") {
        Configuration config = writer.configuration("trunk").value();
        config.active = false;
        QVERIFY(writer.saveConfiguration(config));
    } else if (change == "delete") {
        QVERIFY(writer.removeBuild(queued));
    }
    const std::optional<Build> got = poll(service, "a", "Name = \"a\"\nRequirements = true");
    QCOMPARE(bool(got), expectBuild);
    if (got)
        QCOMPARE(got->config, QString("trunk"));
    if (change == "refuse")
        QCOMPARE(m_store->build(queued).value().status, BuildStatus::Pending);
}

void tst_MatchServiceEvents::addedBuildMakesOlderObsolete_data()
{
    QTest::addColumn<bool>("otherConnection");
    QTest::addRow("newer build queued through the same store") << false;
    QTest::addRow("newer build queued through another connection") << true;
}

void tst_MatchServiceEvents::addedBuildMakesOlderObsolete()
{
    // Bitten's queue rule (§7.3 step 3) after an incremental read: the service had checked
    // that r10 is not obsolete; a newer build of the same configuration and platform makes it
    // so, and it is deleted instead of handed out.
    QFETCH(bool, otherConnection);
    const qint64 platform = addPlatform(*m_store, "trunk", "");
    const qint64 older = queueBuild(*m_store, "trunk", platform, "10", now - 100);
    MatchServiceSettings settings;
    settings.clock = [] { return now; };
    MatchService service(*m_store, settings);
    const QString refuse = "Name = \"a\"\nRequirements = TARGET.Config == \"nothing\"";
    const QString accept = "Name = \"a\"\nRequirements = true";
    QVERIFY(!poll(service, "a", refuse)); // walks the queue: r10 is not obsolete (yet)
    QCOMPARE(m_store->build(older).value().status, BuildStatus::Pending);
    const qint64 newer
            = queueBuild(otherConnection ? *m_other : *m_store, "trunk", platform, "11", now - 50);
    const std::optional<Build> first = poll(service, "a", accept);
    QVERIFY(first);
    QCOMPARE(first->id, newer);
    QVERIFY(!poll(service, "b", accept));
    QVERIFY(!m_store->build(older)); // deleted as Bitten does
}

void tst_MatchServiceEvents::rankPreemption_data()
{
    QTest::addColumn<std::optional<double>>("margin");
    QTest::addColumn<bool>("idleAgentFits"); // another agent is idle and matches the waiting build
    QTest::addColumn<bool>("expectVacate");

    QTest::addRow("rank 50 against 1 with margin 10: vacate")
            << std::optional<double>(10.0) << false << true;
    QTest::addRow("rank 50 against 1 with margin 49: vacate (at least the margin)")
            << std::optional<double>(49.0) << false << true;
    QTest::addRow("rank 50 against 1 with margin 60: keep running")
            << std::optional<double>(60.0) << false << false;
    QTest::addRow("no margin configured: never") << std::optional<double>() << false << false;
    QTest::addRow("an idle agent can take the waiting build: keep running")
            << std::optional<double>(10.0) << true << false;
}

void tst_MatchServiceEvents::rankPreemption()
{
    QFETCH(std::optional<double>, margin);
    QFETCH(bool, idleAgentFits);
    QFETCH(bool, expectVacate);
    const qint64 docs = addPlatform(*m_store, "docs", "1");
    const qint64 trunk = addPlatform(*m_store, "trunk", "TARGET.Speed");
    QVERIFY(docs != 0 && trunk != 0);
    MatchServiceSettings settings;
    settings.clock = [] { return now; };
    settings.slaveTimeout = 600;
    settings.preemptRankMargin = margin;
    MatchService service(*m_store, settings);
    ProtocolContext context;
    context.store = m_store.get();
    context.vacateCheck = [&service](qint64 build) { return service.vacateReason(build); };
    const QString fast = "Name = \"fast\"\nSpeed = 50\nRequirements = true";
    const QString idle = QString("Name = \"idle\"\nSpeed = 5\nRequirements = %1")
                                 .arg(idleAgentFits ? "true" : "TARGET.Config == \"none\"");
    QVERIFY(!poll(service, "idle", idle));
    const qint64 running = queueBuild(*m_store, "docs", docs, "1", now - 100);
    const std::optional<Build> first = poll(service, "fast", fast);
    QVERIFY(first);
    QCOMPARE(first->id, running);
    Response answer = Response::empty(200);
    VacateRequest::apply(context, running, &answer);
    QVERIFY(answer.header(VacateRequest::header).isEmpty()); // nothing waits yet
    const qint64 waiting
            = queueBuild(*m_other, "trunk", trunk, "2", now - 100); // e.g. `bittern build`
    VacateRequest::apply(context, running, &answer);
    QCOMPARE(!answer.header(VacateRequest::header).isEmpty(), expectVacate);
    if (!expectVacate)
        return;
    QCOMPARE(answer.header(VacateRequest::header),
             QString("build %1 ranks this agent 50, build %2 only 1")
                     .arg(waiting)
                     .arg(running)
                     .toLatin1());
    QCOMPARE(service.reservations().value("fast").buildId, waiting);
    // The agent vacates; the bridge requeues the build (here: as an orphan); the agent's next
    // poll gets the better-ranked build, not its old one back.
    QCOMPARE(m_store->resetOrphanedBuilds(now + 3600, 600).value().builds,
             QVector<qint64>{running});
    const std::optional<Build> next = poll(service, "fast", fast);
    QVERIFY(next);
    QCOMPARE(next->id, waiting);
    QCOMPARE(m_store->build(running).value().status, BuildStatus::Pending);
    Response later = Response::empty(200);
    VacateRequest::apply(context, waiting, &later);
    QVERIFY(later.header(VacateRequest::header).isEmpty()); // the old build ranks lower
}

QTEST_GUILESS_MAIN(tst_MatchServiceEvents)
#include "tst_matchserviceevents.moc"
