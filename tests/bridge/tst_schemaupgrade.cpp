// SPDX-License-Identifier: GPL-3.0-or-later
// Store upgrades (issue 9 item 4): a store at every earlier built-in schema version, filled with
// rows valid at that version, migrates to the latest and reads back through SqlStore; a failing
// migration leaves the schema and the data as they were. SQLite and PostgreSQL.
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include "bridge/store/schemamigrator.h"
#include "bridge/store/sqlstore.h"
#include "bridge/store/storedatabase.h"
#include "tests/bridge/storetestsupport.h"
#include "tests/testlib/skiptest.h"

using namespace Bridge;

namespace {

/// Rows for the tables a migration introduced, valid from its version on. A store at version
/// v gets the fixtures of every version <= v, in order. A migration that adds tables or
/// columns worth checking adds its rows here.
struct Fixture
{
    int version;
    const char *sql;
    const char *check; ///< a query read after migrating to the latest schema…
    const char *expected; ///< …and its first value
};

const Fixture fixtures[] = {
        {1, R"(
INSERT INTO config (name, label, description, path, min_rev, max_rev, active, recipe)
    VALUES ('alpha', 'Alpha', 'The alpha project', 'trunk', '1', '', 1,
            '<build><step id="compile"/><step id="test"/></build>');
INSERT INTO platform (config, name) VALUES ('alpha', 'linux');
INSERT INTO platform_rule (platform, orderno, propname, pattern) VALUES (1, 0, 'os', 'Linux');
INSERT INTO build (config, rev, rev_time, platform, slave, started, stopped, last_activity,
                   status)
    VALUES ('alpha', '10', 1000, 1, 'agent-1', 1010, 1070, 1070, 'S');
INSERT INTO build (config, rev, rev_time, platform) VALUES ('alpha', '11', 1100, 1);
INSERT INTO build (config, rev, rev_time, platform, slave, started, stopped, last_activity,
                   status, import_source, import_id)
    VALUES ('alpha', '9', 900, 1, 'old-slave', 910, 920, 920, 'F', 'trac:/srv/trac', 7);
INSERT INTO slave_property (build, orderno, propname, propvalue)
    VALUES (1, 0, 'name', 'agent-1'), (1, 1, 'os', 'Linux');
INSERT INTO step (build, name, orderno, description, status, started, stopped)
    VALUES (1, 'compile', 0, 'Compile', 'S', 1010, 1040), (1, 'test', 1, '', 'S', 1040, 1070),
           (3, 'compile', 0, '', 'F', 910, 920);
INSERT INTO step_error (build, step, orderno, message) VALUES (3, 'compile', 0, 'make failed');
INSERT INTO log (build, step, generator, orderno, message_count)
    VALUES (1, 'compile', 'sh:exec', 0, 2);
INSERT INTO log_chunk (log, first_line, line_count, messages)
    VALUES (1, 0, 2, '[["info","make all"],["error","oops"]]');
INSERT INTO report (build, step, category, generator)
    VALUES (1, 'test', 'test', 'python:unittest');
INSERT INTO report_item (report, item, orderno, name, value)
    VALUES (1, 0, 0, 'type', 'test'), (1, 0, 1, 'name', 'parses'), (1, 0, 2, 'status', 'success');
INSERT INTO build_metric (build, test_success) VALUES (1, 1);
INSERT INTO attachment (config, build, filename, description, author, size, created, file_path)
    VALUES ('alpha', 1, 'out.txt', 'Output', 'agent-1', 5, 1070, '/var/lib/bittern/a/out.txt');
INSERT INTO agent (name, properties, first_seen, last_seen, current_build)
    VALUES ('agent-1', '[["os","Linux"]]', 1000, 1070, 0);
INSERT INTO ci_target (name, kind, url) VALUES ('jenkins', 'jenkins', 'https://ci.example.org/');
INSERT INTO ci_job (target, config, platform, job_name, last_run_id, build, updated)
    VALUES ('jenkins', 'alpha', 1, 'alpha-linux', '42', 1, 1070);
INSERT INTO build_request (request_id, config, rev, rev_time, created, builds)
    VALUES ('req-1', 'alpha', '11', 1100, 1101, '2');
)",
         "SELECT COUNT(*) FROM step", "3"},
        {2, R"(
UPDATE config SET match_requirements = 'TARGET.Memory >= 2048', match_rank = 'TARGET.Cpus'
    WHERE name = 'alpha';
UPDATE platform SET match_requirements = 'TARGET.Arch == "X86_64"' WHERE id = 1;
UPDATE agent SET machine_ad = '[ Arch = "X86_64"; Memory = 4096 ]' WHERE name = 'agent-1';
)",
         "SELECT c.match_requirements || '|' || c.match_rank || '|' || p.match_requirements || '|' "
         "|| a.machine_ad FROM config c, platform p, agent a",
         "TARGET.Memory >= 2048|TARGET.Cpus|TARGET.Arch == \"X86_64\"|[ Arch = \"X86_64\"; "
         "Memory = 4096 ]"},
        {3, "UPDATE build SET preemptions = 2 WHERE id = 3;",
         "SELECT preemptions FROM build WHERE id = 3", "2"},
        {4, "UPDATE config SET setup_steps = 'compile,test' WHERE name = 'alpha';",
         "SELECT setup_steps FROM config WHERE name = 'alpha'", "compile,test"},
};

