// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrations/jenkins/jenkinsfilewriter.h"

#include "integrations/jenkins/groovyescaper.h"

namespace Jenkins {

namespace {

/// Recipe text is split into literals of this many characters: a Java class constant holds
/// at most 65535 bytes of modified UTF-8.
constexpr int recipeChunkSize = 8000;

} // namespace

/// Accumulates output and the first escaping error, so the writing code stays linear.
class JenkinsfileWriter::Context
{
public:
    QString text;
    Core::Error error;
    QString recipeLiteral;

    QString quote(const QString &value)
    {
        Core::Result<QString> literal = GroovyEscaper::singleQuoted(value);
        if (literal)
            return literal.value();
        if (error.code == Core::ErrorCode::None)
            error = literal.error();
        return QStringLiteral("''");
    }

    void line(int depth, const QString &content)
    {
        text += QString(depth * 4, QLatin1Char(' ')) + content + QLatin1Char('\n');
    }

    void environment(int depth, const EnvironmentEntries &entries)
    {
        if (entries.isEmpty())
            return;
        line(depth, QStringLiteral("environment {"));
        for (const auto &entry : entries)
            line(depth + 1, entry.first + QLatin1String(" = ") + quote(entry.second));
        line(depth, QStringLiteral("}"));
    }

    void recipeFile(int depth, const Pipeline &pipeline)
    {
        if (recipeLiteral.isEmpty())
            recipeLiteral = recipeChunks(depth, pipeline);
        line(depth,
             QLatin1String("writeFile file: ") + quote(pipeline.recipePath)
                     + QLatin1String(", encoding: 'UTF-8', text: ") + recipeLiteral);
    }

    /// The recipe as escaped literals joined with `+`; written once per stage, escaped once.
    QString recipeChunks(int depth, const Pipeline &pipeline)
    {
        QStringList chunks;
        for (int i = 0; i < pipeline.recipeText.size(); i += recipeChunkSize)
            chunks += quote(pipeline.recipeText.mid(i, recipeChunkSize));
        if (chunks.isEmpty())
            chunks += QStringLiteral("''");
        const QString indent = QLatin1Char('\n') + QString((depth + 2) * 4, QLatin1Char(' '));
        return chunks.join(QLatin1String(" +") + indent);
    }

    void step(int depth, const PipelineStep &step)
    {
        QString call;
        if (step.kind == PipelineStep::Kind::Fail)
            call = QLatin1String("error(") + quote(step.message) + QLatin1Char(')');
        else
            call = QLatin1String("sh label: ") + quote(step.label) + QLatin1String(", script: ")
                    + quote(step.script);
        if (step.onError == Core::OnError::Fail || step.onError == Core::OnError::Invalid) {
            line(depth, call);
            return;
        }
        const bool ignore = step.onError == Core::OnError::Ignore;
        const QString result = ignore ? QStringLiteral("'SUCCESS'") : QStringLiteral("'FAILURE'");
        const QString message = ignore ? QStringLiteral("Bitten step %1 failed (onerror=ignore)")
                                       : QStringLiteral("Bitten step %1 failed (onerror=continue)");
        line(depth,
             QLatin1String("catchError(buildResult: ") + result + QLatin1String(", stageResult: ")
                     + result + QLatin1String(", catchInterruptions: false,"));
        line(depth + 3,
             QLatin1String("message: ") + quote(message.arg(step.label)) + QLatin1String(") {"));
        line(depth + 1, call);
        line(depth, QStringLiteral("}"));
    }

    void publishing(int depth, const Pipeline &pipeline, const PipelineStage &stage, int index)
    {
        const Publishing &p = stage.publishing;
        if (!p.tests && !p.coverage && !p.lint && !p.artifacts)
            return;
        const QString glob = pipeline.reportGlob;
        const QString id = QString::number(index + 1);
        line(depth, QStringLiteral("post {"));
        line(depth + 1, QStringLiteral("always {"));
        const int d = depth + 2;
        if (p.tests)
            line(d,
                 QLatin1String("junit testResults: ") + quote(glob + QLatin1String("/junit.xml"))
                         + QLatin1String(", allowEmptyResults: true, keepProperties: true, "
                                         "skipPublishingChecks: true"));
        if (p.coverage)
            line(d,
                 QLatin1String("recordCoverage tools: [[parser: 'COBERTURA', pattern: ")
                         + quote(glob + QLatin1String("/cobertura.xml"))
                         + QLatin1String("]], id: 'coverage-") + id + QLatin1String("', name: ")
                         + quote(QLatin1String("Coverage ") + stage.name)
                         + QLatin1String(", sourceCodeRetention: 'NEVER', skipPublishingChecks: "
                                         "true, enabledForFailure: true"));
        if (p.lint)
            line(d,
                 QLatin1String("recordIssues tools: [issues(pattern: ")
                         + quote(glob + QLatin1String("/issues.json"))
                         + QLatin1String(", id: 'lint-") + id + QLatin1String("', name: ")
                         + quote(QLatin1String("Lint ") + stage.name)
                         + QLatin1String(
                                 ")], enabledForFailure: true, skipPublishingChecks: true"));
        if (p.artifacts)
            line(d,
                 QLatin1String("archiveArtifacts artifacts: ") + quote(glob)
                         + QLatin1String(", allowEmptyArchive: true, fingerprint: false"));
        line(depth + 1, QStringLiteral("}"));
        line(depth, QStringLiteral("}"));
    }

