// SPDX-License-Identifier: GPL-3.0-or-later
#include <QXmlStreamReader>
#include <QtTest>

#include "integrations/jenkins/jenkinsfilewriter.h"
#include "integrations/jenkins/jobconfigwriter.h"

using Jenkins::PipelineStep;

class tst_JenkinsfileWriter : public QObject
{
    Q_OBJECT

private:
    static Jenkins::Pipeline pipeline(Core::OnError onError)
    {
        Jenkins::Pipeline p;
        p.name = "trunk";
        p.recipePath = ".bittern/recipe.xml";
        p.reportGlob = ".bittern/reports/**";
        Jenkins::PipelineStage stage;
        stage.name = "linux";
        stage.labelExpression = "os-linux";
        stage.steps += PipelineStep{PipelineStep::Kind::Shell, "test", "make check", {}, onError};
        p.stages += stage;
        return p;
    }

private Q_SLOTS:
    void onErrorMapping_data()
    {
        QTest::addColumn<Core::OnError>("onError");
        QTest::addColumn<QString>("expected");
        QTest::addRow("fail: plain step")
                << Core::OnError::Fail
                << "                    steps {\n"
                   "                        sh label: 'test', script: 'make check'\n"
                   "                    }\n";
        QTest::addRow("continue: catchError FAILURE")
                << Core::OnError::Continue
                << "catchError(buildResult: 'FAILURE', stageResult: 'FAILURE', catchInterruptions: "
                   "false,\n"
                   "                                    message: 'Bitten step test failed "
                   "(onerror=continue)') {\n"
                   "                            sh label: 'test', script: 'make check'\n"
                   "                        }\n";
        QTest::addRow("ignore: catchError SUCCESS")
                << Core::OnError::Ignore
                << "catchError(buildResult: 'SUCCESS', stageResult: 'SUCCESS', catchInterruptions: "
                   "false,\n"
                   "                                    message: 'Bitten step test failed "
                   "(onerror=ignore)') {\n";
    }

    void onErrorMapping()
    {
        QFETCH(Core::OnError, onError);
        QFETCH(QString, expected);
        const Core::Result<QString> text = Jenkins::JenkinsfileWriter::write(pipeline(onError));
        QVERIFY(text);
        QVERIFY2(text.value().contains(expected), qPrintable(text.value()));
        QVERIFY(text.value().contains("agent { label 'os-linux' }"));
        QVERIFY(!text.value().contains("post {")); // nothing to publish
    }

    void refusesControlCharacters()
    {
        Jenkins::Pipeline p = pipeline(Core::OnError::Fail);
        p.stages[0].steps[0].label = QStringLiteral("bad\x01");
        const Core::Result<QString> text = Jenkins::JenkinsfileWriter::write(p);
        QVERIFY(!text);
        QCOMPARE(text.error().message,
                 QStringLiteral("The text contains the control character U+0001, which a Groovy "
                                "string literal cannot carry safely."));
    }

    void publishesReports()
    {
        Jenkins::Pipeline p = pipeline(Core::OnError::Fail);
        p.stages[0].publishing = {true, true, true, true};
        p.stages[0].writesRecipe = true;
        p.recipeText = QString(20000, QLatin1Char('x'));
        const QString text = Jenkins::JenkinsfileWriter::write(p).value();
        QVERIFY(text.contains("junit testResults: '.bittern/reports/**/junit.xml'"));
        QVERIFY(text.contains("recordCoverage tools: [[parser: 'COBERTURA', pattern: "
                              "'.bittern/reports/**/cobertura.xml']], id: 'coverage-1'"));
        QVERIFY(text.contains("recordIssues tools: [issues(pattern: "
                              "'.bittern/reports/**/issues.json', id: 'lint-1'"));
        QVERIFY(text.contains("archiveArtifacts artifacts: '.bittern/reports/**'"));
        QCOMPARE(text.count(" +\n"), 2); // three literals of at most 8000 characters
    }

    void configXmlIsWellFormed()
    {
        Jenkins::JobConfig config;
        config.description = QStringLiteral("a & b <c> \x01 ]]>");
        config.parameters = {{"REVISION", "Revision", ""}};
        config.script = "pipeline { sh 'a && b < c' }";
        const QByteArray xml = Jenkins::JobConfigWriter::write(config);
        QXmlStreamReader reader(xml);
        QStringList elements;
        while (!reader.atEnd()) {
            if (reader.readNext() == QXmlStreamReader::StartElement)
                elements += reader.name().toString();
            if (reader.name() == QLatin1String("script") && reader.isStartElement())
                QCOMPARE(reader.readElementText(), config.script);
        }
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        for (const char *required :
             {"flow-definition", "description", "properties",
              "hudson.model.ParametersDefinitionProperty", "hudson.model.StringParameterDefinition",
              "definition", "sandbox"})
            QVERIFY2(elements.contains(QLatin1String(required)), required);
        QVERIFY(xml.contains(
                "<definition class=\"org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition\""));
        QVERIFY(xml.contains("<sandbox>true</sandbox>"));
    }
};

QTEST_GUILESS_MAIN(tst_JenkinsfileWriter)
#include "tst_jenkinsfilewriter.moc"
