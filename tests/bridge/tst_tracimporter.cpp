// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

#include <KCompressionDevice>

#include "bridge/import/trachistoryreader.h"
#include "bridge/import/tracimporter.h"
#include "bridge/store/sqlstore.h"
#include "tests/testlib/bittenschema.h"
#include "tests/testlib/postgresinstance.h"

using namespace Bridge;

namespace {

const char *recipe
        = "<build><step id=\"checkout\"/><step id=\"test\" onerror=\"continue\"/></build>";

/// Three builds of "trunk" on two platforms: a success with a log and a test report, a
/// failure with errors and a lint report, and a pending build.
QStringList historyRows()
{
    return {QStringLiteral("INSERT INTO bitten_config VALUES ('trunk', '/trunk', 1, '%1', '', '', "
                           "'Trunk', 'Main line')")
                    .arg(recipe),
            "INSERT INTO bitten_platform VALUES (2, 'trunk', 'linux')",
            "INSERT INTO bitten_platform VALUES (1, 'trunk', 'mac')",
            "INSERT INTO bitten_rule VALUES (2, 'os', '^Linux', 0)",
            "INSERT INTO bitten_rule VALUES (1, 'os', 'Darwin', 0)",
            "INSERT INTO bitten_build (id, config, rev, rev_time, platform, slave, started, "
            "stopped, status) VALUES (1, 'trunk', '10', 1000, 2, 'alpha', 1010, 1020, 'S')",
            "INSERT INTO bitten_build (id, config, rev, rev_time, platform, slave, started, "
            "stopped, status) VALUES (2, 'trunk', '11', 1100, 1, 'beta', 1110, 1120, 'F')",
            "INSERT INTO bitten_build (id, config, rev, rev_time, platform, slave, started, "
            "stopped, status) VALUES (3, 'trunk', '12', 1200, 2, '', 0, 0, 'P')",
            "INSERT INTO bitten_slave VALUES (1, 'name', 'alpha')",
            "INSERT INTO bitten_slave VALUES (1, 'os', 'Linux')",
            "INSERT INTO bitten_slave VALUES (1, 'token', 'abc')",
            // Same start time: the recipe decides the order.
            "INSERT INTO bitten_step VALUES (1, 'test', '', 'S', 1012, 1020)",
            "INSERT INTO bitten_step VALUES (1, 'checkout', '', 'S', 1012, 1012)",
            "INSERT INTO bitten_step VALUES (2, 'checkout', '', 'S', 1110, 1111)",
            "INSERT INTO bitten_step VALUES (2, 'test', '', 'F', 1111, 1120)",
            "INSERT INTO bitten_error VALUES (2, 'test', 'first error', 0)",
            "INSERT INTO bitten_error VALUES (2, 'test', 'second error', 1)",
            "INSERT INTO bitten_log VALUES (5, 1, 'checkout', 'http://bitten.edgewall.org/tools/"
            "svn#checkout', 0, '5.log')",
            "INSERT INTO bitten_log VALUES (6, 2, 'test', 'sh#exec', 0, '6.log')",
            "INSERT INTO bitten_report VALUES (7, 1, 'test', 'test', 'junit')",
            "INSERT INTO bitten_report_item VALUES (7, 0, 'type', 'test')",
            "INSERT INTO bitten_report_item VALUES (7, 0, 'fixture', 'Foo')",
            "INSERT INTO bitten_report_item VALUES (7, 0, 'status', 'success')",
            "INSERT INTO bitten_report_item VALUES (7, 1, 'type', 'test')",
            "INSERT INTO bitten_report_item VALUES (7, 1, 'fixture', 'Foo')",
            "INSERT INTO bitten_report_item VALUES (7, 1, 'status', 'failure')",
            "INSERT INTO bitten_report VALUES (8, 2, 'test', 'lint', 'pylint')",
            "INSERT INTO bitten_report_item VALUES (8, 0, 'type', 'W0612')",
            "INSERT INTO bitten_report_item VALUES (8, 0, 'category', 'warning')"};
}

bool writeFile(const QString &path, const QByteArray &data, bool gzip)
{
    if (gzip) {
        KCompressionDevice device(path + ".gz", KCompressionDevice::GZip);
        return device.open(QIODevice::WriteOnly) && device.write(data) == data.size();
    }
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

/// Log files as the schema version names them (§8.2–8.3).
bool writeLogs(const QString &dir, int version)
{
    QDir().mkpath(dir);
    const bool gzip = version >= 13;
    const QString levels = version >= 11 ? ".levels" : ".level";
    return writeFile(dir + "/5.log", "A    trunk/a.c\nA    trunk/b.c\nChecked out r10.\n", gzip)
            && writeFile(dir + "/5.log" + levels, "info\ninfo\nwarning\n", gzip)
            && writeFile(dir + "/6.log", "make: *** [test] Error 1\n", gzip)
            && writeFile(dir + "/6.log" + levels, "error\n", gzip);
}

} // namespace

class tst_TracImporter : public QObject
{
    Q_OBJECT

private:
    TestLib::PostgresInstance m_postgres;
    QString m_postgresError;

