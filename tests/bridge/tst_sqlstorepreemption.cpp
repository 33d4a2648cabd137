// SPDX-License-Identifier: GPL-3.0-or-later
// SqlStore::preemptBuild and resumeBuild, and configurations' setup steps (issue 8 item 5), on
// every store backend.
#include <QTest>

#include "bridge/store/sqlstore.h"
#include "tests/bridge/storetestsupport.h"

using namespace Bridge;

namespace {

const char recipeXml[]
        = "<build xmlns:sh=\"http://bitten.edgewall.org/tools/sh\">"
          "<step id=\"checkout\" setup=\"true\"><sh:exec executable=\"true\"/></step>"
          "<step id=\"compile\"><sh:exec executable=\"true\"/></step>"
          "<step id=\"test\"><sh:exec executable=\"true\"/></step>"
          "</build>";

SlaveInfo slave(const QString &name, const QString &token)
{
    SlaveInfo info;
    info.name = name;
    info.set("token", token);
    return info;
}

Core::StepResult stepResult(const QString &step)
{
    Core::StepResult result;
    result.step = step;
    Core::StepLog log;
    log.generator = "http://bitten.edgewall.org/tools/sh#exec";
    log.messages.append(Core::LogMessage{"info", step + " ran"});
    result.logs.append(log);
    return result;
}

} // namespace

class tst_SqlStorePreemption : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { m_backends.start(); }
    void preemptedBuildResumes_data();
    void preemptedBuildResumes();
    void preemptRefusesOtherSteps_data();
    void preemptRefusesOtherSteps();
    void configurationSetupSteps_data();
    void configurationSetupSteps();
    void setupStepErrors_data();
    void setupStepErrors();

private:
    std::unique_ptr<SqlStore> openStore();
    qint64 queueBuild(SqlStore &store);
    StoreBackends m_backends;
};

/// A fresh store of the current row's backend; null when the test was skipped (the backend
/// is unavailable) or has failed, so the caller just returns.
std::unique_ptr<SqlStore> tst_SqlStorePreemption::openStore()
{
    QFETCH(QString, backend);
    if (const QString why = m_backends.unavailable(backend); !why.isEmpty()) {
        QTest::qSkip(qPrintable(why), __FILE__, __LINE__); // QSKIP(x) warns in Qt 5
        return nullptr;
    }
    std::unique_ptr<SqlStore> store = m_backends.open(backend);
    if (!store)
        QTest::qFail(qPrintable("Could not open a " + backend + " store."), __FILE__, __LINE__);
    return store;
}

qint64 tst_SqlStorePreemption::queueBuild(SqlStore &store)
{
    Configuration config;
    config.name = "demo";
    config.active = true;
    config.recipe = recipeXml;
    if (!store.saveConfiguration(config))
        return 0;
    TargetPlatform platform;
    platform.config = "demo";
    platform.name = "any";
    auto platformId = store.savePlatform(platform);
    if (!platformId)
        return 0;
    Build build;
    build.config = "demo";
    build.revision = "7";
    build.platform = platformId.value();
    auto id = store.enqueueBuild(build);
    return id ? id.value() : 0;
}

void tst_SqlStorePreemption::preemptedBuildResumes_data()
{
    StoreBackends::addColumn();
    StoreBackends::addRows();
}

void tst_SqlStorePreemption::preemptedBuildResumes()
{
    const std::unique_ptr<SqlStore> store = openStore();
    if (!store)
        return;
    const qint64 id = queueBuild(*store);
    QVERIFY(id > 0);
    QVERIFY(store->assignBuild(id, slave("one", "t1"), 100));
    QVERIFY(store->startBuild(id, "t1", 100));
    QCOMPARE(store->resumeBuild(id, "t1", 100).value(), QStringList()); // a fresh build
    QVERIFY(store->storeStepResult(id, "t1", stepResult("checkout"), 101));

    QCOMPARE(store->preemptBuild(id, "t1", "compile").value(), 1);
    Build pending = store->build(id).value();
    QCOMPARE(pending.status, BuildStatus::Pending);
    QCOMPARE(pending.slave, QString());
    QCOMPARE(store->buildDetail(id).value().steps.size(), 1); // "checkout" kept
    // The old agent's token owns nothing any more.
    QCOMPARE(store->keepalive(id, "t1", 103).error().code, Core::ErrorCode::Conflict);

    QVERIFY(store->assignBuild(id, slave("two", "t2"), 104));
    QVERIFY(store->startBuild(id, "t2", 104));
    QCOMPARE(store->resumeBuild(id, "t2", 104).value(), QStringList({"checkout"}));
    QCOMPARE(store->resumeBuild(id, "t2", 104).value(), QStringList({"checkout"})); // repeated GET
    const BuildDetail detail = store->buildDetail(id).value();
    QCOMPARE(detail.steps.size(), 2);
    QCOMPARE(detail.steps.at(1).name, QString("compile"));
    QCOMPARE(detail.steps.at(1).status, StepStatus::InProgress);
    // The re-run setup step is acknowledged, not stored again.
    QCOMPARE(store->storeStepResult(id, "t2", stepResult("checkout"), 105).value().kind,
             StepOutcome::Kind::Duplicate);
    QCOMPARE(store->storeStepResult(id, "t2", stepResult("compile"), 106).value().kind,
             StepOutcome::Kind::Stored);
    const StepOutcome last = store->storeStepResult(id, "t2", stepResult("test"), 107).value();
    QCOMPARE(last.kind, StepOutcome::Kind::Completed);
    QCOMPARE(last.buildStatus, BuildStatus::Success);
    const BuildDetail done = store->buildDetail(id).value();
    QCOMPARE(done.steps.size(), 3);
    QCOMPARE(done.logs.size(), 3);
}

