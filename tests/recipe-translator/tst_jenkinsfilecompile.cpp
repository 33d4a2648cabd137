// SPDX-License-Identifier: GPL-3.0-or-later
// Compiles every golden Jenkinsfile, and the Jenkinsfiles of the real recipes in the shared
// corpus, with Debian's groovy against the Pipeline DSL stub (tests/data/translator/dsl-stub),
// in one JVM run. Files that break the stub's rules must fail.
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "recipe-translator/translation.h"
#include "tests/recipe-translator/translatortestsupport.h"
#include "tests/testlib/testdata.h"

class tst_JenkinsfileCompile : public QObject
{
    Q_OBJECT

private:
    static QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
    {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            return QString();
        file.write(text);
        return file.fileName();
    }

private Q_SLOTS:
    void compilesAgainstDslStub()
    {
        if (TestSupport::groovyProgram().isEmpty()) {
            QTest::qSkip("groovy is not installed (dev.sh test_packages)", __FILE__, __LINE__);
            return;
        }
        QTemporaryDir dir;
        QStringList good;
        for (const QString &name : TestSupport::goldenCaseNames())
            good += TestLib::testDataPath(QStringLiteral("translator/%1/Jenkinsfile").arg(name));
        const QStringList corpus = TestLib::filesIn(TestLib::sharedPath("corpus/recipes"), "*.xml");
        for (const QString &recipe : corpus) {
            Translator::Configuration configuration;
            configuration.name = QFileInfo(recipe).completeBaseName();
            configuration.source = recipe;
            configuration.recipe
                    = TestLib::readFile(TestLib::sharedPath("corpus/recipes/" + recipe));
            // Auto, agent, and auto with Jenkinsfiles that call the shared library.
            for (const int variant : {0, 1, 2}) {
                const auto strategy = variant == 1 ? Translator::StrategyChoice::Agent
                                                   : Translator::StrategyChoice::Auto;
                Translator::PlanOptions options;
                options.strategy = strategy;
                if (variant == 2)
                    options.jenkinsLibrary = QStringLiteral("bittern@1.0");
                const auto result = Translator::Translation::translate(
                        configuration, Translator::Target::Jenkins, options);
                for (const Translator::OutputFile &file : result.files) {
                    if (file.path.endsWith("Jenkinsfile"))
                        good += write(
                                dir,
                                QStringLiteral("%1-%2.groovy").arg(configuration.name).arg(variant),
                                file.content);
                }
            }
        }
        QVERIFY(good.size() >= 20 + 3 * corpus.size() - 3);
        const QStringList bad{
                write(dir, "bad-println",
                      "pipeline { agent none\n stages { stage('a') { steps { println 'x' } } } "
                      "}\n"),
                write(dir, "bad-gstring",
                      "pipeline { agent none\n environment { X = \"${1+1}\" } }\n"),
                write(dir, "bad-concat",
                      "pipeline { agent none\n stages { stage('a' + 1 + 'b') { steps { sh 'x' } } "
                      "} }\n"),
                write(dir, "bad-step",
                      "pipeline { agent none\n stages { stage('a') { steps { bat 'x' } } } }\n"),
                write(dir, "bad-syntax",
                      "pipeline { agent none\n stages { stage('a\\u0027) { } }\n"),
                write(dir, "bad-def", "def f() { }\npipeline { agent none }\n"),
                write(dir, "bad-library-variable",
                      "@Library('bittern') lib\npipeline { agent none }\n"),
                write(dir, "bad-annotation", "@Deprecated _\npipeline { agent none }\n")};
        const QJsonObject results = TestSupport::checkJenkinsfiles(good + bad, dir.path());
        QCOMPARE(results.size(), good.size() + bad.size());
        for (const QString &file : qAsConst(good)) {
            const QJsonObject result = results[file].toObject();
            QVERIFY2(result["ok"].toBool(), qPrintable(file + ": " + result["error"].toString()));
            QVERIFY(!result["calls"].toArray().isEmpty());
        }
        for (const QString &file : bad)
            QVERIFY2(!results[file].toObject()["ok"].toBool(), qPrintable(file));
    }
};

QTEST_GUILESS_MAIN(tst_JenkinsfileCompile)
#include "tst_jenkinsfilecompile.moc"
