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
    QStringList platformsAdded; ///< configurations that got the default target platform
};

/**
 * `bittern import recipes DIR`: every *.xml file of a directory becomes the recipe of the
 * configuration named after the file (created active, or updated keeping its other fields).
 * Files that are not readable recipes are reported and skipped. A configuration without
 * target platforms gets the default platform (`any`, no rules: every slave matches, as a
 * Bitten platform without rules), so it can be built at once; existing platforms are kept.
 */
class RecipeImporter
{
public:
    explicit RecipeImporter(Store &store);
    Core::Result<RecipeImportSummary> importDirectory(const QString &dir);
    /// The platform given to configurations that have none (config field ignored).
    void setDefaultPlatform(const TargetPlatform &platform) { m_defaultPlatform = platform; }
    /// `any` with no rules.
    static TargetPlatform anyPlatform();

private:
    Core::Result<void> importFile(const QString &path, RecipeImportSummary &summary);
    Core::Result<void> ensurePlatform(const QString &config, RecipeImportSummary &summary);

    Store &m_store;
    TargetPlatform m_defaultPlatform = anyPlatform();
};

} // namespace Bridge
