// SPDX-License-Identifier: GPL-3.0-or-later
// Store operations from the command line (issue 9): `bittern migrate`, `bittern backup` of a
// SQLite store being written, and `bittern migrate-store` from SQLite into a real PostgreSQL,
// compared through the Store API.
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "bridge/migratecommand.h"
#include "bridge/store/schemamigrator.h"
#include "bridge/store/sqlstore.h"
#include "bridge/store/storedatabase.h"
#include "tests/bridge/storetestsupport.h"
#include "tests/testlib/processrun.h"
#include "tests/testlib/skiptest.h"

using namespace Bridge;
using TestLib::ProcessRun;
using TestLib::runBittern;

namespace {

const char *recipe = "<build xmlns:sh=\"http://bitten.edgewall.org/tools/sh\">"
                     "<step id=\"compile\" onerror=\"fail\"><sh:exec executable=\"true\"/></step>"
                     "<step id=\"test\" onerror=\"continue\"><sh:exec executable=\"true\"/></step>"
                     "</build>";

int latestVersion()
{
    const QVector<Migration> all = SchemaMigrator::builtinMigrations();
    return all.isEmpty() ? 0 : all.constLast().version;
}

/// Rows "backend" × "version" for every schema version older than the latest, on the
/// backends that keep a store between processes.
void addOldSchemaRows()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<int>("version");
    for (const char *backend : {"sqlite-wal", "postgresql"}) {
        for (int version = 0; version < latestVersion(); ++version)
            QTest::addRow("%s: from schema %d", backend, version) << QString(backend) << version;
    }
}

/// Creates the store at @p location with the built-in migrations up to @p version only.
Core::Result<int> createStoreAt(const QString &location, int version)
{
    auto db = StoreDatabase::open(location, StoreCreation::MayCreate);
    if (!db)
        return db.error();
    QSqlDatabase raw = db.value()->database();
    return SchemaMigrator::migrate(raw, db.value()->dialect(),
                                   SchemaMigrator::builtinMigrations().mid(0, version));
}

QString displayName(const QString &location)
{
    return StoreLocation::parse(location).value().displayName();
}

Core::ReportItem item(std::initializer_list<QPair<QString, QString>> fields)
{
    return Core::ReportItem::of(fields);
}

/// A historical build with a log of @p lines lines (several log chunks).
ImportedBuild importedBuild(qint64 originalId, qint64 platform, int lines)
{
    ImportedBuild b;
    b.source = "trac:/srv/trac";
    b.originalId = originalId;
    b.build = Build{0,  "alpha", QString::number(originalId), 50 + originalId, platform, "old", 60,
                    90, 90,      BuildStatus::Failure};
    b.slave.name = "old";
    b.slave.properties = {{"os", "Linux"}, {"machine", "x86_64"}};
    b.steps = {BuildStep{0, "compile", "Compile it", StepStatus::Failure, 60, 90}};
    b.errors = {StepError{0, "compile", 0, "make: *** [all] Error 2"}};
    ImportedBuild::Log log{LogRecord{0, 0, "compile", "sh:exec", 0, 0}, {}};
    for (int i = 0; i < lines; ++i)
        log.messages += {i % 7 ? "info" : "error", QStringLiteral("line %1 \"quoted\" 'x'").arg(i)};
    b.logs = {log};
    b.reports = {ReportRecord{0,
                              0,
                              "compile",
                              "lint",
                              "python:pylint",
                              {item({{"type", "problem"},
                                     {"category", "warning"},
                                     {"file", "a.py"},
                                     {"line", "3"}})}}};
    return b;
}

SlaveInfo slave(const QString &name, const QString &token)
{
    SlaveInfo info;
    info.name = name;
    info.properties = {{"name", name}, {"ipnr", "127.0.0.1"}, {"token", token}, {"os", "Linux"}};
    return info;
}

/// Everything a store holds, read back through the Store API, one fact a line.
/// The value of a store call by value (so a range-for never walks a dead temporary).
template<typename T>
T valueOf(const Core::Result<T> &result)
{
    return result ? result.value() : T();
}

