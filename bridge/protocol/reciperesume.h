// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSet>
#include <QStringList>

#include "core/recipe.h"
#include "core/result.h"

namespace Bridge {

/**
 * The recipe a resumed build is served with (issue 8 item 5, docs/AGENT.md "Preemption"): a
 * build that was preempted restarts at its first unfinished step, so its finished steps are
 * left out of the recipe, except setup steps (Core::RecipeReader::isSetupStep), which run
 * again to rebuild the workspace on the new agent. Pure.
 */
class RecipeResume
{
public:
    /// The finished steps of @p recipe that a resumed build leaves out: @p finished without
    /// the setup steps.
    static QSet<QString> skippedSteps(const Core::Recipe &recipe, const QStringList &finished);
    /// @p masterForm (RecipeWriter::masterForm output) without the top-level <step> elements
    /// whose id is in @p skipped; everything else is kept byte for byte.
    static Core::Result<QByteArray> withoutSteps(const QByteArray &masterForm,
                                                 const QSet<QString> &skipped);
};

} // namespace Bridge