    static void verifyStore(Store &store)
    {
        const auto configs = store.configurations();
        QVERIFY(configs);
        QCOMPARE(configs.value().size(), 1);
        QCOMPARE(configs.value().at(0).label, QString("Trunk"));
        QCOMPARE(configs.value().at(0).recipe, QByteArray(recipe));
        const auto platforms = store.platforms("trunk");
        QCOMPARE(platforms.value().size(), 2);
        // In Trac's id order: mac (1), linux (2).
        QCOMPARE(platforms.value().at(0).name, QString("mac"));
        QCOMPARE(platforms.value().at(1).name, QString("linux"));
        QCOMPARE(platforms.value().at(1).rules, (QVector<PlatformRule>{{"os", "^Linux"}}));
        const BuildPage page = store.builds(BuildQuery()).value();
        QCOMPARE(page.total, qint64(3));
        QCOMPARE(page.builds.at(0).status, BuildStatus::Pending);
        QCOMPARE(page.builds.at(0).platform, platforms.value().at(1).id);
        const BuildDetail success = store.buildDetail(page.builds.at(2).id).value();
        QCOMPARE(success.build.revision, QString("10"));
        QCOMPARE(success.build.status, BuildStatus::Success);
        QCOMPARE(success.build.slave, QString("alpha"));
        QCOMPARE(success.slave.token(), QString("abc"));
        QCOMPARE(success.steps.size(), 2);
        QCOMPARE(success.steps.at(0).name, QString("checkout"));
        QCOMPARE(success.steps.at(1).name, QString("test"));
        QCOMPARE(success.logs.size(), 1);
        const auto messages = store.logMessages(success.logs.at(0).id, 0, 0).value();
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages.at(2).text, QString("Checked out r10."));
        QCOMPARE(messages.at(2).level, QString("warning"));
        QCOMPARE(success.reports.size(), 1);
        QCOMPARE(success.reports.at(0).items.size(), 2);
        QCOMPARE(success.reports.at(0).items.at(1).value("status"), QString("failure"));
        const BuildDetail failure = store.buildDetail(page.builds.at(1).id).value();
        QCOMPARE(failure.build.status, BuildStatus::Failure);
        QCOMPARE(failure.errors.size(), 2);
        QCOMPARE(failure.errors.at(1).message, QString("second error"));
        QCOMPARE(failure.steps.at(1).status, StepStatus::Failure);
        QCOMPARE(store.logMessages(failure.logs.at(0).id, 0, 0).value().at(0).level,
                 QString("error"));
        const auto metrics = store.metrics("trunk").value();
        QCOMPARE(metrics.size(), 2);
        QCOMPARE(metrics.at(0).tests.failure, qint64(1));
        QCOMPARE(metrics.at(1).lint.warning, qint64(1));
    }

    static void importTwice(Store &store, const QString &input)
    {
        qint64 lastDone = 0;
        qint64 lastTotal = 0;
        TracImporter counting(store, [&](qint64 done, qint64 total) {
            lastDone = done;
            lastTotal = total;
        });
        const auto first = counting.importTrac(input);
        QVERIFY2(first, first ? "" : qPrintable(first.error().message));
        QCOMPARE(first.value().configurations, 1);
        QCOMPARE(first.value().platforms, 2);
        QCOMPARE(first.value().buildsImported, 3);
        QCOMPARE(first.value().buildsSkipped, 0);
        QCOMPARE(lastDone, qint64(3));
        QCOMPARE(lastTotal, qint64(3));
        const auto second = counting.importTrac(input);
        QVERIFY(second);
        QCOMPARE(second.value().buildsImported, 0);
        QCOMPARE(second.value().buildsSkipped, 3);
        QCOMPARE(store.platforms(QString()).value().size(), 2);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (TestLib::PostgresInstance::binDir().isEmpty())
            m_postgresError = "PostgreSQL binaries are not installed; PostgreSQL rows skipped.";
        else if (!m_postgres.start())
            m_postgresError = "PostgreSQL could not be started: " + m_postgres.errorString();
    }

