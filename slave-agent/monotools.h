// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/recipe.h"
#include "core/result.h"
#include "slave-agent/stepcontext.h"

namespace Agent {

class CommandRegistry;

/// The mono command library (bitten-spec §4.5): mono:nunit reads NUnit 2.x result files.
class MonoTools
{
public:
    static void registerCommands(CommandRegistry &registry);
    static Core::Result<void> nunit(StepContext &context, const Core::RecipeCommand &command);
};

} // namespace Agent