QStringList dump(Store &store)
{
    QStringList out;
    for (const Configuration &c : valueOf(store.configurations()))
        out << QStringLiteral("config %1|%2|%3|%4|%5|%6|%7|%8")
                        .arg(c.name, c.label, c.description, c.path, c.minRevision, c.maxRevision)
                        .arg(c.active)
                        .arg(QString::fromUtf8(c.recipe));
    for (const TargetPlatform &p : valueOf(store.platforms(QString()))) {
        out << QStringLiteral("platform %1 %2 %3").arg(p.id).arg(p.config, p.name);
        for (const PlatformRule &r : p.rules)
            out << QStringLiteral("  rule %1=%2").arg(r.property, r.pattern);
    }
    BuildQuery all;
    all.limit = 0;
    const QVector<Build> builds = valueOf(store.builds(all)).builds;
    for (const Build &b : builds) {
        out << QStringLiteral("build %1 %2@%3 t%4 p%5 %6 %7-%8 a%9 s%10")
                        .arg(b.id)
                        .arg(b.config, b.revision)
                        .arg(b.revisionTime)
                        .arg(b.platform)
                        .arg(b.slave)
                        .arg(b.started)
                        .arg(b.stopped)
                        .arg(b.lastActivity)
                        .arg(int(b.status));
        const BuildDetail d = valueOf(store.buildDetail(b.id));
        for (const auto &property : d.slave.properties)
            out << QStringLiteral("  slave %1=%2").arg(property.first, property.second);
        for (const BuildStep &s : d.steps)
            out << QStringLiteral("  step %1|%2|%3|%4|%5")
                            .arg(s.name, s.description)
                            .arg(int(s.status))
                            .arg(s.started)
                            .arg(s.stopped);
        for (const StepError &e : d.errors)
            out << QStringLiteral("  error %1 %2 %3").arg(e.step).arg(e.orderNumber).arg(e.message);
        for (const LogRecord &l : d.logs) {
            out << QStringLiteral("  log %1 %2 %3 %4 %5")
                            .arg(l.id)
                            .arg(l.step, l.generator)
                            .arg(l.orderNumber)
                            .arg(l.messageCount);
            for (const Core::LogMessage &m : valueOf(store.logMessages(l.id, 0, 0)))
                out << QStringLiteral("    %1: %2").arg(m.level, m.text);
        }
        for (const ReportRecord &r : d.reports) {
            out << QStringLiteral("  report %1 %2 %3 %4")
                            .arg(r.id)
                            .arg(r.step, r.category, r.generator);
            for (const Core::ReportItem &i : r.items) {
                QStringList fields;
                for (const auto &field : i.fields)
                    fields << field.first + QLatin1Char('=') + field.second;
                out << QStringLiteral("    item ") + fields.join(QLatin1Char(' '));
            }
        }
        for (const Attachment &a : d.attachments)
            out << QStringLiteral("  attachment %1 %2 %3 %4 %5 %6 %7")
                            .arg(a.id)
                            .arg(a.filename, a.description, a.author)
                            .arg(a.size)
                            .arg(a.created)
                            .arg(a.filePath);
    }
    for (const Attachment &a : valueOf(store.attachments("alpha", 0)))
        out << QStringLiteral("config attachment %1 %2 %3").arg(a.id).arg(a.filename, a.filePath);
    for (const MetricPoint &m : valueOf(store.metrics("alpha")))
        out << QStringLiteral("metric %1 tests %2/%3 lint %4 cov %5")
                        .arg(m.build)
                        .arg(m.tests.success)
                        .arg(m.tests.failure)
                        .arg(m.lint.warning)
                        .arg(m.coverage.lines);
    for (const Agent &a : valueOf(store.agents()))
        out << QStringLiteral("agent %1 %2 %3 %4 %5")
                        .arg(a.name)
                        .arg(a.properties.value(0).second)
                        .arg(a.firstSeen)
                        .arg(a.lastSeen)
                        .arg(a.currentBuild);
    for (const CiTarget &t : valueOf(store.ciTargets()))
        out << QStringLiteral("target %1 %2 %3").arg(t.name, t.kind, t.url);
    for (const CiJob &j : valueOf(store.ciJobs(QString())))
        out << QStringLiteral("job %1 %2 %3 %4 %5 %6 %7 %8")
                        .arg(j.id)
                        .arg(j.target, j.config)
                        .arg(j.platform)
                        .arg(j.jobName, j.lastRunId)
                        .arg(j.build)
                        .arg(j.updated);
    for (const BuildRequest &r : valueOf(store.buildRequests(0, 0))) {
        QStringList ids;
        for (qint64 id : r.builds)
            ids << QString::number(id);
        out << QStringLiteral("request %1 %2 %3 %4 %5 %6")
                        .arg(r.requestId, r.config, r.revision)
                        .arg(r.revisionTime)
                        .arg(r.created)
                        .arg(ids.join(QLatin1Char(',')));
    }
    return out;
}

} // namespace