int latestVersion()
{
    const QVector<Migration> all = SchemaMigrator::builtinMigrations();
    return all.isEmpty() ? 0 : all.constLast().version;
}

QVector<Migration> migrationsUpTo(int version)
{
    QVector<Migration> result;
    const QVector<Migration> all = SchemaMigrator::builtinMigrations();
    for (const Migration &migration : all) {
        if (migration.version <= version)
            result += migration;
    }
    return result;
}

/// Row count per table (schema_version included).
QMap<QString, qint64> rowCounts(StoreDatabase &db)
{
    QMap<QString, qint64> counts;
    QSqlQuery query(db.database());
    for (const QString &table : db.tables()) {
        if (query.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)) && query.next())
            counts.insert(table, query.value(0).toLongLong());
    }
    return counts;
}

} // namespace

class tst_SchemaUpgrade : public QObject
{
    Q_OBJECT

private:
    StoreBackends m_backends;

    /// A raw connection to a fresh store of @p backend at schema @p version with its fixtures.
    std::unique_ptr<StoreDatabase> storeAt(const QString &backend, int version, QString *location)
    {
        *location = m_backends.freshLocation(backend);
        auto db = StoreDatabase::open(*location, StoreCreation::MayCreate);
        if (!db) {
            qWarning("%s", qPrintable(db.error().message));
            return nullptr;
        }
        QSqlDatabase raw = db.value()->database();
        const Core::Result<int> reached
                = SchemaMigrator::migrate(raw, db.value()->dialect(), migrationsUpTo(version));
        if (!reached || reached.value() != version) {
            qWarning("migrating to %d: %s", version,
                     reached ? "wrong version" : qPrintable(reached.error().message));
            return nullptr;
        }
        QSqlQuery query(raw);
        for (const Fixture &fixture : fixtures) {
            if (fixture.version > version)
                continue;
            const QStringList statements = SchemaMigrator::statements(
                    QString::fromUtf8(fixture.sql), db.value()->dialect());
            for (const QString &statement : statements) {
                if (!query.exec(statement)) {
                    qWarning("fixture %d: %s", fixture.version,
                             qPrintable(query.lastError().text()));
                    return nullptr;
                }
            }
        }
        return std::move(db).value();
    }

