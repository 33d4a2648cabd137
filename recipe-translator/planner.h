// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/recipe.h"
#include "recipe-translator/configuration.h"
#include "recipe-translator/enums.h"
#include "recipe-translator/nativecommand.h"
#include "recipe-translator/plan.h"

namespace Translator {

/// Choices that shape a plan.
struct PlanOptions
{
    StrategyChoice strategy = StrategyChoice::Auto;
    PartialPolicy partial = PartialPolicy::FailUnsupported;
    QString recipePath = QStringLiteral(".bittern/recipe.xml");
    QString reportRoot = QStringLiteral(".bittern/reports");
    /// "NAME[@VERSION]": Jenkinsfiles load Bittern's shared library and call bittenRecipe;
    /// empty (the default): self-contained Jenkinsfiles.
    QString jenkinsLibrary;
};

/**
 * Compiles one configuration and its recipe into a target-neutral plan: per command the
 * strategy (native / agent / manual) with the reason, per step the shell text the CI runs,
 * per target platform the label and the node checks. Pure: no I/O.
 */
class Planner
{
public:
    explicit Planner(const PlanOptions &options) : m_options(options) { }

    ConfigurationPlan plan(const Configuration &configuration, const Core::Recipe &recipe) const;
    /// The plan of a configuration whose recipe could not be read.
    ConfigurationPlan unreadable(const Configuration &configuration,
                                 const Core::Error &error) const;
    /// The recipe as the CI will run it: with --allow-partial, manual commands are left out.
    Core::Recipe runnableRecipe(const Core::Recipe &recipe) const;

    /// "FILE:LINE:COL" for a position in the configuration's recipe.
    static QString location(const QString &source, const Core::SourcePosition &position);

private:
    CommandPlan planCommand(const Core::RecipeCommand &command, const NativeCommand &native) const;
    CommandPlan planModernised(const Core::RecipeCommand &command,
                               const NativeCommand &native) const;
    StepPlan planStep(const Core::RecipeStep &step, int index, const QString &source,
                      const NativeCommand &native) const;
    void finishNativeStep(StepPlan &step) const;
    void finishAgentStep(StepPlan &step) const;
    PlatformPlan planPlatform(const TargetPlatform &platform) const;
    static QString checkScript(const QVector<PlatformRule> &rules);

    PlanOptions m_options;
};

} // namespace Translator
