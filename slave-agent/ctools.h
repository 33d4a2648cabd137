// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include "core/recipe.h"
#include "core/result.h"
#include "core/toolreport.h"
#include "slave-agent/stepcontext.h"

namespace Agent {

class CommandRegistry;

/**
 * The c namespace (bitten-spec §4.3): configure, autoreconf and make run their tools with
 * Bitten's exact argument lists; cppunit, cunit and gcov hand tool output to the core parsers.
 */
class CTools
{
public:
    static void registerCommands(CommandRegistry &registry);

    static Core::Result<void> configure(StepContext &context, const Core::RecipeCommand &command);
    static Core::Result<void> autoreconf(StepContext &context, const Core::RecipeCommand &command);
    static Core::Result<void> make(StepContext &context, const Core::RecipeCommand &command);
    static Core::Result<void> cppunit(StepContext &context, const Core::RecipeCommand &command);
    static Core::Result<void> cunit(StepContext &context, const Core::RecipeCommand &command);
    static Core::Result<void> gcov(StepContext &context, const Core::RecipeCommand &command);

    /// The arguments of configure, autoreconf and make (pure; for tests and the translator).
    static QStringList configureArguments(const StepContext &context,
                                          const Core::RecipeCommand &command);
    static QStringList autoreconfArguments(const Core::RecipeCommand &command);
    static Core::Result<QStringList> makeArguments(const StepContext &context,
                                                   const Core::RecipeCommand &command);

    /// Sends a parser's outputs to the step: log, errors, report, local warnings.
    static void apply(StepContext &context, const QString &generator,
                      const Core::ToolReport &toolReport);
};

} // namespace Agent
