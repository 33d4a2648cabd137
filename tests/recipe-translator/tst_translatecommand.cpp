// SPDX-License-Identifier: GPL-3.0-or-later
// `bittern translate` end to end: inputs (files, directories, a Trac database), output files,
// the audit and exit codes.
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include "recipe-translator/translatecommand.h"
#include "tests/testlib/testdata.h"

class tst_TranslateCommand : public QObject
{
    Q_OBJECT

private:
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

private Q_SLOTS:
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
};

QTEST_GUILESS_MAIN(tst_TranslateCommand)
#include "tst_translatecommand.moc"