    /// One bittenRecipe call with the stage's steps (vars/bittenRecipe.groovy).
    void libraryCall(int depth, const Pipeline &pipeline, const PipelineStage &stage, int index)
    {
        QString head = QLatin1String("bittenRecipe id: ") + quote(QString::number(index + 1))
                + QLatin1String(", name: ") + quote(stage.name);
        if (pipeline.recipePath != QLatin1String(".bittern/recipe.xml"))
            head += QLatin1String(", recipe: ") + quote(pipeline.recipePath);
        QString root = pipeline.reportGlob;
        if (root.endsWith(QLatin1String("/**")))
            root.chop(3);
        if (root != QLatin1String(".bittern/reports"))
            head += QLatin1String(", reportRoot: ") + quote(root);
        line(depth, head + QLatin1String(", steps: ["));
        for (const PipelineStep &s : stage.steps) {
            static const char *const onError[] = {"fail", "continue", "ignore", "fail"};
            QString entry = QLatin1String("[id: ") + quote(s.label) + QLatin1String(", onerror: '")
                    + QLatin1String(onError[int(s.onError)]) + QLatin1Char('\'');
            if (s.kind == PipelineStep::Kind::Fail)
                entry += QLatin1String(", error: ") + quote(s.message);
            else if (s.kind == PipelineStep::Kind::Shell)
                entry += QLatin1String(", script: ") + quote(s.script);
            line(depth + 1, entry + QLatin1String("],"));
        }
        line(depth, QStringLiteral("]"));
    }

    void stage(int depth, const Pipeline &pipeline, const PipelineStage &stage, int index)
    {
        line(depth, QLatin1String("stage(") + quote(stage.name) + QLatin1String(") {"));
        if (stage.labelExpression.isEmpty())
            line(depth + 1, QStringLiteral("agent any"));
        else
            line(depth + 1,
                 QLatin1String("agent { label ") + quote(stage.labelExpression)
                         + QLatin1String(" }"));
        environment(depth + 1, stage.environment);
        line(depth + 1, QStringLiteral("steps {"));
        for (const PipelineStep &s : stage.checks)
            step(depth + 2, s);
        if (stage.writesRecipe)
            recipeFile(depth + 2, pipeline);
        if (!pipeline.library.isEmpty()) {
            libraryCall(depth + 2, pipeline, stage, index);
            line(depth + 1, QStringLiteral("}"));
            line(depth, QStringLiteral("}"));
            return;
        }
        for (const PipelineStep &s : stage.steps)
            step(depth + 2, s);
        line(depth + 1, QStringLiteral("}"));
        publishing(depth + 1, pipeline, stage, index);
        line(depth, QStringLiteral("}"));
    }
};

Core::Result<QString> JenkinsfileWriter::write(const Pipeline &pipeline)
{
    Context c;
    c.line(0, QStringLiteral("// Generated by bittern translate; edit the Bitten recipe instead."));
    if (!pipeline.library.isEmpty())
        c.line(0, QLatin1String("@Library(") + c.quote(pipeline.library) + QLatin1String(") _"));
    c.line(0, QStringLiteral("pipeline {"));
    c.line(1, QStringLiteral("agent none"));
    c.line(1, QStringLiteral("options {"));
    c.line(2, QStringLiteral("skipDefaultCheckout()"));
    c.line(1, QStringLiteral("}"));
    c.environment(1, pipeline.environment);
    c.line(1, QStringLiteral("stages {"));
    c.line(2, QLatin1String("stage(") + c.quote(pipeline.name) + QLatin1String(") {"));
    c.line(3, QStringLiteral("parallel {"));
    for (int i = 0; i < pipeline.stages.size(); ++i)
        c.stage(4, pipeline, pipeline.stages.at(i), i);
    c.line(3, QStringLiteral("}"));
    c.line(2, QStringLiteral("}"));
    c.line(1, QStringLiteral("}"));
    c.line(0, QStringLiteral("}"));
    if (c.error.code != Core::ErrorCode::None)
        return c.error;
    return c.text;
}

} // namespace Jenkins
