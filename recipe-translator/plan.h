// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include "core/recipe.h"
#include "recipe-translator/configuration.h"
#include "recipe-translator/enums.h"

namespace Translator {

/// Kinds of agent reports a command produces, for the publishing steps.
struct ReportKinds
{
    bool tests = false;
    bool coverage = false;
    bool lint = false;
    bool attachments = false;

    ReportKinds &operator|=(const ReportKinds &other)
    {
        tests |= other.tests;
        coverage |= other.coverage;
        lint |= other.lint;
        attachments |= other.attachments;
        return *this;
    }
    QStringList names() const;
};

/// One command of a step, with the strategy chosen for it and why.
struct CommandPlan
{
    QString qualifiedName; ///< as written, e.g. "sh:exec"
    QString generator; ///< Bitten's generator id
    Core::CommandId id = Core::CommandId::Unknown;
    Core::NamespaceFamily family = Core::NamespaceFamily::None;
    Strategy strategy = Strategy::Agent;
    QString reason;
    QString script; ///< the native shell text (Strategy::Native)
    ReportKinds reports;
    Core::SourcePosition position;
    QVector<Core::RecipeAttribute> attributes; ///< kept for manual tasks
};

/// One Bitten step as the CI will run it.
struct StepPlan
{
    QString id;
    QString description;
    int index = 0; ///< 0-based position in the recipe; names the report directory
    Core::OnError onError = Core::OnError::Fail;
    Strategy strategy = Strategy::Native; ///< Native: script; Agent: agent; Manual: fails
    QString reason;
    QString script; ///< shell text for Native and Agent
    QString failureMessage; ///< Manual: why the step cannot run
    QString reportDir; ///< Agent
    ReportKinds reports;
    Core::SourcePosition position;
    QVector<CommandPlan> commands;
};

/// One target platform: where the steps run.
struct PlatformPlan
{
    QString name;
    QVector<PlatformRule> rules;
    QString labelExpression; ///< Jenkins label; empty = any node
    QVector<PlatformRule> nodeChecks; ///< rules no label expresses, checked on the node
    QString checkScript; ///< shell text that checks nodeChecks and fails with the reason
    QStringList notes;
};

/// A whole configuration, target-neutral: platforms × steps × commands.
struct ConfigurationPlan
{
    QString name;
    QString label;
    QString description;
    QString path;
    QString source;
    ConversionStatus status = ConversionStatus::Converted;
    QStringList problems; ///< why the configuration is partial or unsupported
    QString normalisedRecipe;
    QVector<PlatformPlan> platforms;
    QVector<StepPlan> steps;

    bool needsRecipe() const;
    ReportKinds reports() const;
};

} // namespace Translator
