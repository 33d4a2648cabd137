// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

#include "core/recipe.h"
#include "core/recipereader.h"
#include "core/result.h"

namespace Core {

/**
 * Writes recipes: the normalised form of a Recipe (current namespace URIs with conventional
 * prefixes, documented attribute spellings) and the form a Bitten master serves to a slave
 * (bitten-spec §5.4), which re-serialises the stored recipe text with build variables injected.
 */
class RecipeWriter
{
public:
    /// The normalised recipe as UTF-8 XML with a declaration: entities expanded, built-in
    /// namespaces (legacy and pre-0.5 too) as current URIs with conventional prefixes, command
    /// attributes spelt as documented, pre-0.5 <reports> wrappers flattened, onerror kept.
    static QByteArray normalized(const Recipe &recipe);

    /// The master's GET /builds/<id> body for recipe text @p source: the root element only
    /// (no declaration, no DOCTYPE, entities expanded), attributes in alphabetical order, empty
    /// elements as <x/>, comments and whitespace inside the root kept, and @p rootAttributes
    /// (path, revision, config, build, platform, name, form_token …) set on the root.
    static Result<QByteArray> masterForm(const QByteArray &source,
                                         const QMap<QString, QString> &rootAttributes,
                                         const RecipeReader &reader = RecipeReader());
};

} // namespace Core
