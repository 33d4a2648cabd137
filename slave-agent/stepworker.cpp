// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/stepworker.h"

#include <cstdio>

#include <QDir>
#include <QMutexLocker>

#include "slave-agent/externalcommand.h"

namespace Agent {

StepWorker::StepWorker(const QHash<QString, QString> &externalCommands)
    : m_registry(CommandRegistry::builtin())
{
    ExternalCommand::registerAll(m_registry, externalCommands);
}

void StepWorker::requestStop()
{
    m_stopRequested = true;
    m_stop.request();
    QMutexLocker lock(&m_mutex);
    if (m_stepStop)
        m_stepStop->request();
}

void StepWorker::requestVacate()
{
    QMutexLocker lock(&m_mutex);
    if (!m_stepStop)
        return;
    m_vacateRequested = true;
    m_stepStop->request();
}

void StepWorker::runStep(const Core::Recipe &recipe, int index, const BuildSettings &settings)
{
    StopSignal stepStop;
    {
        QMutexLocker lock(&m_mutex);
        m_stepStop = &stepStop;
        m_vacateRequested = false;
        if (m_stopRequested)
            stepStop.request();
    }
    PosixProcessLauncher launcher(&stepStop);
    launcher.setSuspendSignal(&m_suspend);
    BuildRunner runner(m_registry, launcher, &stepStop);
    runner.setLiveLog([](const QString &line) {
        std::fprintf(stdout, "%s\n", qUtf8Printable(line));
        std::fflush(stdout);
    });
    const Core::RecipeStep &step = recipe.steps.at(index);
    auto outcome = runner.runStep(recipe, step.id, settings);
    {
        QMutexLocker lock(&m_mutex);
        m_stepStop = nullptr;
    }
    if (!outcome) {
        Q_EMIT stepFinished(index, StepVerdict::Broken, QString(), outcome.error().message);
        return;
    }
    const StepVerdict verdict = verdictOf(outcome.value());
    Q_EMIT stepFinished(index, verdict,
                        verdict == StepVerdict::Preempted
                                ? QString()
                                : QDir(settings.reportDir).filePath(QStringLiteral("result.xml")),
                        QString());
}

StepVerdict StepWorker::verdictOf(const BuildOutcome &outcome) const
{
    if (outcome.cancelled) {
        return m_vacateRequested && !m_stopRequested ? StepVerdict::Preempted
                                                     : StepVerdict::Cancelled;
    }
    const bool failed = !outcome.steps.isEmpty()
            && outcome.steps.first().status == Core::StepResult::Status::Failure;
    return failed ? StepVerdict::Failed : StepVerdict::Succeeded;
}

} // namespace Agent
