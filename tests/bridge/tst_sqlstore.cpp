// SPDX-License-Identifier: GPL-3.0-or-later
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "bridge/store/sqlstore.h"
#include "tests/bridge/storetestsupport.h"
#include "tests/testlib/skiptest.h"

using namespace Bridge;

namespace {

const char *recipe = "<build xmlns:sh=\"http://bitten.edgewall.org/tools/sh\">"
                     "<step id=\"one\" onerror=\"fail\"><sh:exec executable=\"true\"/></step>"
                     "<step id=\"two\" onerror=\"continue\"><sh:exec executable=\"true\"/></step>"
                     "<step id=\"three\" onerror=\"ignore\"><sh:exec executable=\"true\"/></step>"
                     "</build>";

Core::StepResult stepResult(const QString &step, bool failed = false)
{
    Core::StepResult result;
    result.step = step;
    result.status = failed ? Core::StepResult::Status::Failure : Core::StepResult::Status::Success;
    if (failed)
        result.errors += Core::StepError{"sh", "exit 1"};
    return result;
}

SlaveInfo slave(const QString &name, const QString &token)
{
    SlaveInfo info;
    info.name = name;
    info.properties = {{"name", name}, {"ipnr", "127.0.0.1"}, {"token", token}, {"os", "Linux"}};
    return info;
}

} // namespace

// QSKIP with one argument trips -Wgnu-zero-variadic-macro-arguments in Qt 5.
#define OPEN_STORE(store) \
    QFETCH(QString, backend); \
    if (!m_backends.unavailable(backend).isEmpty()) \
        SKIP_TEST(qPrintable(m_backends.unavailable(backend))); \
    std::unique_ptr<SqlStore> store = m_backends.open(backend); \
    QVERIFY(store)

class tst_SqlStore : public QObject
{
    Q_OBJECT

private:
    StoreBackends m_backends;

    /// A configuration "cfg" with one platform; returns the platform id.
    qint64 addConfig(Store &store)
    {
        Configuration config;
        config.name = "cfg";
        config.path = "trunk";
        config.active = true;
        config.recipe = recipe;
        const Core::Result<void> saved = store.saveConfiguration(config);
        if (!saved)
            return failed(saved.error());
        TargetPlatform platform;
        platform.config = "cfg";
        platform.name = "linux";
        platform.rules = {{"os", "Linux"}};
        const Core::Result<qint64> id = store.savePlatform(platform);
        return id ? id.value() : failed(id.error());
    }

    static qint64 failed(const Core::Error &error)
    {
        qWarning("%s", qPrintable(error.message));
        return 0;
    }

    /// A build of cfg@rev assigned to slave "s1" (token "t1") and started at time 100.
    qint64 startedBuild(Store &store, const QString &rev = "10")
    {
        const qint64 platform = addConfig(store);
        Build build;
        build.config = "cfg";
        build.revision = rev;
        build.revisionTime = 50;
        build.platform = platform;
        const Core::Result<qint64> id = store.enqueueBuild(build);
        if (!id)
            return failed(id.error());
        const auto assigned = store.assignBuild(id.value(), slave("s1", "t1"), 100);
        if (!assigned)
            return failed(assigned.error());
        const auto started = store.startBuild(id.value(), "t1", 100);
        if (!started)
            return failed(started.error());
        return id.value();
    }

private Q_SLOTS:
    void initTestCase() { m_backends.start(); }

    void migratesFreshDatabase_data()
    {
        StoreBackends::addColumn();
        StoreBackends::addRows();
    }
    void migratesFreshDatabase()
    {
        OPEN_STORE(store);
        const int latest = SchemaMigrator::builtinMigrations().constLast().version;
        QCOMPARE(store->schemaVersion().value(), latest);
        QVERIFY(latest >= 1);
    }