    /// Every fixture row reads back through the Store API.
    static void checkFixtureData(SqlStore &store)
    {
        const auto configs = store.configurations();
        QVERIFY(configs);
        QCOMPARE(configs.value().size(), 1);
        QCOMPARE(configs.value().at(0).label, QString("Alpha"));
        QVERIFY(configs.value().at(0).active);
        QVERIFY(configs.value().at(0).recipe.contains("<step id=\"test\"/>"));
        const auto platforms = store.platforms("alpha");
        QVERIFY(platforms);
        QCOMPARE(platforms.value().size(), 1);
        QCOMPARE(platforms.value().at(0).rules, (QVector<PlatformRule>{{"os", "Linux"}}));
        const auto detail = store.buildDetail(1);
        QVERIFY2(detail, detail ? "" : qPrintable(detail.error().message));
        const BuildDetail &d = detail.value();
        QCOMPARE(int(d.build.status), int(BuildStatus::Success));
        QCOMPARE(d.build.stopped, qint64(1070));
        QCOMPARE(d.slave.value("os"), QString("Linux"));
        QCOMPARE(d.steps.size(), 2);
        QCOMPARE(d.steps.at(0).description, QString("Compile"));
        QCOMPARE(d.logs.size(), 1);
        QCOMPARE(d.reports.size(), 1);
        QCOMPARE(d.reports.at(0).items.size(), 1);
        QCOMPARE(d.reports.at(0).items.at(0).value("name"), QString("parses"));
        QCOMPARE(d.attachments.size(), 1);
        QCOMPARE(d.attachments.at(0).filename, QString("out.txt"));
        const auto messages = store.logMessages(d.logs.at(0).id, 0, 0);
        QVERIFY(messages);
        QCOMPARE(messages.value().size(), 2);
        QCOMPARE(messages.value().at(1).text, QString("oops"));
        const auto failed = store.buildDetail(3);
        QVERIFY(failed);
        QCOMPARE(failed.value().errors.size(), 1);
        QCOMPARE(failed.value().errors.at(0).message, QString("make failed"));
        const auto pending = store.pendingBuilds();
        QVERIFY(pending);
        QCOMPARE(pending.value().size(), 1);
        QCOMPARE(pending.value().at(0).revision, QString("11"));
        const auto metrics = store.metrics("alpha");
        QVERIFY(metrics);
        QVERIFY(!metrics.value().isEmpty());
        const auto agents = store.agents();
        QVERIFY(agents);
        QCOMPARE(agents.value().size(), 1);
        QCOMPARE(agents.value().at(0).properties.value(0).second, QString("Linux"));
        const auto jobs = store.ciJobs(QString());
        QVERIFY(jobs);
        QCOMPARE(jobs.value().size(), 1);
        QCOMPARE(jobs.value().at(0).lastRunId, QString("42"));
        QCOMPARE(store.ciTargets().value().size(), 1);
        const auto requests = store.buildRequests(0, 0);
        QVERIFY(requests);
        QCOMPARE(requests.value().size(), 1);
        QCOMPARE(requests.value().at(0).builds, QVector<qint64>{2});
    }

    /// The migrated store takes new rows: ids continue after the existing ones.
    static void checkWrites(SqlStore &store, qint64 existingBuilds)
    {
        Configuration config;
        config.name = "upgraded";
        config.recipe = "<build/>";
        QVERIFY(store.saveConfiguration(config));
        TargetPlatform platform;
        platform.config = "upgraded";
        platform.name = "any";
        const auto platformId = store.savePlatform(platform);
        QVERIFY2(platformId, platformId ? "" : qPrintable(platformId.error().message));
        Build build;
        build.config = "upgraded";
        build.revision = "1";
        build.platform = platformId.value();
        const auto id = store.enqueueBuild(build);
        QVERIFY2(id, id ? "" : qPrintable(id.error().message));
        QCOMPARE(id.value(), existingBuilds + 1);
        QCOMPARE(store.build(id.value()).value().config, QString("upgraded"));
    }

private Q_SLOTS:
    void initTestCase() { m_backends.start(); }

