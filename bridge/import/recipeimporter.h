// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include "bridge/store/store.h"
#include "core/result.h"

namespace Bridge {

/// What a recipe directory import did.
struct RecipeImportSummary
{
    QStringList imported; ///< configuration names created or updated
    QStringList unchanged; ///< configurations whose stored recipe was already the file's
    QStringList problems; ///< one sentence per file that could not be imported
};

/**
 * `bittern import recipes DIR`: every *.xml file of a directory becomes the recipe of the
 * configuration named after the file (created active, or updated keeping its other fields).
 * Files that are not readable recipes are reported and skipped.
 */
class RecipeImporter
{
public:
    explicit RecipeImporter(Store &store);
    Core::Result<RecipeImportSummary> importDirectory(const QString &dir);

private:
    Core::Result<void> importFile(const QString &path, RecipeImportSummary &summary);

    Store &m_store;
};

} // namespace Bridge
