// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSet>
#include <QStringList>

#include "core/recipe.h"
#include "core/result.h"

namespace Bridge {

/**
 * The recipe a resumed build is served with (issue 8 item 5, docs/AGENT.md "Resuming"): a
 * build that was preempted restarts at its first unfinished step, so its finished steps are
 * left out of the recipe, except setup steps, which run again to rebuild the workspace on the
 * new agent. The setup steps are those the recipe marks (Core::RecipeReader::isSetupStep) and
 * those the configuration lists (Configuration::setupSteps). Pure.
 */
class RecipeResume
{
public:
    /// The finished steps of @p recipe that a resumed build leaves out: @p finished without
    /// the setup steps, i.e. without the recipe-marked ones and without those in
    /// @p configSetupSteps (ids that are no step of @p recipe change nothing).
    static QSet<QString> skippedSteps(const Core::Recipe &recipe, const QStringList &finished,
                                      const QStringList &configSetupSteps);
    /// @p masterForm (RecipeWriter::masterForm output) without the top-level <step> elements
    /// whose id is in @p skipped; everything else is kept byte for byte.
    static Core::Result<QByteArray> withoutSteps(const QByteArray &masterForm,
                                                 const QSet<QString> &skipped);
};

} // namespace Bridge