    void importsEnvironment_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<QString>("form");
        for (int version = 9; version <= 13; ++version)
            QTest::addRow("schema %d, environment directory", version) << version << "env";
        QTest::addRow("schema 12, trac.db file") << 12 << "file";
    }
    void importsEnvironment()
    {
        QFETCH(int, version);
        QFETCH(QString, form);
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.filePath("env/db")));
        QVERIFY(TestLib::createDatabase(dir.filePath("env/db/trac.db"),
                                        TestLib::bittenSchema(version) + historyRows()));
        QVERIFY(writeLogs(dir.filePath("env/log/bitten"), version));
        auto store = SqlStore::open(":memory:");
        QVERIFY(store);
        importTwice(*store.value(),
                    form == "env" ? dir.filePath("env") : dir.filePath("env/db/trac.db"));
        if (QTest::currentTestFailed())
            return;
        verifyStore(*store.value());
    }

    void readsTracIni()
    {
        QTemporaryDir dir;
        const QString env = dir.filePath("env");
        QVERIFY(QDir().mkpath(env + "/conf"));
        QVERIFY(QDir().mkpath(env + "/data"));
        QVERIFY(writeFile(
                env + "/conf/trac.ini",
                "[trac]\ndatabase = sqlite:data/bitten.db\n\n[bitten]\nlogs_dir = buildlogs\n",
                false));
        QVERIFY(TestLib::createDatabase(env + "/data/bitten.db",
                                        TestLib::bittenSchema(12) + historyRows()));
        QVERIFY(writeLogs(env + "/buildlogs", 12));
        const auto location = TracLocation::resolve(env);
        QVERIFY(location);
        QCOMPARE(location.value().database, QDir::cleanPath(env + "/data/bitten.db"));
        QCOMPARE(location.value().logsDir, QDir::cleanPath(env + "/buildlogs"));
        auto store = SqlStore::open(":memory:");
        QVERIFY(store);
        importTwice(*store.value(), env);
        if (QTest::currentTestFailed())
            return;
        verifyStore(*store.value());
    }

    void importsFromPostgres()
    {
        if (!m_postgresError.isEmpty()) {
            QTest::qSkip(qPrintable(m_postgresError), __FILE__, __LINE__);
            return;
        }
        QVERIFY(m_postgres.createDatabase("trac"));
        QVERIFY(m_postgres.createDatabase("store"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QPSQL", "trac");
            db.setHostName("127.0.0.1");
            db.setPort(m_postgres.port());
            db.setUserName("postgres");
            db.setDatabaseName("trac");
            QVERIFY(db.open());
            QVERIFY(TestLib::execStatements(db, TestLib::bittenSchema(12) + historyRows()));
            db.close();
        }
        QSqlDatabase::removeDatabase("trac");
        QTemporaryDir logs;
        QVERIFY(writeLogs(logs.path(), 12));
        auto store = SqlStore::open(m_postgres.url("store"));
        QVERIFY2(store, store ? "" : qPrintable(store.error().message));
        TracImporter importer(*store.value());
        importer.setLogsDir(logs.path());
        const auto first = importer.importTrac(m_postgres.url("trac"));
        QVERIFY2(first, first ? "" : qPrintable(first.error().message));
        QCOMPARE(first.value().buildsImported, 3);
        QCOMPARE(importer.importTrac(m_postgres.url("trac")).value().buildsSkipped, 3);
        verifyStore(*store.value());
    }

    void rejectsUnusableInput_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<QString>("error");
        QTest::addRow("schema 8 is too old")
                << 8 << "Trac database %1 has Bitten schema 8; Bittern imports schemas 9 to 13.";
        QTest::addRow("no such file")
                << 0 << "Could not open Trac database %1: no such file or directory.";
    }
    void rejectsUnusableInput()
    {
        QFETCH(int, version);
        QFETCH(QString, error);
        QTemporaryDir dir;
        const QString path = dir.filePath("trac.db");
        if (version > 0)
            QVERIFY(TestLib::createDatabase(path, TestLib::bittenSchema(version)));
        auto store = SqlStore::open(":memory:");
        TracImporter importer(*store.value());
        const auto result = importer.importTrac(path);
        QVERIFY(!result);
        // Schema 8 is caught by the configuration reader first, with its own sentence.
        if (version == 8)
            QVERIFY2(result.error().message.contains(path), qPrintable(result.error().message));
        else
            QCOMPARE(result.error().message, error.arg(path));
        QCOMPARE(store.value()->builds(BuildQuery()).value().total, qint64(0));
    }
};

QTEST_GUILESS_MAIN(tst_TracImporter)
#include "tst_tracimporter.moc"
