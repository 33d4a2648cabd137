// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/recipe.h"
#include "core/result.h"
#include "slave-agent/stepcontext.h"

namespace Agent {

class CommandRegistry;

/**
 * The python command library (bitten-spec §4.7): python:exec and python:distutils run the
 * interpreter (slave property python.path if it is an existing file, else python3); the
 * distutils command "unittest" takes the modern path of UnittestRunner. python:unittest,
 * python:trace, python:coverage and python:pylint read tool output with the core parsers;
 * python:figleaf reads the coverage.py JSON report that replaces figleaf's pickle.
 */
class PythonTools
{
public:
    static void registerCommands(CommandRegistry &registry);

    static Core::Result<void> exec(StepContext &context, const Core::RecipeCommand &command);
    static Core::Result<void> distutils(StepContext &context, const Core::RecipeCommand &command);
    static Core::Result<void> unittest(StepContext &context, const Core::RecipeCommand &command);
    static Core::Result<void> trace(StepContext &context, const Core::RecipeCommand &command);
    static Core::Result<void> coverage(StepContext &context, const Core::RecipeCommand &command);
    static Core::Result<void> figleaf(StepContext &context, const Core::RecipeCommand &command);
    static Core::Result<void> pylint(StepContext &context, const Core::RecipeCommand &command);

    /// The timeout attribute in whole seconds (0: none); an Error for a non-number, as in Bitten.
    static Core::Result<int> timeout(const Core::RecipeCommand &command);
};

} // namespace Agent
