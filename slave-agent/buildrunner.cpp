// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/buildrunner.h"

#include <QDir>
#include <QFileInfo>

#include "core/interpolator.h"
#include "slave-agent/reportdirwriter.h"
#include "slave-agent/summarytable.h"

namespace Agent {

namespace {

QHash<QString, QString> buildVariables(const Core::Recipe &recipe)
{
    QHash<QString, QString> variables;
    for (const Core::RecipeAttribute &attribute : recipe.variables)
        variables.insert(attribute.name, attribute.value);
    return variables;
}

QString exitReason(const StepRun &run)
{
    if (run.cancelled)
        return QStringLiteral("cancelled");
    if (run.internalError)
        return QStringLiteral("internal-error");
    return run.result.status == Core::StepResult::Status::Success ? QStringLiteral("completed")
                                                                  : QStringLiteral("failed");
}

Core::Interpolator::Context stepVariables(const Core::Recipe &recipe, const BuildSettings &settings,
                                          const QString &basedir)
{
    Core::Interpolator::Context context;
    context.properties = settings.properties;
    context.buildVariables = buildVariables(recipe);
    context.buildVariables.insert(QStringLiteral("basedir"), basedir);
    context.environment = settings.environment;
    return context;
}

} // namespace

BuildRunner::BuildRunner(const CommandRegistry &registry, ProcessLauncher &launcher,
                         StopSignal *stop)
    : m_registry(registry), m_launcher(launcher), m_stop(stop)
{ }

QString BuildRunner::safeName(const QString &stepId)
{
    QString name = stepId;
    for (QChar &c : name) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('.'))
            c = QLatin1Char('_');
    }
    return name.isEmpty() ? QStringLiteral("_") : name;
}

Core::Result<QString> BuildRunner::prepareBasedir(const Core::Recipe &recipe,
                                                  const BuildSettings &settings)
{
    Core::Interpolator::Context variables;
    variables.buildVariables = buildVariables(recipe);
    const QString path = Core::Interpolator(variables).interpolate(
            QDir(settings.workDir).filePath(settings.buildDirPattern));
    if (!QFileInfo(path).isDir() && !QDir().mkdir(path)) {
        return Core::makeError(
                Core::ErrorCode::WriteFailed,
                QStringLiteral("Could not create the build directory %1.").arg(path));
    }
    return QFileInfo(path).canonicalFilePath();
}

Core::Result<BuildOutcome> BuildRunner::run(const Core::Recipe &recipe,
                                            const BuildSettings &settings)
{
    BuildOutcome outcome;
    auto basedir = prepareBasedir(recipe, settings);
    if (!basedir)
        return basedir.error();
    outcome.basedir = basedir.value();
    StepRunner runner(m_registry, m_launcher, stepVariables(recipe, settings, outcome.basedir),
                      outcome.basedir, m_stop);
    runner.setLiveLog(m_liveLog);
    runner.setAsciiLiveLog(m_asciiLiveLog);
    runner.setAttachmentUpload(settings.attachmentUpload);
    runner.setRecipeName(settings.recipeName);
    runner.setResultLogs(settings.resultLogs);
    for (int i = 0; i < recipe.steps.size(); ++i) {
        const Core::RecipeStep &step = recipe.steps.at(i);
        say(QStringLiteral("==> [%1/%2] %3").arg(i + 1).arg(recipe.steps.size()).arg(step.id));
        const QString reportDir = QDir(settings.reportDir)
                                          .filePath(QStringLiteral("%1-%2")
                                                            .arg(i + 1, 2, 10, QLatin1Char('0'))
                                                            .arg(safeName(step.id)));
        auto summary = runOne(step, runner, reportDir, outcome);
        if (!summary)
            return summary.error();
        const bool failed = summary.value().status == Core::StepResult::Status::Failure;
        if (outcome.cancelled || (failed && step.onError == Core::OnError::Fail))
            break;
    }
    return outcome;
}

Core::Result<BuildOutcome> BuildRunner::runStep(const Core::Recipe &recipe, const QString &stepId,
                                                const BuildSettings &settings)
{
    const Core::RecipeStep *step = recipe.step(stepId);
    if (!step) {
        return Core::makeError(Core::ErrorCode::NotFound,
                               QStringLiteral("The recipe has no step \"%1\".").arg(stepId));
    }
    BuildOutcome outcome;
    auto basedir = prepareBasedir(recipe, settings);
    if (!basedir)
        return basedir.error();
    outcome.basedir = basedir.value();
    StepRunner runner(m_registry, m_launcher, stepVariables(recipe, settings, outcome.basedir),
                      outcome.basedir, m_stop);
    runner.setLiveLog(m_liveLog);
    runner.setAsciiLiveLog(m_asciiLiveLog);
    runner.setAttachmentUpload(settings.attachmentUpload);
    runner.setRecipeName(settings.recipeName);
    runner.setResultLogs(settings.resultLogs);
    say(QStringLiteral("==> %1").arg(step->id));
    auto summary = runOne(*step, runner, settings.reportDir, outcome);
    if (!summary)
        return summary.error();
    return outcome;
}

Core::Result<Core::StepSummary> BuildRunner::runOne(const Core::RecipeStep &step,
                                                    StepRunner &runner, const QString &reportDir,
                                                    BuildOutcome &outcome)
{
    if (!QDir().mkpath(reportDir)) {
        return Core::makeError(
                Core::ErrorCode::WriteFailed,
                QStringLiteral("Could not create the report directory %1.").arg(reportDir));
    }
    StepReportInfo info;
    info.onError = step.onError;
    info.basedir = runner.basedir();
    info.started = QDateTime::currentDateTimeUtc();
    const QDir dir(reportDir);
    auto run = runner.run(step, dir.filePath(QStringLiteral("result.xml")),
                          dir.filePath(QStringLiteral("step.log")));
    if (!run)
        return run.error();
    info.finished = QDateTime::currentDateTimeUtc();
    info.exitReason = exitReason(run.value());
    auto summary = ReportDirWriter::write(reportDir, run.value(), info);
    if (!summary)
        return summary.error();
    outcome.steps.append(summary.value());
    outcome.cancelled = outcome.cancelled || run.value().cancelled;
    const bool failed = summary.value().status == Core::StepResult::Status::Failure;
    if (failed && step.onError != Core::OnError::Ignore)
        outcome.failed = true;
    say(QStringLiteral("<== %1: %2 (%3 s)")
                .arg(step.id, SummaryTable::statusText(summary.value()))
                .arg(summary.value().durationSeconds, 0, 'f', 2));
    return summary;
}

void BuildRunner::say(const QString &line) const
{
    if (m_liveLog)
        m_liveLog(line);
}

} // namespace Agent
