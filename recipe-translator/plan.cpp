// SPDX-License-Identifier: GPL-3.0-or-later
#include "recipe-translator/plan.h"

namespace Translator {

QStringList ReportKinds::names() const
{
    QStringList out;
    if (tests)
        out += QStringLiteral("test");
    if (coverage)
        out += QStringLiteral("coverage");
    if (lint)
        out += QStringLiteral("lint");
    if (attachments)
        out += QStringLiteral("attachments");
    return out;
}

bool ConfigurationPlan::needsRecipe() const
{
    for (const StepPlan &step : steps) {
        if (step.strategy == Strategy::Agent)
            return true;
    }
    return false;
}

ReportKinds ConfigurationPlan::reports() const
{
    ReportKinds kinds;
    for (const StepPlan &step : steps) {
        if (step.strategy == Strategy::Agent)
            kinds |= step.reports;
    }
    return kinds;
}

} // namespace Translator
