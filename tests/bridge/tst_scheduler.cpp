// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "bridge/scheduler/scheduler.h"
#include "tests/bridge/storetestsupport.h"

using namespace Bridge;

namespace {

QVector<RevisionEntry> history()
{
    return {{"3", 300, "trunk", false}, {"2", 200, "trunk", false}, {"1", 100, "trunk", false}};
}

SlaveInfo slave(const QString &name, const QString &os)
{
    SlaveInfo info;
    info.name = name;
    info.properties = {{"name", name}, {"os", os}, {"token", name + "-token"}};
    return info;
}

} // namespace

/** Scheduler: Bitten's queue rules applied to a real store (bitten-spec §5.9, §7.2–7.3). */
class tst_Scheduler : public QObject
{
    Q_OBJECT

private:
    StoreBackends m_backends;

    static bool setUp(Store &store)
    {
        Configuration config;
        config.name = "cfg";
        config.path = "trunk";
        config.active = true;
        config.recipe = "<build><step id=\"s\"/></build>";
        return store.saveConfiguration(config)
                && store.savePlatform(TargetPlatform{0, "cfg", "linux", {{"os", "Linux"}}})
                && store.savePlatform(TargetPlatform{0, "cfg", "any", {}});
    }

private Q_SLOTS:
    void initTestCase() { m_backends.start(); }

    void populatesAndAssigns_data()
    {
        StoreBackends::addColumn();
        StoreBackends::addRows();
    }
    void populatesAndAssigns()
    {
        QFETCH(QString, backend);
        if (!m_backends.unavailable(backend).isEmpty()) {
            QTest::qSkip(qPrintable(m_backends.unavailable(backend)), __FILE__, __LINE__);
            return;
        }
        auto store = m_backends.open(backend);
        QVERIFY(store && setUp(*store));
        QueueSettings settings;
        settings.slaveTimeout = 100;
        Scheduler scheduler(*store, settings);
        QCOMPARE(scheduler.populate("cfg", history(), 1000).value(), 2); // r3 on both platforms
        QCOMPARE(scheduler.populate("cfg", history(), 1000).value(), 0); // nothing twice
        // A Windows slave matches only "any"; one build per poll.
        const auto windows = scheduler.assign(slave("win", "Windows"), 1000);
        QVERIFY2(windows, windows ? "" : qPrintable(windows.error().message));
        QVERIFY(windows.value().build);
        QCOMPARE(store->platforms("cfg").value().at(1).id, windows.value().build->platform);
        QCOMPARE(windows.value().build->status, BuildStatus::InProgress);
        QVERIFY(store->startBuild(windows.value().build->id, "win-token", 1000));
        const auto linux = scheduler.assign(slave("lnx", "Linux"), 1000);
        QVERIFY(linux.value().build);
        QCOMPARE(linux.value().build->revision, QString("3"));
        QVERIFY(store->startBuild(linux.value().build->id, "lnx-token", 1000));
        QVERIFY(!scheduler.assign(slave("lnx2", "Linux"), 1099).value().build); // 204
        // Idle for the slave timeout: both are orphaned, reset and handed out again.
        const auto again = scheduler.assign(slave("lnx2", "Linux"), 1100);
        QVERIFY(again.value().build);
        QCOMPARE(again.value().build->slave, QString("lnx2"));
        QCOMPARE(store->pendingBuilds().value().size(), 1);
        // Deviation from the §5.9 quirk: assignment counts as activity, so the next poll does
        // not orphan a build whose slave has not sent its GET yet; it takes the other build.
        const auto next = scheduler.assign(slave("lnx3", "Linux"), 1100);
        QVERIFY(next.value().build);
        QVERIFY(next.value().build->id != again.value().build->id);
        QCOMPARE(store->build(again.value().build->id).value().slave, QString("lnx2"));
        QCOMPARE(store->pendingBuilds().value().size(), 0);
    }

    void deletesObsoleteBuilds_data()
    {
        StoreBackends::addColumn();
        StoreBackends::addRows();
    }
    void deletesObsoleteBuilds()
    {
        QFETCH(QString, backend);
        if (!m_backends.unavailable(backend).isEmpty()) {
            QTest::qSkip(qPrintable(m_backends.unavailable(backend)), __FILE__, __LINE__);
            return;
        }
        auto store = m_backends.open(backend);
        QVERIFY(store && setUp(*store));
        QueueSettings settings;
        settings.buildAll = true;
        Scheduler all(*store, settings);
        QCOMPARE(all.populate("cfg", history(), 1000).value(), 6);
        // Without build_all, older pending builds are obsolete once a newer one exists.
        Scheduler newest(*store, QueueSettings());
        const auto assigned = newest.assign(slave("lnx", "Linux"), 1000);
        QVERIFY(assigned.value().build);
        QCOMPARE(assigned.value().build->revision, QString("3"));
        const auto second = newest.assign(slave("lnx2", "Linux"), 1000);
        QCOMPARE(second.value().build->revision, QString("3")); // the "any" platform's r3
        QVERIFY(!newest.assign(slave("lnx3", "Linux"), 1000).value().build);
        QCOMPARE(store->pendingBuilds().value().size(), 0); // r2 and r1 were deleted
        // An inactive configuration queues nothing.
        Configuration config = store->configuration("cfg").value();
        config.active = false;
        QVERIFY(store->saveConfiguration(config));
        QCOMPARE(newest.populate("cfg", {{"4", 400, "trunk", false}}, 1000).value(), 0);
    }

