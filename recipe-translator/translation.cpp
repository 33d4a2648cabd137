// SPDX-License-Identifier: GPL-3.0-or-later
#include "recipe-translator/translation.h"

#include "core/recipereader.h"
#include "core/recipewriter.h"
#include "recipe-translator/buildbotexport.h"
#include "recipe-translator/jenkinsexport.h"

namespace Translator {

QString Translation::fileName(const QString &configuration)
{
    QString name;
    for (const QChar c : configuration) {
        const bool safe = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
                || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
                || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_')
                || c == QLatin1Char('.') || c == QLatin1Char('-');
        name += safe ? c : QLatin1Char('_');
    }
    if (name.isEmpty() || name.startsWith(QLatin1Char('.')))
        name.prepend(QLatin1Char('_'));
    return name;
}

TranslationResult Translation::translate(const Configuration &configuration, Target target,
                                         const PlanOptions &options)
{
    return translate(configuration, QVector<Target>{target}, options);
}

TranslationResult Translation::translate(const Configuration &configuration,
                                         const QVector<Target> &targets, const PlanOptions &options)
{
    const Planner planner(options);
    const Core::Result<Core::Recipe> recipe
            = Core::RecipeReader(configuration.source).read(configuration.recipe);
    if (!recipe) {
        TranslationResult result{planner.unreadable(configuration, recipe.error()), {}, QString()};
        result.error = result.plan.problems.first();
        return result;
    }
    TranslationResult result{planner.plan(configuration, recipe.value()), {}, QString()};
    const QByteArray normalised
            = Core::RecipeWriter::normalized(planner.runnableRecipe(recipe.value()));
    result.plan.normalisedRecipe = QString::fromUtf8(normalised);
    const QString name = fileName(configuration.name);
    for (const Target target : targets)
        writeTarget(result, target, normalised, name, options);
    return result;
}

void Translation::writeTarget(TranslationResult &result, Target target,
                              const QByteArray &normalised, const QString &name,
                              const PlanOptions &options)
{
    switch (target) {
    case Target::Jenkins: {
        const Core::Result<JenkinsJob> job
                = JenkinsExport::write(result.plan, options.jenkinsLibrary);
        if (!job) {
            result.error = job.error().message;
            result.plan.status = ConversionStatus::Unsupported;
            result.plan.problems += result.error;
            break;
        }
        result.files += OutputFile{name + QLatin1String("/Jenkinsfile"),
                                   job.value().jenkinsfile.toUtf8()};
        result.files += OutputFile{name + QLatin1String("/config.xml"), job.value().configXml};
        break;
    }
    case Target::Buildbot:
        result.files
                += OutputFile{name + QLatin1String(".json"), BuildbotExport::write(result.plan)};
        break;
    case Target::Recipe:
        result.files += OutputFile{name + QLatin1String(".xml"), normalised};
        break;
    case Target::None:
        break;
    }
}

} // namespace Translator
