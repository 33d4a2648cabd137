// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/stepworker.h"

#include <cstdio>

#include <QDir>

#include "slave-agent/externalcommand.h"

namespace Agent {

StepWorker::StepWorker(const QHash<QString, QString> &externalCommands)
    : m_launcher(&m_stop), m_registry(CommandRegistry::builtin())
{
    ExternalCommand::registerAll(m_registry, externalCommands);
}

void StepWorker::runStep(const Core::Recipe &recipe, int index, const BuildSettings &settings)
{
    BuildRunner runner(m_registry, m_launcher, &m_stop);
    runner.setLiveLog([](const QString &line) {
        std::fprintf(stdout, "%s\n", qUtf8Printable(line));
        std::fflush(stdout);
    });
    const Core::RecipeStep &step = recipe.steps.at(index);
    auto outcome = runner.runStep(recipe, step.id, settings);
    if (!outcome) {
        Q_EMIT stepFinished(index, StepVerdict::Broken, QString(), outcome.error().message);
        return;
    }
    const bool failed = !outcome.value().steps.isEmpty()
            && outcome.value().steps.first().status == Core::StepResult::Status::Failure;
    StepVerdict verdict = failed ? StepVerdict::Failed : StepVerdict::Succeeded;
    if (outcome.value().cancelled)
        verdict = StepVerdict::Cancelled;
    Q_EMIT stepFinished(index, verdict,
                        QDir(settings.reportDir).filePath(QStringLiteral("result.xml")), QString());
}

} // namespace Agent
