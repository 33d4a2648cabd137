// SPDX-License-Identifier: GPL-3.0-or-later
// `bittern translate` end to end: inputs (files, directories, a Trac database), output files,
// the audit and exit codes.
#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include "recipe-translator/translatecommand.h"
#include "tests/testlib/bittenschema.h"
#include "tests/testlib/postgresinstance.h"
#include "tests/testlib/testdata.h"

class tst_TranslateCommand : public QObject
{
    Q_OBJECT

private:
    TestLib::PostgresInstance m_postgres;
    QString m_postgresError;

    static QString golden(const QString &name)
    {
        return TestLib::testDataPath(QStringLiteral("translator/%1/recipe.xml").arg(name));
    }

    static bool makeTracDb(const QString &path, const QByteArray &recipe)
    {
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "trac");
            db.setDatabaseName(path);
            QSqlQuery q(db);
            ok = db.open() && q.exec("CREATE TABLE system (name text PRIMARY KEY, value text)")
                    && q.exec("INSERT INTO system VALUES ('bitten_version', '12')")
                    && q.exec(
                            "CREATE TABLE bitten_config (name text PRIMARY KEY, path text, active "
                            "integer, recipe text, min_rev text, max_rev text, label text, "
                            "description text)")
                    && q.exec("CREATE TABLE bitten_platform (id integer PRIMARY KEY, config text, "
                              "name text)")
                    && q.exec("CREATE TABLE bitten_rule (id integer, propname text, pattern text, "
                              "orderno integer, UNIQUE (id,propname))")
                    && q.prepare(
                            "INSERT INTO bitten_config VALUES ('trunk', 'trunk', 1, ?, '', '', "
                            "'Trunk', '')");
            q.addBindValue(QString::fromUtf8(recipe));
            ok = ok && q.exec()
                    && q.exec("INSERT INTO bitten_platform VALUES (1, 'trunk', 'linux')")
                    && q.exec("INSERT INTO bitten_rule VALUES (1, 'os', '^Linux$', 0)");
            db.close();
        }
        QSqlDatabase::removeDatabase("trac");
        return ok;
    }

    /// Bitten's schema 12 with one configuration per golden case, two platforms on one.
    static bool fillTracDb(QSqlDatabase &db)
    {
        if (!TestLib::execStatements(db, TestLib::bittenSchema(12)))
            return false;
        const QStringList cases{"multi-platform", "hostile-strings", "entities",
                                "onerror",        "third-party",     "svn"};
        QSqlQuery q(db);
        for (const QString &name : cases) {
            q.prepare("INSERT INTO bitten_config VALUES (?, ?, 1, ?, '', '', ?, ?)");
            q.addBindValue(name);
            q.addBindValue(QString("/trunk/" + name));
            q.addBindValue(QString::fromUtf8(TestLib::readFile(golden(name))));
            q.addBindValue(QString("Label of " + name));
            q.addBindValue(QString("It's \"" + name + "\""));
            if (!q.exec())
                return false;
        }
        return TestLib::execStatements(
                db,
                {"INSERT INTO bitten_platform VALUES (2, 'multi-platform', 'linux')",
                 "INSERT INTO bitten_platform VALUES (1, 'multi-platform', 'mac')",
                 "INSERT INTO bitten_platform VALUES (3, 'svn', 'windows')",
                 "INSERT INTO bitten_rule VALUES (2, 'machine', '^x86_64$', 1)",
                 "INSERT INTO bitten_rule VALUES (2, 'os', '^Linux$', 0)",
                 "INSERT INTO bitten_rule VALUES (1, 'os', 'Darwin', 0)",
                 "INSERT INTO bitten_rule VALUES (3, 'family', 'nt', 0)"});
    }

    /// Every file under DIR by relative path, the database location replaced by "TRAC".
    static QMap<QString, QByteArray> tree(const QString &dir, const QString &location)
    {
        QMap<QString, QByteArray> files;
        QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            files[QDir(dir).relativeFilePath(path)]
                    = TestLib::readFile(path).replace(location.toUtf8(), "TRAC");
        }
        return files;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (TestLib::PostgresInstance::binDir().isEmpty())
            m_postgresError = "PostgreSQL binaries are not installed.";
        else if (!m_postgres.start())
            m_postgresError = "PostgreSQL could not be started: " + m_postgres.errorString();
        else if (!m_postgres.createDatabase("trac"))
            m_postgresError = "Could not create the database: " + m_postgres.errorString();
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("files");
        QTest::addRow("jenkins") << QStringList{"--to", "jenkins", golden("svn")} << 0
                                 << QStringList{"recipe/Jenkinsfile", "recipe/config.xml"};
        QTest::addRow("buildbot with audit")
                << QStringList{"--to", "buildbot", "--audit", golden("onerror")} << 0
                << QStringList{"recipe.json", "audit.md", "audit.json"};
        QTest::addRow("both CI targets in one run")
                << QStringList{"--to", "jenkins,buildbot", "--audit", golden("svn")} << 0
                << QStringList{"recipe/Jenkinsfile", "recipe/config.xml", "recipe.json", "audit.md",
                               "audit.json"};
        QTest::addRow("normalised recipe") << QStringList{"--to", "recipe", golden("entities")} << 0
                                           << QStringList{"recipe.xml"};
        QTest::addRow("two inputs of the same name")
                << QStringList{"--to", "buildbot", golden("svn"), golden("hg-pull")} << 0
                << QStringList{"recipe.json", "recipe-2.json"};
        QTest::addRow("unsupported configuration: 1")
                << QStringList{"--to", "jenkins", golden("python-figleaf")} << 1
                << QStringList{"recipe/Jenkinsfile"};
        QTest::addRow("missing input: 2")
                << QStringList{"--to", "jenkins", "/nonexistent.xml"} << 2 << QStringList();
        QTest::addRow("usage: 2") << QStringList{"--to", "nowhere", golden("svn")} << 2
                                  << QStringList();
        QTest::addRow("unreachable server: 3")
                << QStringList{"--to", "jenkins", "postgres://u:p@127.0.0.1:1/trac"} << 3
                << QStringList();
    }

    void exitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QStringList, files);
        QTemporaryDir dir;
        const QStringList args = QStringList{"translate", "-o", dir.path()} + arguments;
        QCOMPARE(Translator::runTranslate(args), exitCode);
        for (const QString &file : files)
            QVERIFY2(QFileInfo::exists(dir.filePath(file)), qPrintable(file));
    }

    void tracDatabase()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath("trac.db");
        QVERIFY(makeTracDb(db, TestLib::readFile(golden("multi-platform"))));
        const QString out = dir.filePath("out");
        QCOMPARE(Translator::runTranslate(
                         {"translate", "--to", "jenkins", "--audit", "-o", out, db}),
                 0);
        const QByteArray jenkinsfile = TestLib::readFile(out + "/trunk/Jenkinsfile");
        QVERIFY(jenkinsfile.contains("stage('linux') {"));
        QVERIFY(jenkinsfile.contains("agent { label 'os-Linux' }"));
        QVERIFY(jenkinsfile.contains("BITTEN_PATH = 'trunk'"));
        const QJsonObject audit
                = QJsonDocument::fromJson(TestLib::readFile(out + "/audit.json")).object();
        QCOMPARE(audit["summary"].toObject()["converted"].toInt(), 1);
        QCOMPARE(audit["configurations"][0]["source"].toString(), db + "#trunk");
    }

    void postgresqlMatchesSqlite_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addRow("jenkins") << "jenkins";
        QTest::addRow("buildbot") << "buildbot";
        QTest::addRow("normalised recipe") << "recipe";
    }

    /// More recipes than the workers may run ahead of the writer: all written, audit in order.
    void directoryOfManyRecipes()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir("in"));
        const QByteArray recipe = TestLib::readFile(golden("svn"));
        const int count = 1100;
        for (int i = 0; i < count; ++i) {
            QFile file(dir.filePath(QString("in/r%1.xml").arg(i, 4, 10, QLatin1Char('0'))));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(recipe);
        }
        const QString out = dir.filePath("out");
        QCOMPARE(Translator::runTranslate({"translate", "--to", "buildbot", "--audit", "-o", out,
                                           dir.filePath("in")}),
                 0);
        QCOMPARE(QDir(out).entryList({"r*.json"}, QDir::Files).size(), count);
        const QJsonObject audit
                = QJsonDocument::fromJson(TestLib::readFile(out + "/audit.json")).object();
        const QJsonArray configurations = audit["configurations"].toArray();
        QCOMPARE(configurations.size(), count);
        for (int i = 0; i < count; ++i)
            QCOMPARE(configurations[i].toObject()["name"].toString(),
                     QString("r%1").arg(i, 4, 10, QLatin1Char('0')));
    }

    /// `bittern translate postgresql://…` writes what the same data in a trac.db gives.
    void postgresqlMatchesSqlite()
    {
        QFETCH(QString, target);
        if (!m_postgresError.isEmpty()) {
            QTest::qSkip(qPrintable(m_postgresError), __FILE__, __LINE__);
            return;
        }
        if (QTest::currentDataTag() == QLatin1String("jenkins")) { // loaded once for all rows
            QSqlDatabase pg = QSqlDatabase::addDatabase("QPSQL", "pg");
            pg.setHostName("127.0.0.1");
            pg.setPort(m_postgres.port());
            pg.setUserName("postgres");
            pg.setDatabaseName("trac");
            QVERIFY2(pg.open(), qPrintable(pg.lastError().text()));
            const bool filled = fillTracDb(pg);
            pg.close();
            pg = QSqlDatabase();
            QSqlDatabase::removeDatabase("pg");
            QVERIFY(filled);
        }
        QTemporaryDir dir;
        const QString sqlite = dir.filePath("trac.db");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "lite");
            db.setDatabaseName(sqlite);
            QVERIFY(db.open());
            const bool filled = fillTracDb(db);
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase("lite");
            QVERIFY(filled);
        }
        const QString url = m_postgres.url("trac");
        const QStringList common{"translate", "--to", target, "--audit", "--allow-partial"};
        QCOMPARE(Translator::runTranslate(common + QStringList{"-o", dir.filePath("pg"), url}), 0);
        QCOMPARE(Translator::runTranslate(common + QStringList{"-o", dir.filePath("lite"), sqlite}),
                 0);
        const QMap<QString, QByteArray> fromPostgres = tree(dir.filePath("pg"), url);
        const QMap<QString, QByteArray> fromSqlite = tree(dir.filePath("lite"), sqlite);
        QCOMPARE(fromPostgres.keys(), fromSqlite.keys());
        QCOMPARE(fromPostgres.size(), target == "jenkins" ? 6 * 2 + 2 : 6 + 2);
        for (auto it = fromSqlite.cbegin(); it != fromSqlite.cend(); ++it)
            QVERIFY2(fromPostgres.value(it.key()) == it.value(), qPrintable(it.key()));
        const QJsonObject audit
                = QJsonDocument::fromJson(fromPostgres.value("audit.json")).object();
        QCOMPARE(audit["configurations"][0]["source"].toString(), "TRAC#entities");
    }
};

QTEST_GUILESS_MAIN(tst_TranslateCommand)
#include "tst_translatecommand.moc"
