// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include "core/recipe.h"
#include "core/result.h"
#include "slave-agent/stepcontext.h"

namespace Agent {

class CommandRegistry;

/**
 * The php command library (bitten-spec §4.6): php:phing runs a Phing build; php:phpunit,
 * php:coverage and php:phpcs turn PHPUnit, Phing/clover and PHP_CodeSniffer output into reports
 * with the core parsers.
 */
class PhpTools
{
public:
    static void registerCommands(CommandRegistry &registry);

    static Core::Result<void> phing(StepContext &context, const Core::RecipeCommand &command);
    static Core::Result<void> phpunit(StepContext &context, const Core::RecipeCommand &command);
    static Core::Result<void> coverage(StepContext &context, const Core::RecipeCommand &command);
    static Core::Result<void> phpcs(StepContext &context, const Core::RecipeCommand &command);

    /// Phing's arguments: @p userArguments, the default logger, -buildfile and the target.
    static QStringList phingArguments(const StepContext &context,
                                      const Core::RecipeCommand &command,
                                      const QStringList &userArguments);
};

} // namespace Agent