    void failingMigrationLeavesDatabaseUnchanged_data()
    {
        StoreBackends::addColumn();
        StoreBackends::addRows();
    }
    void failingMigrationLeavesDatabaseUnchanged()
    {
        QFETCH(QString, backend);
        if (!m_backends.unavailable(backend).isEmpty())
            SKIP_TEST(qPrintable(m_backends.unavailable(backend)));
        if (backend == "sqlite-memory")
            SKIP_TEST("An in-memory database does not outlive its store.");
        const QString location = m_backends.freshLocation(backend);
        QVector<Migration> migrations = SchemaMigrator::builtinMigrations();
        {
            auto first = SqlStore::open(location, migrations);
            QVERIFY(first);
            QCOMPARE(first.value()->schemaVersion().value(), migrations.constLast().version);
        }
        const int before = migrations.constLast().version;
        migrations += Migration{before + 1, "broken",
                                "CREATE TABLE extra (x INTEGER);\nSELECT nothing FROM nowhere;\n"};
        {
            auto broken = SqlStore::open(location, migrations);
            QVERIFY(!broken);
            QCOMPARE(broken.error().code, Core::ErrorCode::Internal);
            QVERIFY2(broken.error().message.contains(
                             QStringLiteral(
                                     "Could not apply migration %1 (broken) of store database")
                                     .arg(before + 1)),
                     qPrintable(broken.error().message));
        }
        migrations.removeLast();
        auto again = SqlStore::open(location, migrations);
        QVERIFY(again);
        QCOMPARE(again.value()->schemaVersion().value(), before);
        // The broken migration's table was rolled back with it.
        migrations += Migration{before + 1, "extra", "CREATE TABLE extra (x INTEGER);\n"};
        again.value().reset();
        auto fixed = SqlStore::open(location, migrations);
        QVERIFY2(fixed, fixed ? "" : qPrintable(fixed.error().message));
        QCOMPARE(fixed.value()->schemaVersion().value(), before + 1);
    }

    void statementsSplitAndSubstitute_data()
    {
        QTest::addColumn<int>("dialect");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QStringList>("statements");
        QTest::addRow("sqlite id, comments dropped")
                << int(SqlDialect::Sqlite)
                << "-- c\nCREATE TABLE a (id @ID@);\n\nCREATE INDEX i ON a (id);"
                << QStringList{"CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT)",
                               "CREATE INDEX i ON a (id)"};
        QTest::addRow("postgres id, multi-line statement")
                << int(SqlDialect::Postgres) << "CREATE TABLE a (\n    id @ID@\n);\n"
                << QStringList{"CREATE TABLE a (\n    id BIGSERIAL PRIMARY KEY\n)"};
    }
    void statementsSplitAndSubstitute()
    {
        QFETCH(int, dialect);
        QFETCH(QString, sql);
        QFETCH(QStringList, statements);
        QCOMPARE(SchemaMigrator::statements(sql, SqlDialect(dialect)), statements);
    }

