// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/import/tracimporter.h"

#include <utility>

#include <QFileInfo>
#include <QUrl>

#include "bridge/import/trachistoryreader.h"
#include "bridge/store/stepsequence.h"
#include "recipe-translator/tracdbreader.h"

namespace Bridge {

namespace {

/// The import key of a Trac database: the same for an environment and its trac.db.
QString sourceKey(const QString &database)
{
    if (database.startsWith(QLatin1String("postgres")))
        return QStringLiteral("trac:")
                + QUrl(database).toDisplayString(QUrl::RemovePassword | QUrl::RemoveQuery);
    return QStringLiteral("trac:") + QFileInfo(database).canonicalFilePath();
}

} // namespace

TracImporter::TracImporter(Store &store, Progress progress)
    : m_store(store), m_progress(std::move(progress))
{ }

Core::Result<qint64> TracImporter::importPlatform(const TargetPlatform &platform)
{
    const Core::Result<QVector<TargetPlatform>> existing = m_store.platforms(platform.config);
    if (!existing)
        return existing.error();
    TargetPlatform stored = platform;
    stored.id = 0;
    for (const TargetPlatform &candidate : existing.value()) {
        if (candidate.name == platform.name)
            stored.id = candidate.id;
    }
    return m_store.savePlatform(stored);
}

Core::Result<QHash<QString, QStringList>>
TracImporter::importConfigurations(const QString &database, ImportSummary &summary)
{
    const Core::Result<QVector<Translator::Configuration>> configs
            = Translator::TracDbReader::read(database);
    if (!configs)
        return configs.error();
    const Core::Result<std::unique_ptr<TracHistoryReader>> reader
            = TracHistoryReader::open(TracLocation{database, QString()});
    if (!reader)
        return reader.error();
    const Core::Result<QVector<TargetPlatform>> tracPlatforms = reader.value()->platforms();
    if (!tracPlatforms)
        return tracPlatforms.error();
    QHash<QString, QStringList> recipeSteps;
    for (const Translator::Configuration &source : configs.value()) {
        const Configuration config{source.name,   source.label,       source.description,
                                   source.path,   source.minRevision, source.maxRevision,
                                   source.active, source.recipe,      {}};
        const Core::Result<void> saved = m_store.saveConfiguration(config);
        if (!saved)
            return saved.error();
        ++summary.configurations;
        const Core::Result<StepSequence> sequence
                = StepSequence::fromRecipe(config.name, config.recipe);
        for (const RecipeStepPolicy &step :
             sequence ? sequence.value().steps() : QVector<RecipeStepPolicy>())
            recipeSteps[config.name] += step.id;
        // TracDbReader orders a configuration's platforms by id, as tracPlatforms is.
        int index = 0;
        for (const TargetPlatform &tracPlatform : tracPlatforms.value()) {
            if (tracPlatform.config != config.name || index >= source.platforms.size())
                continue;
            TargetPlatform platform{0, config.name, source.platforms.at(index).name, {}};
            for (const Translator::PlatformRule &rule : source.platforms.at(index).rules)
                platform.rules += PlatformRule{rule.property, rule.pattern};
            ++index;
            const Core::Result<qint64> id = importPlatform(platform);
            if (!id)
                return id.error();
            m_platformIds.insert(tracPlatform.id, id.value());
            ++summary.platforms;
        }
    }
    return recipeSteps;
}

Core::Result<ImportSummary> TracImporter::importTrac(const QString &input)
{
    Core::Result<TracLocation> location = TracLocation::resolve(input);
    if (!location)
        return location.error();
    if (!m_logsDir.isEmpty())
        location.value().logsDir = m_logsDir;
    ImportSummary summary;
    const Core::Result<QHash<QString, QStringList>> recipeSteps
            = importConfigurations(location.value().database, summary);
    if (!recipeSteps)
        return recipeSteps.error();
    const Core::Result<std::unique_ptr<TracHistoryReader>> reader
            = TracHistoryReader::open(location.value());
    if (!reader)
        return reader.error();
    const Core::Result<QVector<qint64>> ids = reader.value()->buildIds();
    if (!ids)
        return ids.error();
    const QString source = sourceKey(location.value().database);
    qint64 done = 0;
    for (qint64 id : ids.value()) {
        const Core::Result<TracBuildRows> rows = reader.value()->readBuild(id);
        if (!rows)
            return rows.error();
        const ImportedBuild build = TracRowMapper::toImportedBuild(
                rows.value(), source, m_platformIds.value(rows.value().build.platform),
                recipeSteps.value().value(rows.value().build.config));
        const Core::Result<bool> inserted = m_store.importBuild(build);
        if (!inserted)
            return inserted.error();
        ++(inserted.value() ? summary.buildsImported : summary.buildsSkipped);
        if (m_progress)
            m_progress(++done, ids.value().size());
    }
    return summary;
}

} // namespace Bridge
