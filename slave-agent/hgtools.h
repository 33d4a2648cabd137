// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include "core/recipe.h"
#include "core/result.h"
#include "slave-agent/stepcontext.h"

namespace Agent {

class CommandRegistry;

/// The hg namespace (bitten-spec §4.9): hg:pull runs `hg pull -u [-r REV]` in an existing clone.
class HgTools
{
public:
    static void registerCommands(CommandRegistry &registry);

    static Core::Result<void> pull(StepContext &context, const Core::RecipeCommand &command);
    /// hg's arguments: the revision is the part after the last ':' (Trac's "N:hash").
    static QStringList pullArguments(const Core::RecipeCommand &command);
};

} // namespace Agent