    void locations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("display");
        QTest::addColumn<QString>("error");
        QTest::addRow("sqlite prefix") << "sqlite:/var/lib/bittern.db"
                                       << "/var/lib/bittern.db"
                                       << "";
        QTest::addRow("plain path") << "store.db"
                                    << "store.db"
                                    << "";
        QTest::addRow("postgres url hides password") << "postgresql://bob:secret@db.example:5433/ci"
                                                     << "postgresql://bob@db.example:5433/ci"
                                                     << "";
        QTest::addRow("postgres default port") << "postgres://bob@h/ci"
                                               << "postgresql://bob@h:5432/ci"
                                               << "";
        QTest::addRow("postgres without database")
                << "postgresql://bob@h"
                << ""
                << "The database URL postgresql://bob@h is not of the form "
                   "postgresql://USER:PASSWORD@HOST:PORT/DATABASE.";
        QTest::addRow("empty sqlite") << "sqlite:"
                                      << ""
                                      << "The database location 'sqlite:' names no file.";
    }
    void locations()
    {
        QFETCH(QString, text);
        QFETCH(QString, display);
        QFETCH(QString, error);
        const auto location = StoreLocation::parse(text);
        if (!error.isEmpty()) {
            QVERIFY(!location);
            QCOMPARE(location.error().message, error);
            return;
        }
        QVERIFY(location);
        QCOMPARE(location.value().displayName(), display);
    }

    void configurationsAndPlatforms_data()
    {
        StoreBackends::addColumn();
        StoreBackends::addRows();
    }
    void configurationsAndPlatforms()
    {
        OPEN_STORE(store);
        const qint64 platform = addConfig(*store);
        QVERIFY(platform > 0);
        Configuration b;
        b.name = "another";
        b.label = "Another";
        b.minRevision = "5";
        QVERIFY(store->saveConfiguration(b));
        b.label = "Renamed";
        QVERIFY(store->saveConfiguration(b));
        const auto configs = store->configurations();
        QVERIFY(configs);
        QCOMPARE(configs.value().size(), 2);
        QCOMPARE(configs.value().at(0).name, QString("another"));
        QCOMPARE(configs.value().at(0).label, QString("Renamed"));
        QCOMPARE(configs.value().at(1).recipe, QByteArray(recipe));
        QVERIFY(configs.value().at(1).active);
        const auto missing = store->configuration("nope");
        QCOMPARE(missing.error().code, Core::ErrorCode::NotFound);
        QCOMPARE(missing.error().message, QString("No such configuration 'nope'."));
        TargetPlatform changed = store->platforms("cfg").value().value(0);
        QCOMPARE(changed.rules, (QVector<PlatformRule>{{"os", "Linux"}}));
        changed.rules = {{"family", "posix"}, {"machine", "x86"}};
        QCOMPARE(store->savePlatform(changed).value(), platform);
        QCOMPARE(store->platforms(QString()).value().value(0).rules, changed.rules);
        QVERIFY(store->removeConfiguration("cfg"));
        QCOMPARE(store->platforms("cfg").value().size(), 0);
        QCOMPARE(store->configurations().value().size(), 1);
    }

    void nullStringsStoreAsEmpty_data()
    {
        StoreBackends::addColumn();
        StoreBackends::addRows();
    }
    void nullStringsStoreAsEmpty()
    {
        // Default-constructed (null) QStrings must not become SQL NULLs in NOT NULL columns.
        OPEN_STORE(store);
        Configuration bare;
        bare.name = "bare";
        QVERIFY(bare.label.isNull() && bare.minRevision.isNull() && bare.description.isNull());
        const auto saved = store->saveConfiguration(bare);
        QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));
        bare.active = true; // the update path binds them again
        QVERIFY(store->saveConfiguration(bare));
        const auto read = store->configuration("bare");
        QVERIFY(read);
        QCOMPARE(read.value().label, QString(""));
        QCOMPARE(read.value().description, QString(""));
        QCOMPARE(read.value().path, QString(""));
        QCOMPARE(read.value().minRevision, QString(""));
        QCOMPARE(read.value().maxRevision, QString(""));
        QVERIFY(read.value().active);
        TargetPlatform any;
        any.config = "bare";
        any.name = "any";
        QVERIFY(store->savePlatform(any).value() > 0);
    }

    void queueIsIdempotentAndNewestFirst_data()
    {
        StoreBackends::addColumn();
        StoreBackends::addRows();
    }
    void queueIsIdempotentAndNewestFirst()
    {
        OPEN_STORE(store);
        const qint64 platform = addConfig(*store);
        QVector<qint64> ids;
        for (int rev = 1; rev <= 3; ++rev) {
            Build build;
            build.config = "cfg";
            build.revision = QString::number(rev);
            build.revisionTime = rev * 100;
            build.platform = platform;
            ids += store->enqueueBuild(build).value();
            QCOMPARE(store->enqueueBuild(build).value(), ids.constLast());
        }
        const auto pending = store->pendingBuilds();
        QVERIFY(pending);
        QCOMPARE(pending.value().size(), 3);
        QCOMPARE(pending.value().at(0).revision, QString("3"));
        QCOMPARE(pending.value().at(2).revision, QString("1"));
        BuildQuery query;
        query.config = "cfg";
        query.limit = 2;
        query.offset = 1;
        const auto page = store->builds(query);
        QVERIFY(page);
        QCOMPARE(page.value().total, qint64(3));
        QCOMPARE(page.value().builds.size(), 2);
        QCOMPARE(page.value().builds.at(0).revision, QString("2"));
        QVERIFY(store->findBuild("cfg", "2", platform).value().has_value());
        QVERIFY(!store->findBuild("cfg", "9", platform).value().has_value());
        QVERIFY(store->removeBuild(ids.at(0)));
        QCOMPARE(store->pendingBuilds().value().size(), 2);
    }

    void buildCompletion_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QStringList>("failing");
        QTest::addColumn<QStringList>("posted");
        QTest::addColumn<int>("status");
        const struct
        {
            const char *name;
            QStringList failing;
            QStringList posted;
            BuildStatus status;
        } cases[] = {
                {"all steps succeed", {}, {"one", "two", "three"}, BuildStatus::Success},
                {"onerror=fail stops the build", {"one"}, {"one"}, BuildStatus::Failure},
                {"onerror=continue runs on, fails the build",
                 {"two"},
                 {"one", "two", "three"},
                 BuildStatus::Failure},
                {"onerror=ignore keeps success",
                 {"three"},
                 {"one", "two", "three"},
                 BuildStatus::Success},
        };
        for (const char *backend : {"sqlite-memory", "sqlite-wal", "postgresql"}) {
            for (const auto &c : cases)
                QTest::addRow("%s: %s", backend, c.name)
                        << QString(backend) << c.failing << c.posted << int(c.status);
        }
    }
    void buildCompletion()
    {
        OPEN_STORE(store);
        QFETCH(QStringList, failing);
        QFETCH(QStringList, posted);
        QFETCH(int, status);
        const qint64 id = startedBuild(*store);
        QVERIFY(id > 0);
        for (int i = 0; i < posted.size(); ++i) {
            const auto outcome = store->storeStepResult(
                    id, "t1", stepResult(posted.at(i), failing.contains(posted.at(i))), 200 + i);
            QVERIFY2(outcome, outcome ? "" : qPrintable(outcome.error().message));
            const bool last = i + 1 == posted.size();
            QCOMPARE(outcome.value().kind,
                     last ? StepOutcome::Kind::Completed : StepOutcome::Kind::Stored);
            if (!last)
                QCOMPARE(outcome.value().nextStep, posted.at(i + 1));
            else
                QCOMPARE(int(outcome.value().buildStatus), status);
        }
        const auto detail = store->buildDetail(id);
        QVERIFY(detail);
        QCOMPARE(int(detail.value().build.status), status);
        QCOMPARE(detail.value().build.stopped, qint64(200 + posted.size() - 1));
        QCOMPARE(detail.value().steps.size(), posted.size());
        QCOMPARE(detail.value().errors.size(), failing.size());
        QCOMPARE(detail.value().slave.token(), QString("t1"));
        QCOMPARE(detail.value().platform.name, QString("linux"));
    }

    void protocolErrors_data()
    {
        StoreBackends::addColumn();
        StoreBackends::addRows();
    }
    void protocolErrors()
    {
        OPEN_STORE(store);
        const qint64 id = startedBuild(*store);
        QVERIFY(id > 0);
        auto missing = store->startBuild(id + 100, "t1", 1);
        QCOMPARE(missing.error().code, Core::ErrorCode::NotFound);
        QCOMPARE(missing.error().message, QStringLiteral("No such build (%1)").arg(id + 100));
        auto wrong = store->storeStepResult(id, "other", stepResult("one"), 1);
        QCOMPARE(wrong.error().code, Core::ErrorCode::Conflict);
        QCOMPARE(wrong.error().message,
                 QString("Token mismatch (wrong slave): slave=other, build=t1"));
        QCOMPARE(store->keepalive(id, "", 1).error().message,
                 QString("Token mismatch (wrong slave): slave=, build=t1"));
        Build queued;
        queued.config = "cfg";
        queued.revision = "99";
        queued.platform = store->build(id).value().platform;
        const qint64 pending = store->enqueueBuild(queued).value();
        QCOMPARE(store->startBuild(pending, "", 1).error().code, Core::ErrorCode::Conflict);
        QVERIFY(store->buildDetail(pending).value().steps.isEmpty());
        auto early = store->storeStepResult(id, "t1", stepResult("two"), 1);
        QCOMPARE(early.error().message, QString("Build step has not been created."));
        QCOMPARE(store->storeStepResult(id, "t1", stepResult("one"), 150).value().kind,
                 StepOutcome::Kind::Stored);
        // A retried submission of a stored step changes nothing.
        Core::StepResult again = stepResult("one", true);
        QCOMPARE(store->storeStepResult(id, "t1", again, 160).value().kind,
                 StepOutcome::Kind::Duplicate);
        const auto detail = store->buildDetail(id).value();
        QCOMPARE(detail.steps.size(), 2);
        QCOMPARE(detail.steps.at(0).status, StepStatus::Success);
        QCOMPARE(detail.steps.at(1).status, StepStatus::InProgress);
        QCOMPARE(detail.errors.size(), 0);
        QCOMPARE(store->keepalive(id, "other", 170).error().code, Core::ErrorCode::Conflict);
        QVERIFY(store->keepalive(id, "t1", 170));
        QCOMPARE(store->build(id).value().lastActivity, qint64(170));
    }

    void cancelAndOrphansResetToPending_data()
    {
        StoreBackends::addColumn();
        StoreBackends::addRows();
    }
    void cancelAndOrphansResetToPending()
    {
        OPEN_STORE(store);
        const qint64 id = startedBuild(*store);
        QVERIFY(id > 0);
        Attachment file;
        file.config = "cfg";
        file.build = id;
        file.filename = "a.txt";
        file.filePath = "/data/a.txt";
        QVERIFY(store->addAttachment(file));
        file.filePath = "/data/a2.txt";
        QVERIFY(store->addAttachment(file)); // replaces the first
        file.resource = AttachmentResource::Config;
        file.filePath = "/data/config.txt";
        QVERIFY(store->addAttachment(file));
        QCOMPARE(store->attachments("cfg", id).value().size(), 1);
        QCOMPARE(store->storeStepResult(id, "t1", stepResult("one"), 150).value().kind,
                 StepOutcome::Kind::Stored);
        // Idle since 150: not orphaned at 150 + 99 with a timeout of 100, orphaned at 250.
        QCOMPARE(store->resetOrphanedBuilds(249, 100).value().builds.size(), 0);
        QCOMPARE(store->resetOrphanedBuilds(250, 0).value().builds.size(), 0);
        const auto reset = store->resetOrphanedBuilds(250, 100);
        QVERIFY(reset);
        QCOMPARE(reset.value().builds, QVector<qint64>{id});
        QCOMPARE(reset.value().files, QStringList{"/data/a2.txt"});
        const BuildDetail detail = store->buildDetail(id).value();
        QCOMPARE(detail.build.status, BuildStatus::Pending);
        QCOMPARE(detail.build.started, qint64(0));
        QVERIFY(detail.steps.isEmpty());
        QVERIFY(detail.slave.properties.isEmpty());
        QCOMPARE(store->attachments("cfg", 0).value().size(), 1);
        // The original slave is refused; a new one gets the build and may cancel it.
        QCOMPARE(store->keepalive(id, "t1", 260).error().code, Core::ErrorCode::Conflict);
        QVERIFY(store->assignBuild(id, slave("s2", "t2"), 260));
        QCOMPARE(store->assignBuild(id, slave("s3", "t3"), 260).error().message,
                 QStringLiteral("Build %1 is no longer pending.").arg(id));
        QVERIFY(store->startBuild(id, "t2", 300));
        QCOMPARE(store->cancelBuild(id, "t1").error().code, Core::ErrorCode::Conflict);
        QVERIFY(store->cancelBuild(id, "t2"));
        QCOMPARE(store->build(id).value().status, BuildStatus::Pending);
    }

    void failedStepSubmissionIsRolledBack()
    {
        // A conflicting row planted through a second connection makes the step's error insert
        // fail after the step, its log and its report were written: all of it must roll back.
        QTemporaryDir dir;
        const QString path = dir.filePath("store.db");
        auto store = SqlStore::open("sqlite:" + path);
        QVERIFY(store);
        const qint64 id = startedBuild(*store.value());
        QVERIFY(id > 0);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "plant");
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(
                    QStringLiteral("INSERT INTO step_error VALUES (%1, 'one', 0, 'x')").arg(id)));
            db.close();
        }
        QSqlDatabase::removeDatabase("plant");
        Core::StepResult result = stepResult("one", true);
        result.logs = {Core::StepLog{"g", {{"info", "hello"}}}};
        result.reports = {Core::Report{"test", "g", {Core::ReportItem::of({{"type", "test"}})}}};
        const auto failed = store.value()->storeStepResult(id, "t1", result, 150);
        QVERIFY(!failed);
        QCOMPARE(failed.error().code, Core::ErrorCode::Internal);
        BuildDetail detail = store.value()->buildDetail(id).value();
        QCOMPARE(detail.steps.size(), 1);
        QCOMPARE(detail.steps.at(0).status, StepStatus::InProgress);
        QVERIFY(detail.logs.isEmpty());
        QVERIFY(detail.reports.isEmpty());
        QCOMPARE(detail.build.status, BuildStatus::InProgress);
        QCOMPARE(detail.build.lastActivity, qint64(100));
    }

    void reportsLogsAndMetrics_data()
    {
        StoreBackends::addColumn();
        StoreBackends::addRows();
    }
    void reportsLogsAndMetrics()
    {
        OPEN_STORE(store);
        const qint64 id = startedBuild(*store);
        QVERIFY(id > 0);
        Core::StepResult result = stepResult("one");
        Core::StepLog log;
        log.generator = "http://bitten.edgewall.org/tools/sh#exec";
        for (int i = 0; i < 1200; ++i)
            log.messages
                    += Core::LogMessage{i % 2 ? "info" : "error", QStringLiteral("line %1").arg(i)};
        result.logs = {log, Core::StepLog{"second", {{"debug", "multi\nline"}}}};
        const auto test = [](const char *status) {
            return Core::ReportItem::of(
                    {{"type", "test"}, {"fixture", "F"}, {"name", "t"}, {"status", status}});
        };
        result.reports = {
                Core::Report{"test", "g1", {test("success"), test("failure")}},
                Core::Report{"lint",
                             "g2",
                             {Core::ReportItem::of({{"type", "W0612"}, {"category", "warning"}})}},
                Core::Report{"test", "g3", {test("error")}},
                Core::Report{
                        "coverage",
                        "g4",
                        {Core::ReportItem::of(
                                {{"type", "coverage"}, {"percentage", "50"}, {"lines", "10"}})}}};
        QVERIFY(store->storeStepResult(id, "t1", result, 200));
        QVERIFY(store->storeStepResult(id, "t1", stepResult("two"), 210));
        QCOMPARE(store->storeStepResult(id, "t1", stepResult("three"), 220).value().kind,
                 StepOutcome::Kind::Completed);
        const BuildDetail detail = store->buildDetail(id).value();
        QCOMPARE(detail.logs.size(), 2);
        QCOMPARE(detail.logs.at(0).messageCount, qint64(1200));
        QCOMPARE(detail.logs.at(1).orderNumber, 1);
        QCOMPARE(detail.reports.size(), 3); // the two test reports were merged
        QCOMPARE(detail.reports.at(0).category, QString("test"));
        QCOMPARE(detail.reports.at(0).items.size(), 3);
        QCOMPARE(detail.reports.at(0).items.at(2), test("error"));
        const auto page = store->logMessages(detail.logs.at(0).id, 498, 4);
        QVERIFY(page);
        QCOMPARE(page.value().size(), 4);
        QCOMPARE(page.value().at(0).text, QString("line 498"));
        QCOMPARE(page.value().at(3).text, QString("line 501"));
        QCOMPARE(page.value().at(3).level, QString("info"));
        QCOMPARE(store->logMessages(detail.logs.at(0).id, 1190, 0).value().size(), 10);
        QCOMPARE(store->logMessages(detail.logs.at(1).id, 0, 0).value().at(0).text,
                 QString("multi\nline"));
        const auto metrics = store->metrics("cfg");
        QVERIFY(metrics);
        QCOMPARE(metrics.value().size(), 1);
        const MetricPoint point = metrics.value().at(0);
        QCOMPARE(point.tests.success, qint64(1));
        QCOMPARE(point.tests.failure, qint64(1));
        QCOMPARE(point.tests.error, qint64(1));
        QCOMPARE(point.lint.warning, qint64(1));
        QCOMPARE(point.coverage.lines, qint64(10));
        QCOMPARE(point.coverage.percentage(), 50.0);
    }

    void requestIdsAreIdempotent_data()
    {
        StoreBackends::addColumn();
        StoreBackends::addRows();
    }
    void requestIdsAreIdempotent()
    {
        OPEN_STORE(store);
        addConfig(*store);
        TargetPlatform second;
        second.config = "cfg";
        second.name = "mac";
        QVERIFY(store->savePlatform(second));
        BuildRequest request{"req-1", "cfg", "42", 1000, 1000, {}};
        const auto first = store->requestBuild(request);
        QVERIFY(first);
        QCOMPARE(first.value().builds.size(), 2);
        request.revision = "43"; // same id: the stored request answers
        const auto repeated = store->requestBuild(request);
        QCOMPARE(repeated.value().builds, first.value().builds);
        QCOMPARE(repeated.value().revision, QString("42"));
        QCOMPARE(store->pendingBuilds().value().size(), 2);
        request.requestId.clear();
        request.config = "nope";
        QCOMPARE(store->requestBuild(request).error().message,
                 QString("No such configuration 'nope'."));
    }

    void importIsIdempotent_data()
    {
        StoreBackends::addColumn();
        StoreBackends::addRows();
    }
    void importIsIdempotent()
    {
        OPEN_STORE(store);
        const qint64 platform = addConfig(*store);
        ImportedBuild imported;
        imported.source = "trac:test";
        imported.originalId = 7;
        imported.build
                = Build{0, "cfg", "3", 30, platform, "old", 31, 39, 39, BuildStatus::Failure};
        imported.slave = slave("old", "x");
        imported.steps = {BuildStep{0, "one", "", StepStatus::Failure, 31, 39}};
        imported.errors = {StepError{0, "one", 0, "broken"}};
        imported.logs
                = {ImportedBuild::Log{LogRecord{0, 0, "one", "gen", 0, 0}, {{"info", "hello"}}}};
        imported.reports = {ReportRecord{
                0,
                0,
                "one",
                "test",
                "",
                {Core::ReportItem::of(
                        {{"type", "test"}, {"fixture", "f"}, {"status", "failure"}})}}};
        QCOMPARE(store->importBuild(imported).value(), true);
        QCOMPARE(store->importBuild(imported).value(), false);
        // Imported history may repeat a (config, rev, platform) triple (schema 9).
        imported.originalId = 8;
        QCOMPARE(store->importBuild(imported).value(), true);
        const BuildPage page = store->builds(BuildQuery()).value();
        QCOMPARE(page.total, qint64(2));
        const BuildDetail detail = store->buildDetail(page.builds.at(0).id).value();
        QCOMPARE(detail.build.status, BuildStatus::Failure);
        QCOMPARE(detail.errors.value(0).message, QString("broken"));
        QCOMPARE(store->logMessages(detail.logs.value(0).id, 0, 0).value().size(), 1);
        QCOMPARE(store->metrics("cfg").value().value(0).tests.failure, qint64(1));
    }

    void bitternModel_data()
    {
        StoreBackends::addColumn();
        StoreBackends::addRows();
    }
    void bitternModel()
    {
        OPEN_STORE(store);
        QVERIFY(store->saveAgent(Agent{"a1", {{"os", "Linux"}}, 10, 10, 0}));
        QVERIFY(store->saveAgent(Agent{"a1", {{"os", "Linux"}, {"x", "y"}}, 0, 20, 5}));
        const Agent agent = store->agents().value().value(0);
        QCOMPARE(agent.firstSeen, qint64(10));
        QCOMPARE(agent.lastSeen, qint64(20));
        QCOMPARE(agent.properties.size(), 2);
        // Properties are stored as JSON text: quotes, backslashes, control and non-ASCII
        // characters survive.
        const QVector<QPair<QString, QString>> odd{{"q\"\\", "a\tb\n\u0001 \u00e9\u4e2d"}};
        QVERIFY(store->saveAgent(Agent{"a2", odd, 10, 10, 0}));
        QCOMPARE(store->agents().value().value(1).properties, odd);
        QVERIFY(store->saveCiTarget(CiTarget{"jenkins", "jenkins", "https://ci.example/"}));
        QCOMPARE(store->ciTargets().value().value(0).url, QString("https://ci.example/"));
        CiJob job{0, "jenkins", "cfg", 1, "cfg-linux", "", 0, 5};
        job.id = store->saveCiJob(job).value();
        job.lastRunId = "queue/17";
        QCOMPARE(store->saveCiJob(job).value(), job.id);
        QCOMPARE(store->ciJobs("jenkins").value().value(0).lastRunId, QString("queue/17"));
        QCOMPARE(store->ciJobs("other").value().size(), 0);
    }

    void ciBuildIsRecordedThenUpdated_data()
    {
        StoreBackends::addColumn();
        StoreBackends::addRows();
    }
    void ciBuildIsRecordedThenUpdated()
    {
        OPEN_STORE(store);
        const qint64 platform = addConfig(*store);
        CiBuildRecord record;
        record.run.source = "ci:buildbot+http://127.0.0.1:8010";
        record.run.originalId = 42;
        record.run.build = Build{0,        "cfg",
                                 "r7",     0,
                                 platform, "bitten-cfg-linux",
                                 100,      0,
                                 100,      BuildStatus::InProgress};
        record.run.steps = {BuildStep{0, "one", "", StepStatus::InProgress, 100, 0}};
        const qint64 id = store->recordCiBuild(record).value();
        QCOMPARE(store->build(id).value().status, BuildStatus::InProgress);
        // A CI build is not the queue's: never orphaned, never handed to a slave.
        QCOMPARE(store->resetOrphanedBuilds(100000, 10).value().builds.size(), 0);
        record.run.build.status = BuildStatus::Failure;
        record.run.build.stopped = 120;
        record.run.steps = {BuildStep{0, "one", "", StepStatus::Success, 100, 110},
                            BuildStep{0, "two", "", StepStatus::Failure, 110, 120}};
        record.run.errors = {StepError{0, "two", 0, "result retry"}};
        record.hasMetrics = true;
        record.tests.success = 3;
        record.tests.failure = 1;
        QCOMPARE(store->recordCiBuild(record).value(), id);
        QCOMPARE(store->recordCiBuild(record).value(), id); // replaced, not added
        const BuildDetail detail = store->buildDetail(id).value();
        QCOMPARE(detail.build.status, BuildStatus::Failure);
        QCOMPARE(detail.build.stopped, qint64(120));
        QCOMPARE(detail.steps.size(), 2);
        QCOMPARE(detail.steps.at(1).status, StepStatus::Failure);
        QCOMPARE(detail.errors.size(), 1);
        QCOMPARE(store->metrics("cfg").value().value(0).tests.success, qint64(3));
        QCOMPARE(store->builds(BuildQuery()).value().total, qint64(1));
    }

    void partlyReadQueriesKeepNoSnapshot()
    {
        // Two stores on one WAL file, as `bittern serve` and `bittern build` share it: a
        // single-row read must not leave a statement (and its read snapshot) open.
        const QString location = m_backends.freshLocation("sqlite-wal");
        auto server = SqlStore::open(location);
        auto other = SqlStore::open(location);
        QVERIFY(server && other);
        const qint64 first = startedBuild(*server.value());
        QCOMPARE(server.value()->build(first).value().revision, QString("10"));
        Build build;
        build.config = "cfg";
        build.revision = "11";
        build.revisionTime = 60;
        build.platform = server.value()->platforms("cfg").value().value(0).id;
        QVERIFY(other.value()->enqueueBuild(build));
        QCOMPARE(server.value()->pendingBuilds().value().size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_SqlStore)
#include "tst_sqlstore.moc"
