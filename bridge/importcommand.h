// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include "bridge/import/recipeimporter.h"
#include "core/result.h"

namespace Bridge {

/// The parsed command line of `bittern import trac|recipes`.
struct ImportOptions
{
    enum class Source {
        Trac,
        Recipes,
    };
    Source source = Source::Trac;
    QString input; ///< DB_OR_ENV or DIR
    QString database; ///< --db: the store (default $BITTERN_DB or sqlite:bittern.db)
    QString logsDir; ///< --logs-dir: Trac build logs (default: found from the input)
    /// --platform NAME[:PROP=REGEX,...]: the platform given to imported recipes' configurations
    /// that have none (default `any`, no rules)
    TargetPlatform platform = RecipeImporter::anyPlatform();
    bool help = false;
};

/// A --platform value "NAME[:PROP=REGEX,...]" (pure); a malformed one is InvalidArgument.
Core::Result<TargetPlatform> parsePlatformSpec(const QString &text);

/// `bittern import` options from its arguments ("import", …) (pure); usage errors are
/// InvalidArgument.
Core::Result<ImportOptions> parseImportOptions(const QStringList &arguments);

/// One progress line: a bar on a terminal ("[####      ]  40% 4/10 builds"), else plain text.
enum class ProgressStyle {
    Bar,
    Plain,
};
QString importProgressLine(qint64 done, qint64 total, ProgressStyle style);

/// `bittern import trac DB_OR_ENV | recipes DIR`; returns the exit code.
int runImport(const QStringList &arguments);

} // namespace Bridge
