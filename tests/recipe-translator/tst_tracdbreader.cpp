// SPDX-License-Identifier: GPL-3.0-or-later
// Builds Trac databases with Bitten's real tables (bitten-spec §8, as Trac's SQLite backend
// creates them) for schema versions 9 to 13, and reads them back.
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

#include "recipe-translator/tracdbreader.h"
#include "tests/testlib/bittenschema.h"
#include "tests/testlib/postgresinstance.h"

using TestLib::bittenSchema;
using TestLib::createDatabase;
using Translator::TracDbReader;

namespace {

const QStringList sampleRows{
        "INSERT INTO bitten_config VALUES ('trunk', '/trunk', 1, '<build/>', '100', '', 'Trunk', "
        "'Main line')",
        "INSERT INTO bitten_config VALUES ('branch-1.0', '/branches/1.0', 0, '<build><step "
        "id=\"x\"/></build>', '', '200', 'Branch', '')",
        "INSERT INTO bitten_platform VALUES (2, 'trunk', 'linux')",
        "INSERT INTO bitten_platform VALUES (1, 'trunk', 'mac')",
        "INSERT INTO bitten_platform VALUES (3, 'other', 'orphan')",
        "INSERT INTO bitten_rule VALUES (2, 'machine', '^x86_64$', 1)",
        "INSERT INTO bitten_rule VALUES (2, 'os', '^Linux$', 0)",
        "INSERT INTO bitten_rule VALUES (1, 'os', 'Darwin', 0)"};

} // namespace

class tst_TracDbReader : public QObject
{
    Q_OBJECT

private:
    static void verifySample(const QVector<Translator::Configuration> &configs)
    {
        QCOMPARE(configs.size(), 2);
        QCOMPARE(configs[0].name, QStringLiteral("branch-1.0"));
        QCOMPARE(configs[0].active, false);
        QCOMPARE(configs[0].maxRevision, QStringLiteral("200"));
        QVERIFY(configs[0].platforms.isEmpty());
        const Translator::Configuration &trunk = configs[1];
        QCOMPARE(trunk.path, QStringLiteral("/trunk"));
        QCOMPARE(trunk.label, QStringLiteral("Trunk"));
        QCOMPARE(trunk.description, QStringLiteral("Main line"));
        QCOMPARE(trunk.recipe, QByteArray("<build/>"));
        QCOMPARE(trunk.minRevision, QStringLiteral("100"));
        QCOMPARE(trunk.platforms.size(), 2);
        QCOMPARE(trunk.platforms[0].name, QStringLiteral("mac")); // by id
        QCOMPARE(trunk.platforms[1].name, QStringLiteral("linux"));
        QCOMPARE(trunk.platforms[1].rules.size(), 2);
        QCOMPARE(trunk.platforms[1].rules[0].property, QStringLiteral("os")); // by orderno
        QCOMPARE(trunk.platforms[1].rules[0].pattern, QStringLiteral("^Linux$"));
        QCOMPARE(trunk.platforms[1].rules[1].property, QStringLiteral("machine"));
        QVERIFY(trunk.source.endsWith("#trunk"));
    }

private Q_SLOTS:
    void readsSchemaVersions_data()
    {
        QTest::addColumn<int>("version");
        for (int version = 9; version <= 13; ++version)
            QTest::addRow("schema %d", version) << version;
    }

    void readsSchemaVersions()
    {
        QFETCH(int, version);
        QTemporaryDir dir;
        const QString path = dir.filePath("trac.db");
        QVERIFY(createDatabase(path, bittenSchema(version) + sampleRows));
        const auto configs = TracDbReader::read(path);
        QVERIFY2(configs, qPrintable(configs ? QString() : configs.error().message));
        verifySample(configs.value());
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("statements");
        QTest::addColumn<QString>("message"); // %1 = database path
        QTest::addRow("schema 8 is too old") << bittenSchema(8)
                                             << "Trac database %1 has Bitten schema version 8; "
                                                "bittern translate reads versions 9 to 13.";
        QTest::addRow("schema 14 is unknown") << bittenSchema(14)
                                              << "Trac database %1 has Bitten schema version 14; "
                                                 "bittern translate reads versions 9 to 13.";
        QTest::addRow("no Bitten")
                << QStringList{"CREATE TABLE system (name text PRIMARY KEY, value text)"}
                << "Trac database %1 has no Bitten schema version (no bitten_version row in table "
                   "system).";
        QTest::addRow("missing rule table")
                << bittenSchema(12) + QStringList{"DROP TABLE bitten_rule"}
                << "Could not read table bitten_rule of Trac database %1: no such table: "
                   "bitten_rule Unable to execute statement";
    }

    void errors()
    {
        QFETCH(QStringList, statements);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath("trac.db");
        QVERIFY(createDatabase(path, statements));
        const auto configs = TracDbReader::read(path);
        QVERIFY(!configs);
        QCOMPARE(configs.error().message, message.arg(path));
    }

    void missingFile()
    {
        const auto configs = TracDbReader::read("/nonexistent/trac.db");
        QVERIFY(!configs);
        QCOMPARE(configs.error().code, Core::ErrorCode::ReadFailed);
        QCOMPARE(
                configs.error().message,
                QStringLiteral("Could not open Trac database /nonexistent/trac.db: no such file."));
    }

    void isDatabase_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("database");
        QTest::addRow("sqlite file") << "env/db/trac.db" << true;
        QTest::addRow("postgres url") << "postgres://u:p@localhost/trac?schema=t" << true;
        QTest::addRow("postgresql url") << "postgresql://localhost/trac" << true;
        QTest::addRow("recipe") << "recipes/trunk.xml" << false;
        QTest::addRow("directory") << "recipes" << false;
    }

    void isDatabase()
    {
        QFETCH(QString, input);
        QFETCH(bool, database);
        QCOMPARE(TracDbReader::isDatabase(input), database);
    }

    void postgresql()
    {
        if (TestLib::PostgresInstance::binDir().isEmpty()) {
            QTest::qSkip("PostgreSQL binaries are not installed.", __FILE__, __LINE__);
            return;
        }
        TestLib::PostgresInstance postgres;
        QVERIFY2(postgres.start(), qPrintable(postgres.errorString()));
        QVERIFY2(postgres.createDatabase("trac"), qPrintable(postgres.errorString()));
        // In a schema of its own, as Trac does with ?schema= in its database URL.
        const QString script = "CREATE SCHEMA tracenv; SET search_path TO tracenv;\n"
                + (bittenSchema(12) + sampleRows).join(";\n") + ";\n";
        QVERIFY2(postgres.runSql("trac", script), qPrintable(postgres.errorString()));
        const auto configs = TracDbReader::read(postgres.url("trac") + "?schema=tracenv");
        QVERIFY2(configs, qPrintable(configs ? QString() : configs.error().message));
        verifySample(configs.value());
        QVERIFY(configs.value().at(1).source.startsWith(postgres.url("trac")));
    }
};

QTEST_GUILESS_MAIN(tst_TracDbReader)
#include "tst_tracdbreader.moc"
