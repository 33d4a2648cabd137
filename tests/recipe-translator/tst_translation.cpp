// SPDX-License-Identifier: GPL-3.0-or-later
// Golden tests over tests/data/translator/<case>/: recipe.xml (+ config.json) → Jenkinsfile,
// config.xml, buildbot.json, normalised.xml, audit.md, audit.json, compared byte for byte.
// BITTERN_REGENERATE_GOLDEN=1 rewrites the expected files (review the diff before committing).
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSaveFile>
#include <QtTest>

#include "recipe-translator/auditwriter.h"
#include "recipe-translator/translation.h"
#include "tests/recipe-translator/translatortestsupport.h"
#include "tests/testlib/testdata.h"

class tst_Translation : public QObject
{
    Q_OBJECT

private:
    static QMap<QString, QByteArray> outputs(const TestSupport::GoldenCase &golden)
    {
        using namespace Translator;
        QMap<QString, QByteArray> files;
        const TranslationResult jenkins
                = Translation::translate(golden.configuration, Target::Jenkins, golden.options);
        for (const OutputFile &file : jenkins.files)
            files.insert(QFileInfo(file.path).fileName(), file.content);
        if (!jenkins.error.isEmpty())
            files.insert(QStringLiteral("error.txt"), jenkins.error.toUtf8() + '\n');
        const TranslationResult buildbot
                = Translation::translate(golden.configuration, Target::Buildbot, golden.options);
        for (const OutputFile &file : buildbot.files)
            files.insert(QStringLiteral("buildbot.json"), file.content);
        const TranslationResult recipe
                = Translation::translate(golden.configuration, Target::Recipe, golden.options);
        for (const OutputFile &file : recipe.files)
            files.insert(QStringLiteral("normalised.xml"), file.content);
        const AuditContext context{
                {Target::Jenkins}, golden.options.strategy, golden.options.partial};
        files.insert(QStringLiteral("audit.md"), AuditWriter::markdown({jenkins.plan}, context));
        files.insert(QStringLiteral("audit.json"), AuditWriter::json({jenkins.plan}, context));
        return files;
    }

private Q_SLOTS:
    void golden_data()
    {
        QTest::addColumn<QString>("name");
        const QStringList names = TestSupport::goldenCaseNames();
        QVERIFY2(names.size() >= 20, "the issue asks for at least 20 golden cases");
        for (const QString &name : names)
            QTest::addRow("%s", qPrintable(name)) << name;
    }

    void golden()
    {
        QFETCH(QString, name);
        const TestSupport::GoldenCase golden = TestSupport::loadGoldenCase(name);
        QVERIFY(!golden.configuration.recipe.isEmpty());
        const QMap<QString, QByteArray> files = outputs(golden);
        const QDir dir(golden.directory);
        const bool regenerate = qEnvironmentVariableIsSet("BITTERN_REGENERATE_GOLDEN");
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            const QString path = dir.filePath(it.key());
            if (regenerate) {
                QSaveFile out(path);
                QVERIFY(out.open(QIODevice::WriteOnly));
                out.write(it.value());
                QVERIFY(out.commit());
                continue;
            }
            QVERIFY2(QFileInfo::exists(path), qPrintable(path + QStringLiteral(" is missing")));
            QCOMPARE(QString::fromUtf8(it.value()), QString::fromUtf8(TestLib::readFile(path)));
        }
    }

    /// Every shell script of every golden Buildbot file parses with `sh -n`.
    void scriptsAreValidShell()
    {
        int checked = 0;
        for (const QString &name : TestSupport::goldenCaseNames()) {
            const QJsonObject root
                    = QJsonDocument::fromJson(TestLib::readFile(TestLib::testDataPath(
                                                      "translator/" + name + "/buildbot.json")))
                              .object();
            for (const QJsonValue &step : root["steps"].toArray()) {
                const QJsonArray command = step["command"].toArray();
                if (command.isEmpty())
                    continue;
                QProcess sh;
                sh.start("sh", {"-n", "-c", command.at(2).toString()});
                QVERIFY(sh.waitForFinished(10000));
                QVERIFY2(sh.exitCode() == 0, qPrintable(name + ": " + sh.readAllStandardError()));
                ++checked;
            }
        }
        QVERIFY(checked > 40);
    }

    void everyBuiltInCommandIsCovered()
    {
        QSet<QString> seen;
        for (const QString &name : TestSupport::goldenCaseNames()) {
            const QByteArray audit = TestLib::readFile(
                    TestLib::testDataPath(QStringLiteral("translator/%1/audit.json").arg(name)));
            const QJsonObject root = QJsonDocument::fromJson(audit).object();
            for (const QJsonValue &config : root[QStringLiteral("configurations")].toArray()) {
                for (const QJsonValue &step : config[QStringLiteral("steps")].toArray()) {
                    for (const QJsonValue &command : step[QStringLiteral("commands")].toArray())
                        seen.insert(command[QStringLiteral("generator")].toString().section(
                                QLatin1Char('/'), -1));
                }
            }
        }
        const QStringList expected{
                "report",          "attach",       "sh#exec",         "sh#pipe",
                "c#configure",     "c#autoreconf", "c#make",          "c#cppunit",
                "c#cunit",         "c#gcov",       "java#ant",        "java#junit",
                "java#cobertura",  "mono#nunit",   "php#phing",       "php#phpunit",
                "php#coverage",    "php#phpcs",    "python#exec",     "python#distutils",
                "python#unittest", "python#trace", "python#coverage", "python#figleaf",
                "python#pylint",   "svn#checkout", "svn#export",      "svn#update",
                "hg#pull",         "xml#transform"};
        for (const QString &generator : expected)
            QVERIFY2(seen.contains(generator), qPrintable(generator));
    }
};

QTEST_GUILESS_MAIN(tst_Translation)
#include "tst_translation.moc"
