// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/store/stepsequence.h"

#include <utility>

#include "core/recipereader.h"

namespace Bridge {

StepSequence::StepSequence(QVector<RecipeStepPolicy> steps) : m_steps(std::move(steps)) { }

Core::Result<StepSequence> StepSequence::fromRecipe(const QString &config, const QByteArray &recipe)
{
    const Core::Result<Core::Recipe> parsed = Core::RecipeReader(config).read(recipe);
    if (!parsed)
        return Core::makeError(Core::ErrorCode::Internal,
                               QStringLiteral("The recipe of configuration %1 cannot be read: %2")
                                       .arg(config, parsed.error().toString()));
    QVector<RecipeStepPolicy> steps;
    for (const Core::RecipeStep &step : parsed.value().steps)
        steps += RecipeStepPolicy{step.id, step.onError};
    return StepSequence(steps);
}

int StepSequence::indexOf(const QString &id) const
{
    for (int i = 0; i < m_steps.size(); ++i) {
        if (m_steps.at(i).id == id)
            return i;
    }
    return -1;
}

QString StepSequence::firstStep() const
{
    return m_steps.isEmpty() ? QString() : m_steps.constFirst().id;
}

std::optional<QString> StepSequence::next(const QString &id, StepStatus status) const
{
    const int index = indexOf(id);
    if (index < 0 || index + 1 >= m_steps.size())
        return std::nullopt;
    const Core::OnError policy = m_steps.at(index).onError;
    // An invalid policy never gets this far in Bitten (the recipe object fails); treat as fail.
    const bool stops = policy == Core::OnError::Fail || policy == Core::OnError::Invalid;
    if (status == StepStatus::Failure && stops)
        return std::nullopt;
    return m_steps.at(index + 1).id;
}

BuildStatus StepSequence::finalStatus(const QHash<QString, StepStatus> &stored) const
{
    for (const RecipeStepPolicy &step : m_steps) {
        const auto it = stored.constFind(step.id);
        if (it == stored.constEnd() || it.value() != StepStatus::Failure)
            continue;
        if (step.onError != Core::OnError::Ignore)
            return BuildStatus::Failure;
    }
    return BuildStatus::Success;
}

} // namespace Bridge