    void populatesEveryActiveConfiguration()
    {
        auto store = SqlStore::open(":memory:");
        QVERIFY(store && setUp(*store.value()));
        Configuration off;
        off.name = "off";
        off.path = "branches/x";
        QVERIFY(store.value()->saveConfiguration(off));
        QStringList asked;
        Scheduler scheduler(*store.value(), QueueSettings());
        const auto queued = scheduler.populateAll(
                [&](const Configuration &config) -> Core::Result<QVector<RevisionEntry>> {
                    asked += config.name;
                    return history();
                },
                1000);
        QCOMPARE(queued.value(), 2);
        QCOMPARE(asked, QStringList{"cfg"});
        const auto failing = scheduler.populateAll(
                [](const Configuration &) -> Core::Result<QVector<RevisionEntry>> {
                    return Core::makeError(Core::ErrorCode::ReadFailed, "no repository");
                },
                1000);
        QCOMPARE(failing.error().message, QString("no repository"));
    }

    void sameSecondRevisions_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<qint64>("secondTime"); // r "a" is committed at 500
        QTest::addColumn<bool>("firstRunning"); // a's build was handed out before b came
        const auto rows = [](const char *what, qint64 secondTime, bool firstRunning) {
            for (const char *backend : {"sqlite-memory", "postgresql"})
                QTest::addRow("%s: %s", backend, what)
                        << QString(backend) << secondTime << firstRunning;
        };
        rows("two pending builds, one second apart", 501, false);
        rows("two pending builds of the same second", 500, false);
        rows("pending beside a running build, one second apart", 501, true);
        rows("pending beside a running build of the same second", 500, true);
    }
    void sameSecondRevisions()
    {
        QFETCH(QString, backend);
        QFETCH(qint64, secondTime);
        QFETCH(bool, firstRunning);
        if (!m_backends.unavailable(backend).isEmpty()) {
            QTest::qSkip(qPrintable(m_backends.unavailable(backend)), __FILE__, __LINE__);
            return;
        }
        auto store = m_backends.open(backend);
        QVERIFY(store);
        Configuration config;
        config.name = "cfg";
        config.path = "trunk";
        config.active = true;
        QVERIFY(store->saveConfiguration(config));
        QVERIFY(store->savePlatform(TargetPlatform{0, "cfg", "any", {}}));
        Scheduler scheduler(*store, QueueSettings());
        const RevisionEntry a{"a", 500, "trunk", false};
        const RevisionEntry b{"b", secondTime, "trunk", false};
        QCOMPARE(scheduler.populate("cfg", {a}, 1000).value(), 1);
        if (firstRunning) {
            const auto first = scheduler.assign(slave("s1", "Linux"), 1000);
            QVERIFY(first.value().build);
            QCOMPARE(first.value().build->revision, QString("a"));
        }
        // b is the youngest revision of the path (e.g. two git commits in one second).
        QCOMPARE(scheduler.populate("cfg", {b, a}, 1000).value(), 1);
        // Bitten deletes a pending build when another build of the same configuration and
        // platform has rev_time >= its own: in the same second both pending builds would go,
        // and b beside a's build would be re-queued and deleted on every poll, never built.
        const auto next = scheduler.assign(slave("s2", "Linux"), 1000);
        QVERIFY2(next, next ? "" : qPrintable(next.error().message));
        QVERIFY2(next.value().build, "the youngest revision was not handed out");
        QCOMPARE(next.value().build->revision, QString("b"));
        QVERIFY(!scheduler.assign(slave("s3", "Linux"), 1000).value().build); // 204
        QCOMPARE(store->pendingBuilds().value().size(), 0);
        QCOMPARE(store->findBuild("cfg", "a", next.value().build->platform).value().has_value(),
                 firstRunning); // a pending older build is obsolete; a running one stays
        QCOMPARE(scheduler.populate("cfg", {b, a}, 1000).value(), 0); // nothing re-queued
    }

    void ruleCaseSensitivity_data()
    {
        QTest::addColumn<bool>("insensitive");
        QTest::addColumn<bool>("assigned");
        QTest::addRow("0.6: case-sensitive") << false << false;
        QTest::addRow("0.6.1: case-insensitive") << true << true;
    }
    void ruleCaseSensitivity()
    {
        QFETCH(bool, insensitive);
        QFETCH(bool, assigned);
        auto store = SqlStore::open(":memory:");
        QVERIFY(store);
        Configuration config;
        config.name = "cfg";
        config.path = "trunk";
        config.active = true;
        QVERIFY(store.value()->saveConfiguration(config));
        QVERIFY(store.value()->savePlatform(TargetPlatform{0, "cfg", "linux", {{"os", "linux"}}}));
        QueueSettings settings;
        settings.ruleCase = insensitive ? Qt::CaseInsensitive : Qt::CaseSensitive;
        Scheduler scheduler(*store.value(), settings);
        QCOMPARE(scheduler.populate("cfg", history(), 1000).value(), 1);
        QCOMPARE(bool(scheduler.assign(slave("s", "Linux"), 1000).value().build), assigned);
    }
};

QTEST_GUILESS_MAIN(tst_Scheduler)
#include "tst_scheduler.moc"
