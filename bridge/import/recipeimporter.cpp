// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/import/recipeimporter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "core/recipereader.h"

namespace Bridge {

RecipeImporter::RecipeImporter(Store &store) : m_store(store) { }

TargetPlatform RecipeImporter::anyPlatform()
{
    TargetPlatform platform;
    platform.name = QStringLiteral("any");
    return platform;
}

Core::Result<void> RecipeImporter::ensurePlatform(const QString &config,
                                                  RecipeImportSummary &summary)
{
    const Core::Result<QVector<TargetPlatform>> platforms = m_store.platforms(config);
    if (!platforms)
        return platforms.error();
    if (!platforms.value().isEmpty())
        return {};
    TargetPlatform platform = m_defaultPlatform;
    platform.id = 0;
    platform.config = config;
    const Core::Result<qint64> saved = m_store.savePlatform(platform);
    if (!saved)
        return saved.error();
    summary.platformsAdded += config;
    return {};
}

Core::Result<RecipeImportSummary> RecipeImporter::importDirectory(const QString &dir)
{
    const QDir directory(dir);
    if (!directory.exists())
        return Core::makeError(
                Core::ErrorCode::ReadFailed,
                QStringLiteral("Could not read recipe directory %1: no such directory.").arg(dir));
    RecipeImportSummary summary;
    const QStringList files
            = directory.entryList({QStringLiteral("*.xml")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const Core::Result<void> done = importFile(directory.filePath(file), summary);
        if (!done)
            return done.error();
    }
    return summary;
}

Core::Result<void> RecipeImporter::importFile(const QString &path, RecipeImportSummary &summary)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        summary.problems
                += QStringLiteral("Could not open recipe %1: %2").arg(path, file.errorString());
        return {};
    }
    const QByteArray recipe = file.readAll();
    const Core::Result<Core::Recipe> parsed = Core::RecipeReader(path).read(recipe);
    if (!parsed) {
        summary.problems += QStringLiteral("%1:%2").arg(path, parsed.error().toString());
        return {};
    }
    const QString name = QFileInfo(path).completeBaseName();
    Core::Result<Configuration> existing = m_store.configuration(name);
    if (!existing && existing.error().code != Core::ErrorCode::NotFound)
        return existing.error();
    Configuration config;
    if (existing) {
        config = existing.value();
    } else {
        config.name = name;
        config.active = true;
    }
    if (existing && config.recipe == recipe) {
        summary.unchanged += name;
        return ensurePlatform(name, summary);
    }
    config.recipe = recipe;
    const Core::Result<void> saved = m_store.saveConfiguration(config);
    if (!saved)
        return saved;
    summary.imported += name;
    return ensurePlatform(name, summary);
}

} // namespace Bridge
