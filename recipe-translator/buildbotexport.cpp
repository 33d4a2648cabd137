// SPDX-License-Identifier: GPL-3.0-or-later
#include "recipe-translator/buildbotexport.h"

namespace Translator {

namespace {

Buildbot::BuilderStep builderStep(const StepPlan &step)
{
    Buildbot::BuilderStep out;
    out.bittenStep = step.id.isEmpty() ? QStringLiteral("step %1").arg(step.index + 1) : step.id;
    out.description = step.description;
    out.onError = step.onError;
    switch (step.strategy) {
    case Strategy::Manual:
        out.type = Buildbot::BuilderStep::Type::Fail;
        out.message = step.failureMessage;
        break;
    case Strategy::Agent:
        out.type = Buildbot::BuilderStep::Type::Agent;
        out.script = step.script;
        out.reportDir = step.reportDir;
        out.reports = step.reports.names();
        break;
    case Strategy::Native:
        out.script = step.script;
        break;
    }
    return out;
}

} // namespace

Buildbot::BuilderData BuildbotExport::builderData(const ConfigurationPlan &plan)
{
    Buildbot::BuilderData data;
    data.configuration = plan.name;
    data.label = plan.label;
    data.description = plan.description;
    data.path = plan.path;
    if (plan.needsRecipe()) {
        data.recipeFile = QStringLiteral(".bittern/recipe.xml");
        data.recipeText = plan.normalisedRecipe;
    }
    data.environment = {{QStringLiteral("BITTEN_CONFIG"), plan.name},
                        {QStringLiteral("BITTEN_PATH"), plan.path}};
    for (const PlatformPlan &platform : plan.platforms) {
        Buildbot::Builder builder;
        builder.name = QStringLiteral("bitten-%1-%2").arg(plan.name, platform.name);
        builder.platform = platform.name;
        for (const PlatformRule &rule : platform.rules)
            builder.rules += Buildbot::PlatformRule{rule.property, rule.pattern};
        builder.environment = {{QStringLiteral("BITTEN_PLATFORM"), platform.name}};
        data.builders += builder;
    }
    for (const StepPlan &step : plan.steps)
        data.steps += builderStep(step);
    return data;
}

QByteArray BuildbotExport::write(const ConfigurationPlan &plan)
{
    return Buildbot::BuilderDataWriter::write(builderData(plan));
}

} // namespace Translator