void tst_SqlStorePreemption::preemptRefusesOtherSteps_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("step");
    QTest::addColumn<QString>("message");
    QTest::addRow("a finished step") << "sqlite-memory"
                                     << "t1"
                                     << "checkout"
                                     << "Step checkout of build %1 is not in progress.";
    QTest::addRow("a step not started") << "sqlite-memory"
                                        << "t1"
                                        << "test"
                                        << "Step test of build %1 is not in progress.";
    QTest::addRow("another agent's token") << "sqlite-memory"
                                           << "t9"
                                           << "compile"
                                           << "Token mismatch (wrong slave): slave=t9, build=t1";
}

void tst_SqlStorePreemption::preemptRefusesOtherSteps()
{
    QFETCH(QString, backend);
    QFETCH(QString, token);
    QFETCH(QString, step);
    QFETCH(QString, message);
    std::unique_ptr<SqlStore> store = m_backends.open(backend);
    QVERIFY(store);
    const qint64 id = queueBuild(*store);
    QVERIFY(store->assignBuild(id, slave("one", "t1"), 100));
    QVERIFY(store->startBuild(id, "t1", 100));
    QVERIFY(store->storeStepResult(id, "t1", stepResult("checkout"), 101));
    const auto refused = store->preemptBuild(id, token, step);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Core::ErrorCode::Conflict);
    QCOMPARE(refused.error().message, message.contains("%1") ? message.arg(id) : message);
    QCOMPARE(store->build(id).value().status, BuildStatus::InProgress);
}

void tst_SqlStorePreemption::configurationSetupSteps_data()
{
    StoreBackends::addColumn();
    StoreBackends::addRows();
}

// Store::setConfigurationSetupSteps (migration 0004) round-trips through every read of a
// configuration, including the one a starting build gets, and saveConfiguration() keeps it.
void tst_SqlStorePreemption::configurationSetupSteps()
{
    const std::unique_ptr<SqlStore> store = openStore();
    if (!store)
        return;
    const qint64 id = queueBuild(*store);
    QVERIFY(id > 0);
    QCOMPARE(store->configuration("demo").value().setupSteps, QStringList());
    QVERIFY(store->setConfigurationSetupSteps("demo", {"test", "compile", "test"}));
    const QStringList stored{"test", "compile"}; // order kept, duplicate dropped
    QCOMPARE(store->configuration("demo").value().setupSteps, stored);
    QCOMPARE(store->configurations().value().value(0).setupSteps, stored);
    QVERIFY(store->assignBuild(id, slave("one", "t1"), 100));
    QCOMPARE(store->startBuild(id, "t1", 100).value().config.setupSteps, stored);

    Configuration changed = store->configuration("demo").value();
    changed.label = "Demo";
    changed.setupSteps.clear(); // saveConfiguration() leaves the stored list alone
    QVERIFY(store->saveConfiguration(changed));
    QCOMPARE(store->configuration("demo").value().label, QString("Demo"));
    QCOMPARE(store->configuration("demo").value().setupSteps, stored);

    QVERIFY(store->setConfigurationSetupSteps("demo", {}));
    QCOMPARE(store->configuration("demo").value().setupSteps, QStringList());
}

void tst_SqlStorePreemption::setupStepErrors_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::addRow("unknown configuration")
            << "nope" << QStringList({"compile"}) << int(Core::ErrorCode::NotFound)
            << "No such configuration 'nope'.";
    QTest::addRow("empty id") << "demo" << QStringList({"compile", ""})
                              << int(Core::ErrorCode::InvalidArgument)
                              << "A setup step id must not be empty or contain a comma: ''.";
    QTest::addRow("id with a comma")
            << "demo" << QStringList({"compile,test"}) << int(Core::ErrorCode::InvalidArgument)
            << "A setup step id must not be empty or contain a comma: 'compile,test'.";
}

void tst_SqlStorePreemption::setupStepErrors()
{
    QFETCH(QString, config);
    QFETCH(QStringList, steps);
    QFETCH(int, code);
    QFETCH(QString, message);
    std::unique_ptr<SqlStore> store = m_backends.open("sqlite-memory");
    QVERIFY(store);
    QVERIFY(queueBuild(*store) > 0);
    QVERIFY(store->setConfigurationSetupSteps("demo", {"checkout"}));
    const auto refused = store->setConfigurationSetupSteps(config, steps);
    QVERIFY(!refused);
    QCOMPARE(int(refused.error().code), code);
    QCOMPARE(refused.error().message, message);
    QCOMPARE(store->configuration("demo").value().setupSteps, QStringList({"checkout"}));
}

QTEST_GUILESS_MAIN(tst_SqlStorePreemption)
#include "tst_sqlstorepreemption.moc"