#define CHECK(expression) \
    do { \
        const auto &checked = (expression); \
        QVERIFY2(checked, checked ? "" : qPrintable(checked.error().message)); \
    } while (false)

class tst_StoreOperations : public QObject
{
    Q_OBJECT

private:
    StoreBackends m_backends;
    QTemporaryDir m_dir;

    /// Fills a store through the Store API: two configurations, two platforms, a build run
    /// through the protocol (steps, logs, reports, errors), imported history, a pending build,
    /// attachments, an agent, a CI target and job, a build request.
    void fill(Store &store, int importedBuilds, int logLines)
    {
        Configuration alpha{"alpha", "Alpha", "The <alpha> project", "trunk", "1", "", true,
                            recipe,  {}};
        CHECK(store.saveConfiguration(alpha));
        CHECK(store.saveConfiguration(
                Configuration{"beta", "", "", "branches/b", "", "", false, "<build/>", {}}));
        const auto linuxId = store.savePlatform(
                TargetPlatform{0, "alpha", "linux", {{"os", "Linux"}, {"machine", "x86_.*"}}});
        CHECK(linuxId);
        CHECK(store.savePlatform(TargetPlatform{0, "alpha", "mac", {{"os", "Darwin"}}}));
        const auto request = store.requestBuild(BuildRequest{"req-1", "alpha", "r7", 700, 701, {}});
        CHECK(request);
        const qint64 run = request.value().builds.value(0);
        CHECK(store.assignBuild(run, slave("agent-1", "t1"), 710));
        CHECK(store.startBuild(run, "t1", 711));
        Core::StepResult compile;
        compile.step = "compile";
        compile.logs = {Core::StepLog{"sh:exec", {{"info", "make all"}, {"error", "warning: x"}}}};
        compile.reports
                = {Core::Report{"test",
                                "python:unittest",
                                {item({{"type", "test"}, {"name", "a"}, {"status", "success"}}),
                                 item({{"type", "test"}, {"name", "b"}, {"status", "failure"}})}}};
        CHECK(store.storeStepResult(run, "t1", compile, 720));
        Core::StepResult test;
        test.step = "test";
        test.status = Core::StepResult::Status::Failure;
        test.errors = {Core::StepError{"sh", "exit 1"}};
        CHECK(store.storeStepResult(run, "t1", test, 730));
        for (int i = 1; i <= importedBuilds; ++i)
            CHECK(store.importBuild(importedBuild(i, linuxId.value(), logLines)));
        Build pending;
        pending.config = "alpha";
        pending.revision = "r8";
        pending.revisionTime = 800;
        pending.platform = linuxId.value();
        CHECK(store.enqueueBuild(pending));
        CHECK(store.addAttachment(Attachment{0, AttachmentResource::Build, "alpha", run, "out.txt",
                                             "Output", "agent-1", 12, 731,
                                             "/var/lib/bittern/attachments/1/out.txt"}));
        CHECK(store.addAttachment(Attachment{0, AttachmentResource::Config, "alpha", 0, "notes.txt",
                                             "", "admin", 3, 740,
                                             "/var/lib/bittern/attachments/alpha/notes.txt"}));
        CHECK(store.saveAgent(Agent{"agent-1", {{"os", "Linux"}}, 700, 731, 0}));
        CHECK(store.saveCiTarget(CiTarget{"jenkins", "jenkins", "https://ci.example.org/"}));
        CHECK(store.saveCiJob(
                CiJob{0, "jenkins", "alpha", linuxId.value(), "alpha-linux", "42", run, 733}));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(!qEnvironmentVariableIsEmpty("BITTERN_BIN"));
        m_backends.start();
    }

