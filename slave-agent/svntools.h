// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include "core/recipe.h"
#include "core/result.h"
#include "slave-agent/stepcontext.h"

namespace Agent {

class CommandRegistry;

/**
 * The svn namespace (bitten-spec §4.8): checkout (with the verbose filter and the shared_path
 * double checkout), export and update, with Bitten 0.6's argument lists.
 */
class SvnTools
{
public:
    static void registerCommands(CommandRegistry &registry);

    static Core::Result<void> checkout(StepContext &context, const Core::RecipeCommand &command);
    static Core::Result<void> exportTree(StepContext &context, const Core::RecipeCommand &command);
    static Core::Result<void> update(StepContext &context, const Core::RecipeCommand &command);

    /// svn's arguments after the program name (pure; for tests and the translator).
    static Core::Result<QStringList> checkoutArguments(const Core::RecipeCommand &command);
    static Core::Result<QStringList> exportArguments(const Core::RecipeCommand &command);
    static QStringList updateArguments(const Core::RecipeCommand &command);
};

} // namespace Agent
