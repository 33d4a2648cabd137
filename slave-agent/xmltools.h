// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/recipe.h"
#include "core/result.h"
#include "slave-agent/stepcontext.h"

namespace Agent {

class CommandRegistry;

/**
 * The xml command library (bitten-spec §4.10): x:transform applies an XSLT 1.0 stylesheet
 * with libxslt, the engine Bitten used.
 */
class XmlTools
{
public:
    static void registerCommands(CommandRegistry &registry);
    static Core::Result<void> transform(StepContext &context, const Core::RecipeCommand &command);
};

} // namespace Agent