    void options_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error");
        QTest::addRow("migrate with defaults") << QStringList{"migrate"} << "";
        QTest::addRow("migrate dry run")
                << QStringList{"migrate", "--db", "x.db", "--dry-run"} << "";
        QTest::addRow("migrate positional") << QStringList{"migrate", "x.db"}
                                            << "bittern migrate takes no arguments besides its "
                                               "options.";
        QTest::addRow("backup without --to")
                << QStringList{"backup", "--db", "x.db"} << "bittern backup needs --to FILE.";
        QTest::addRow("backup has no --dry-run")
                << QStringList{"backup", "--to", "y", "--dry-run"} << "Unknown option 'dry-run'.";
        QTest::addRow("migrate-store without --from")
                << QStringList{"migrate-store", "--to", "postgresql://u@h/d"}
                << "bittern migrate-store needs --from STORE and --to STORE.";
        QTest::addRow("migrate-store complete")
                << QStringList{"migrate-store", "--from", "a.db", "--to", "postgresql://u@h/d"}
                << "";
    }
    void options()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);
        const auto options = parseStoreMaintenanceOptions(arguments);
        QCOMPARE(options ? QString() : options.error().message, error);
    }

    void migrateCommand_data() { addOldSchemaRows(); }
    void migrateCommand()
    {
        QFETCH(QString, backend);
        QFETCH(int, version);
        if (!m_backends.unavailable(backend).isEmpty())
            SKIP_TEST(qPrintable(m_backends.unavailable(backend)));
        const QString location = m_backends.freshLocation(backend);
        QString pendingList;
        const QVector<Migration> builtins = SchemaMigrator::builtinMigrations();
        CHECK(createStoreAt(location, version));
        for (const Migration &m : builtins.mid(version))
            pendingList += QStringLiteral("  %1 %2\n")
                                   .arg(m.version, 4, 10, QLatin1Char('0'))
                                   .arg(m.name);
        const QString name = displayName(location);
        const int latest = latestVersion();
        const ProcessRun dry = runBittern({"migrate", "--db", location, "--dry-run"});
        QCOMPARE(dry.err, QString());
        QCOMPARE(dry.out,
                 QStringLiteral("The store %1 is at schema version %2; %3 pending "
                                "migration(s) would bring it to %4:\n")
                                 .arg(name)
                                 .arg(version)
                                 .arg(latest - version)
                                 .arg(latest)
                         + pendingList);
        QCOMPARE(dry.exitCode, 0);
        const ProcessRun migrate = runBittern({"migrate", "--db", location});
        QCOMPARE(migrate.err, QString());
        QCOMPARE(migrate.out,
                 QStringLiteral("Migrated the store %1 from schema version %2 to %3.\n")
                         .arg(name)
                         .arg(version)
                         .arg(latest));
        const ProcessRun again = runBittern({"migrate", "--db", location});
        QCOMPARE(again.out,
                 QStringLiteral("The store %1 is at the latest schema version %2; "
                                "nothing to do.\n")
                         .arg(name)
                         .arg(latest));
        QCOMPARE(again.exitCode, 0);
        auto store = SqlStore::open(location);
        CHECK(store);
        QCOMPARE(store.value()->schemaVersion().value(), latest);
    }

    void serveMigratesOnStart_data() { addOldSchemaRows(); }
    void serveMigratesOnStart()
    {
        QFETCH(QString, backend);
        QFETCH(int, version);
        if (!m_backends.unavailable(backend).isEmpty())
            SKIP_TEST(qPrintable(m_backends.unavailable(backend)));
        const QString location = m_backends.freshLocation(backend);
        CHECK(createStoreAt(location, version));
        QProcess serve;
        // Stopped however the test ends.
        const auto stop = qScopeGuard([&serve] {
            if (serve.state() != QProcess::NotRunning) {
                serve.kill();
                serve.waitForFinished();
            }
        });
        serve.setProcessChannelMode(QProcess::MergedChannels);
        serve.start(qEnvironmentVariable("BITTERN_BIN"),
                    {"serve", "--db", location, "--listen", "127.0.0.1:0"});
        QVERIFY(serve.waitForStarted());
        QByteArray output;
        QTRY_VERIFY_WITH_TIMEOUT((output += serve.readAll()).contains("listening on"), 20000);
        serve.terminate();
        QVERIFY(serve.waitForFinished(20000));
        auto db = StoreDatabase::open(location, StoreCreation::MustExist);
        CHECK(db);
        QSqlDatabase raw = db.value()->database();
        QCOMPARE(SchemaMigrator::currentVersion(raw).value(), latestVersion());
    }

    void migrateRefusesNewerStore()
    {
        const QString location = m_backends.freshLocation("sqlite-wal");
        {
            auto store = SqlStore::open(location);
            CHECK(store);
        }
        {
            auto db = StoreDatabase::open(location, StoreCreation::MustExist);
            CHECK(db);
            QSqlQuery query(db.value()->database());
            QVERIFY(query.exec(QStringLiteral("INSERT INTO schema_version VALUES (%1, 'future', 0)")
                                       .arg(latestVersion() + 1)));
        }
        const ProcessRun run = runBittern({"migrate", "--db", location});
        QCOMPARE(run.err,
                 QStringLiteral("bittern migrate: The store %1 is at schema version %2, "
                                "newer than this bittern knows (%3); upgrade bittern.\n")
                         .arg(displayName(location))
                         .arg(latestVersion() + 1)
                         .arg(latestVersion()));
        QCOMPARE(run.exitCode, 2);
    }

    void backupWhileWriting()
    {
        const QString source = m_dir.filePath("live.db");
        const QString copy = m_dir.filePath("backup.db");
        auto store = SqlStore::open("sqlite:" + source);
        CHECK(store);
        fill(*store.value(), 40, 3000);
        if (QTest::currentTestFailed())
            return;
        BuildQuery all;
        all.limit = 0;
        const qint64 before = store.value()->builds(all).value().total;
        QProcess backup;
        backup.start(qEnvironmentVariable("BITTERN_BIN"),
                     {"backup", "--db", "sqlite:" + source, "--to", copy});
        QVERIFY(backup.waitForStarted());
        // A second connection keeps writing while the backup runs.
        int writes = 0;
        do {
            Build build;
            build.config = "alpha";
            build.revision = QStringLiteral("w%1").arg(writes++);
            build.platform = 1;
            CHECK(store.value()->enqueueBuild(build));
        } while (!backup.waitForFinished(1) && writes < 100000);
        backup.waitForFinished(60000);
        const QString out = QString::fromUtf8(backup.readAllStandardOutput());
        QCOMPARE(QString::fromUtf8(backup.readAllStandardError()), QString());
        QCOMPARE(backup.exitCode(), 0);
        QVERIFY2(out.startsWith(QStringLiteral("Backed up the store %1 to %2 (").arg(source, copy)),
                 qPrintable(out));
        QVERIFY2(out.endsWith("bytes; integrity check ok).\n"), qPrintable(out));
        qInfo("%d builds written while the backup ran", writes);
        {
            auto raw = StoreDatabase::open(copy, StoreCreation::MustExist);
            CHECK(raw);
            QSqlQuery check(raw.value()->database());
            QVERIFY(check.exec("PRAGMA integrity_check") && check.next());
            QCOMPARE(check.value(0).toString(), QString("ok"));
        }
        auto restored = SqlStore::open("sqlite:" + copy);
        CHECK(restored);
        const qint64 copied = restored.value()->builds(all).value().total;
        QVERIFY2(copied >= before && copied <= before + writes,
                 qPrintable(QStringLiteral("%1 builds in the copy").arg(copied)));
        const auto imported = restored.value()->buildDetail(3); // 1, 2: req-1
        CHECK(imported);
        QCOMPARE(imported.value().logs.size(), 1);
        const auto lines = restored.value()->logMessages(imported.value().logs.at(0).id, 0, 0);
        CHECK(lines);
        QCOMPARE(lines.value().size(), 3000);
        QCOMPARE(lines.value().at(2999).text, QString("line 2999 \"quoted\" 'x'"));
        QVERIFY(!QFile::exists(copy + ".partial"));
    }

    void backupErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error");
        QTest::addColumn<int>("code");
        const QString missing = m_dir.filePath("missing.db");
        QTest::addRow("missing store")
                << QStringList{"backup", "--db", missing, "--to", m_dir.filePath("x.db")}
                << QStringLiteral("bittern backup: The SQLite store %1 does not exist.\n")
                           .arg(missing)
                << 2;
        QTest::addRow("PostgreSQL store")
                << QStringList{"backup", "--db", "postgresql://u:secret@127.0.0.1:1/d", "--to", "x"}
                << QStringLiteral("bittern backup: bittern backup copies SQLite stores only; back "
                                  "up postgresql://u@127.0.0.1:1/d with pg_dump "
                                  "(docs/OPERATIONS.md).\n")
                << 2;
    }
    void backupErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);
        QFETCH(int, code);
        const ProcessRun run = runBittern(arguments);
        QCOMPARE(run.err, error);
        QCOMPARE(run.exitCode, code);
    }

    void migrateStoreToPostgres()
    {
        if (!m_backends.unavailable("postgresql").isEmpty())
            SKIP_TEST(qPrintable(m_backends.unavailable("postgresql")));
        const QString source = "sqlite:" + m_dir.filePath("to-move.db");
        QStringList expected;
        {
            auto store = SqlStore::open(source);
            CHECK(store);
            fill(*store.value(), 3, 1200);
            if (QTest::currentTestFailed())
                return;
            expected = dump(*store.value());
        }
        const QString target = m_backends.freshLocation("postgresql");
        QVERIFY(!target.isEmpty());
        const ProcessRun run = runBittern({"migrate-store", "--from", source, "--to", target});
        QCOMPARE(run.err, QString());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("  log_chunk        %1 rows\n").arg(3 * 3 + 1)),
                 qPrintable(run.out));
        QVERIFY2(run.out.endsWith(QStringLiteral(" tables from %1 (schema version %2) to %3 "
                                                 "(schema version %2); row counts verified.\n")
                                          .arg(displayName(source))
                                          .arg(latestVersion())
                                          .arg(displayName(target))),
                 qPrintable(run.out));
        auto moved = SqlStore::open(target);
        CHECK(moved);
        QCOMPARE(moved.value()->dialect(), SqlDialect::Postgres);
        const QStringList actual = dump(*moved.value());
        QVERIFY(expected.size() > 3000);
        QCOMPARE(actual, expected);
        // The sequences continue after the copied ids.
        BuildQuery all;
        all.limit = 0;
        const qint64 builds = moved.value()->builds(all).value().total;
        Build build;
        build.config = "alpha";
        build.revision = "after-move";
        build.platform = 1;
        const auto id = moved.value()->enqueueBuild(build);
        CHECK(id);
        QCOMPARE(id.value(), builds + 1);
        const auto platform = moved.value()->savePlatform(TargetPlatform{0, "beta", "any", {}});
        CHECK(platform);
        QCOMPARE(platform.value(), qint64(3));
        const auto job = moved.value()->saveCiJob(CiJob{0, "jenkins", "beta", 3, "b", "", 0, 1});
        CHECK(job);
        QCOMPARE(job.value(), qint64(2));
        // And back into a new SQLite file: the same store again.
        const QString back = "sqlite:" + m_dir.filePath("moved-back.db");
        const ProcessRun reverse = runBittern({"migrate-store", "--from", target, "--to", back});
        QCOMPARE(reverse.err, QString());
        QCOMPARE(reverse.exitCode, 0);
        auto roundTrip = SqlStore::open(back);
        CHECK(roundTrip);
        QCOMPARE(dump(*roundTrip.value()), dump(*moved.value()));
        // A second copy into the now filled database is refused.
        const ProcessRun again = runBittern({"migrate-store", "--from", source, "--to", target});
        QVERIFY2(
                again.err.startsWith(QStringLiteral("bittern migrate-store: The target store %1 is "
                                                    "not empty (it has the tables ")
                                             .arg(displayName(target))),
                qPrintable(again.err));
        QVERIFY(again.err.endsWith("); bittern migrate-store only fills a new, empty database.\n"));
        QCOMPARE(again.exitCode, 2);
    }

    void migrateStoreRollsBackOnError()
    {
        if (!m_backends.unavailable("postgresql").isEmpty())
            SKIP_TEST(qPrintable(m_backends.unavailable("postgresql")));
        const QString source = "sqlite:" + m_dir.filePath("broken.db");
        {
            auto store = SqlStore::open(source);
            CHECK(store);
            fill(*store.value(), 1, 10);
        }
        {
            // SQLite keeps text in an integer column; PostgreSQL refuses it mid-copy.
            auto db = StoreDatabase::open(source, StoreCreation::MustExist);
            CHECK(db);
            QSqlQuery query(db.value()->database());
            QVERIFY(query.exec("UPDATE agent SET last_seen = 'yesterday'"));
        }
        const QString target = m_backends.freshLocation("postgresql");
        const ProcessRun run = runBittern({"migrate-store", "--from", source, "--to", target});
        // (QPSQL may warn first that it could not free a statement of the aborted transaction.)
        QVERIFY2(run.err.contains(QStringLiteral("bittern migrate-store: Could not copy rows "
                                                 "into table agent in store database %1: ")
                                          .arg(displayName(target))),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains("\"yesterday\""), qPrintable(run.err));
        QCOMPARE(run.exitCode, 3);
        auto db = StoreDatabase::open(target, StoreCreation::MustExist);
        CHECK(db);
        QCOMPARE(db.value()->tables(), QStringList());
    }
};

QTEST_GUILESS_MAIN(tst_StoreOperations)
#include "tst_storeoperations.moc"
