// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "core/enums.h"
#include "core/recipe.h"
#include "recipe-translator/plan.h"

namespace Translator {

/**
 * What the translator knows about each command apart from its shell form: the reports it
 * produces, why it needs the agent, and whether nothing can run it (docs/TRANSLATION.md has
 * the same table for people).
 */
class StrategyTable
{
public:
    /// Report kinds the agent produces for a command.
    static ReportKinds reports(const Core::RecipeCommand &command);
    /// Why nothing can run a command automatically; empty when something can.
    static QString manualReason(const Core::RecipeCommand &command);
    /// Why a command without an exact native form goes through the agent.
    static QString agentReason(Core::CommandId id);
};

} // namespace Translator
