// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QVector>

#include "recipe-translator/configuration.h"
#include "recipe-translator/enums.h"
#include "recipe-translator/plan.h"
#include "recipe-translator/planner.h"

namespace Translator {

/// One output file, relative to the output directory.
struct OutputFile
{
    QString path;
    QByteArray content;
};

/// The outcome for one configuration: its plan (for the audit) and its files.
struct TranslationResult
{
    ConfigurationPlan plan;
    QVector<OutputFile> files;
    QString error; ///< why no files were written (unreadable recipe, unwritable text)
};

/**
 * Translates one configuration end to end, without I/O: reads the recipe, plans it, and
 * writes the target's files (Jenkins: NAME/Jenkinsfile + NAME/config.xml; Buildbot:
 * NAME.json; recipe: NAME.xml).
 */
class Translation
{
public:
    static TranslationResult translate(const Configuration &configuration, Target target,
                                       const PlanOptions &options);
    /// Several targets from one reading and one plan of the recipe.
    static TranslationResult translate(const Configuration &configuration,
                                       const QVector<Target> &targets, const PlanOptions &options);
    /// A file-system-safe name for a configuration.
    static QString fileName(const QString &configuration);

private:
    static void writeTarget(TranslationResult &result, Target target, const QByteArray &normalised,
                            const QString &name, const PlanOptions &options);
};

} // namespace Translator