    void upgradeFromEveryVersion_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<int>("version");
        const int latest = latestVersion();
        QVERIFY(latest >= 1);
        for (const char *backend : {"sqlite-wal", "postgresql"}) {
            for (int version = 0; version <= latest; ++version)
                QTest::addRow("%s: from schema %d%s", backend, version,
                              version == latest ? " (the latest: nothing to apply)" : "")
                        << QString(backend) << version;
        }
    }
    void upgradeFromEveryVersion()
    {
        QFETCH(QString, backend);
        QFETCH(int, version);
        if (!m_backends.unavailable(backend).isEmpty())
            SKIP_TEST(qPrintable(m_backends.unavailable(backend)));
        QString location;
        QMap<QString, qint64> before;
        {
            auto db = storeAt(backend, version, &location);
            QVERIFY(db);
            before = rowCounts(*db);
        }
        auto store = SqlStore::open(location);
        QVERIFY2(store, store ? "" : qPrintable(store.error().message));
        QCOMPARE(store.value()->schemaVersion().value(), latestVersion());
        auto after = StoreDatabase::open(location, StoreCreation::MustExist);
        QVERIFY(after);
        const QMap<QString, qint64> counts = rowCounts(*after.value());
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            if (it.key() != QLatin1String("schema_version"))
                QVERIFY2(counts.value(it.key(), -1) == it.value(), qPrintable(it.key()));
        }
        QCOMPARE(counts.value("schema_version"), qint64(latestVersion()));
        QSqlQuery query(after.value()->database());
        for (const Fixture &fixture : fixtures) {
            if (fixture.version > version)
                continue;
            QVERIFY2(query.exec(fixture.check) && query.next(),
                     qPrintable(query.lastError().text()));
            QCOMPARE(query.value(0).toString(), QString(fixture.expected));
        }
        if (version >= 1) {
            checkFixtureData(*store.value());
            // Stores from before migration 4 get an empty list of setup steps.
            QCOMPARE(store.value()->configuration("alpha").value().setupSteps,
                     version >= 4 ? QStringList({"compile", "test"}) : QStringList());
        }
        if (QTest::currentTestFailed())
            return;
        checkWrites(*store.value(), version >= 1 ? 3 : 0);
    }

    void failedMigrationRollsBack_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<int>("version");
        const int latest = latestVersion();
        for (const char *backend : {"sqlite-wal", "postgresql"}) {
            for (int version = 0; version <= latest; ++version)
                QTest::addRow("%s: at schema %d", backend, version) << QString(backend) << version;
        }
    }
    void failedMigrationRollsBack()
    {
        QFETCH(QString, backend);
        QFETCH(int, version);
        if (!m_backends.unavailable(backend).isEmpty())
            SKIP_TEST(qPrintable(m_backends.unavailable(backend)));
        QString location;
        auto db = storeAt(backend, version, &location);
        QVERIFY(db);
        const QStringList tablesBefore = db->tables();
        const QMap<QString, qint64> countsBefore = rowCounts(*db);
        // The built-in migrations after @p version, then one whose good statements (DDL and
        // data changes) are followed by a broken one: all of it must be undone.
        QVector<Migration> migrations = SchemaMigrator::builtinMigrations();
        const int broken = latestVersion() + 1;
        migrations += Migration{broken, "broken",
                                "CREATE TABLE upgrade_probe (x INTEGER);\n"
                                "INSERT INTO upgrade_probe (x) VALUES (1);\n"
                                "ALTER TABLE build ADD COLUMN probe INTEGER;\n"
                                "UPDATE build SET status = 'F';\n"
                                "DELETE FROM config;\n"
                                "INSERT INTO no_such_table (x) VALUES (1);\n"};
        {
            QSqlDatabase raw = db->database();
            const Core::Result<int> migrated
                    = SchemaMigrator::migrate(raw, db->dialect(), migrations);
            QVERIFY(!migrated);
            const QString prefix = QStringLiteral("Could not apply migration %1 (broken) of "
                                                  "store database ")
                                           .arg(broken);
            QVERIFY2(migrated.error().message.startsWith(prefix),
                     qPrintable(migrated.error().message));
            QVERIFY2(migrated.error().message.contains("no_such_table"),
                     qPrintable(migrated.error().message));
            QCOMPARE(SchemaMigrator::currentVersion(raw).value(), version);
            QCOMPARE(db->tables(), tablesBefore);
            QCOMPARE(rowCounts(*db), countsBefore);
            if (version >= 1) {
                QCOMPARE(raw.record("build").contains("probe"), false);
                QSqlQuery query(raw);
                QVERIFY(query.exec("SELECT status FROM build WHERE id = 1") && query.next());
                QCOMPARE(query.value(0).toString(), QString("S"));
            }
        }
        db.reset();
        // The store still opens and migrates normally afterwards.
        auto store = SqlStore::open(location);
        QVERIFY2(store, store ? "" : qPrintable(store.error().message));
        QCOMPARE(store.value()->schemaVersion().value(), latestVersion());
    }
};

QTEST_GUILESS_MAIN(tst_SchemaUpgrade)
#include "tst_schemaupgrade.moc"
