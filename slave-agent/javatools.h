// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include "core/recipe.h"
#include "core/result.h"
#include "slave-agent/stepcontext.h"

namespace Agent {

class CommandRegistry;

/**
 * The java command library (bitten-spec §4.4): java:ant runs Ant with its XmlLogger and turns
 * that log into the step log; java:junit and java:cobertura turn report files into "test" and
 * "coverage" reports with the core readers.
 */
class JavaTools
{
public:
    static void registerCommands(CommandRegistry &registry);

    static Core::Result<void> ant(StepContext &context, const Core::RecipeCommand &command);
    static Core::Result<void> junit(StepContext &context, const Core::RecipeCommand &command);
    static Core::Result<void> cobertura(StepContext &context, const Core::RecipeCommand &command);

    /// Ant's arguments after the executable: @p userArguments, the XmlLogger options writing
    /// to @p logFile, then -buildfile, -keep-going and the target as the command asks.
    static QStringList antArguments(const StepContext &context, const Core::RecipeCommand &command,
                                    const QStringList &userArguments, const QString &logFile);
};

} // namespace Agent
