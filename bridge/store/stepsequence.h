// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVector>

#include "bridge/store/storetypes.h"
#include "core/enums.h"
#include "core/result.h"

namespace Bridge {

/// A recipe step as the master needs it: its id and effective onerror policy.
struct RecipeStepPolicy
{
    QString id;
    Core::OnError onError = Core::OnError::Fail;
};

/**
 * The master's view of a recipe's step order (bitten-spec §1.4, §5.4–5.5): which step runs
 * first, which comes after a stored step, when the build is complete and with what status.
 * Pure; the store feeds it the configuration's own recipe copy.
 */
class StepSequence
{
public:
    explicit StepSequence(QVector<RecipeStepPolicy> steps = {});
    /// The steps of a recipe; an unreadable recipe is an error naming @p config.
    static Core::Result<StepSequence> fromRecipe(const QString &config, const QByteArray &recipe);

    const QVector<RecipeStepPolicy> &steps() const { return m_steps; }
    /// Index of a step in the recipe, -1 when absent.
    int indexOf(const QString &id) const;
    /// The first step, empty for a recipe without steps.
    QString firstStep() const;
    /// The step to start after @p id was stored with @p status; nullopt when the build
    /// completes (the step failed with onerror=fail, or it was the last one).
    std::optional<QString> next(const QString &id, StepStatus status) const;
    /// The build's final status: F when a stored failed step has onerror fail or continue.
    BuildStatus finalStatus(const QHash<QString, StepStatus> &stored) const;

private:
    QVector<RecipeStepPolicy> m_steps;
};

} // namespace Bridge
