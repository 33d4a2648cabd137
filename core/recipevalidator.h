// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVector>

#include "core/enums.h"
#include "core/recipe.h"

namespace Core {

/// One finding about a recipe: severity, a complete sentence, and where it applies.
struct Diagnostic
{
    Severity severity = Severity::Error;
    QString message;
    SourcePosition position;
};

/**
 * Judges a Recipe: Bitten's own save-time rules with their exact texts (bitten-spec §1.6), then
 * what Bitten only finds when a slave runs the recipe (unknown commands, unsupported or missing
 * attributes, bad onerror values) and what cannot run as intended (third-party commands,
 * comment-only steps, the pre-0.5 format). Pure: no I/O.
 */
class RecipeValidator
{
public:
    /// All diagnostics for @p recipe, ordered by position.
    static QVector<Diagnostic> validate(const Recipe &recipe);
    /// Whether any diagnostic is an error.
    static bool hasErrors(const QVector<Diagnostic> &diagnostics);

private:
    static void checkStructure(const Recipe &recipe, QVector<Diagnostic> &out);
    static void checkStep(const RecipeStep &step, QVector<Diagnostic> &out);
    static void checkCommand(const RecipeCommand &command, QVector<Diagnostic> &out);
    static void checkAttributes(const RecipeCommand &command, QVector<Diagnostic> &out);
    static void checkNamespaces(const Recipe &recipe, QVector<Diagnostic> &out);
};

} // namespace Core
