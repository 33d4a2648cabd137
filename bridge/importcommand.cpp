// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/importcommand.h"
#include "bridge/commandspecs.h"

#include <cstdio>
#include <unistd.h>

#include <QCommandLineParser>
#include <QTextStream>

#include "bridge/import/recipeimporter.h"
#include "bridge/import/tracimporter.h"
#include "bridge/store/sqlstore.h"
#include "bridge/subcommands.h"
#include "core/helpwriter.h"

namespace Bridge {

namespace {

QString usage()
{
    return Core::HelpWriter::write(CommandSpecs::import());
}

Core::Error usageError(const QString &message)
{
    return Core::makeError(Core::ErrorCode::InvalidArgument, message);
}

int exitCodeFor(const Core::Error &error)
{
    switch (error.code) {
    case Core::ErrorCode::InvalidArgument:
    case Core::ErrorCode::ReadFailed:
    case Core::ErrorCode::ParseFailed:
    case Core::ErrorCode::InvalidInput:
    case Core::ErrorCode::Unsupported:
    case Core::ErrorCode::NotFound:
        return int(ExitCode::Usage);
    default:
        return int(ExitCode::Server);
    }
}

int importTrac(Store &store, const ImportOptions &options, QTextStream &out, QTextStream &err)
{
    const ProgressStyle style
            = ::isatty(::fileno(stderr)) ? ProgressStyle::Bar : ProgressStyle::Plain;
    TracImporter importer(store, [&](qint64 done, qint64 total) {
        // Plain output: a line per tenth, so logs stay short.
        if (style == ProgressStyle::Bar)
            err << '\r' << importProgressLine(done, total, style) << Qt::flush;
        else if (done == total || (total >= 10 && done % (total / 10) == 0))
            err << importProgressLine(done, total, style) << '\n' << Qt::flush;
    });
    importer.setLogsDir(options.logsDir);
    const Core::Result<ImportSummary> summary = importer.importTrac(options.input);
    if (style == ProgressStyle::Bar)
        err << '\n';
    if (!summary) {
        err << "bittern import: " << summary.error().message << '\n';
        return exitCodeFor(summary.error());
    }
    const ImportSummary &s = summary.value();
    out << "Imported " << s.configurations << " configurations, " << s.platforms
        << " platforms and " << s.buildsImported << " builds from " << options.input << " ("
        << s.buildsSkipped << " builds were already imported).\n";
    return int(ExitCode::Success);
}

int importRecipes(Store &store, const ImportOptions &options, QTextStream &out, QTextStream &err)
{
    RecipeImporter importer(store);
    importer.setDefaultPlatform(options.platform);
    const Core::Result<RecipeImportSummary> summary = importer.importDirectory(options.input);
    if (!summary) {
        err << "bittern import: " << summary.error().message << '\n';
        return exitCodeFor(summary.error());
    }
    for (const QString &problem : summary.value().problems)
        err << problem << '\n';
    out << "Imported " << summary.value().imported.size() << " recipes from " << options.input
        << " (" << summary.value().unchanged.size() << " unchanged, "
        << summary.value().problems.size() << " skipped).\n";
    if (!summary.value().platformsAdded.isEmpty())
        out << "Added target platform " << options.platform.name << " to "
            << summary.value().platformsAdded.join(QStringLiteral(", ")) << ".\n";
    return summary.value().problems.isEmpty() ? int(ExitCode::Success) : int(ExitCode::Failed);
}

} // namespace

Core::Result<ImportOptions> parseImportOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    CommandSpecs::import().addOptionsTo(parser);
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    ImportOptions options;
    if (parser.isSet(QStringLiteral("platform"))) {
        const Core::Result<TargetPlatform> platform
                = parsePlatformSpec(parser.value(QStringLiteral("platform")));
        if (!platform)
            return platform.error();
        options.platform = platform.value();
    }
    options.help = parser.isSet(QStringLiteral("help"));
    if (options.help)
        return options;
    const QStringList positional = parser.positionalArguments();
    const QString kind = positional.value(0);
    if (positional.size() != 2
        || (kind != QLatin1String("trac") && kind != QLatin1String("recipes")))
        return usageError(
                QStringLiteral("bittern import needs 'trac DB_OR_ENV' or 'recipes DIR'."));
    options.source = kind == QLatin1String("trac") ? ImportOptions::Source::Trac
                                                   : ImportOptions::Source::Recipes;
    options.input = positional.at(1);
    options.logsDir = parser.value(QStringLiteral("logs-dir"));
    options.database = parser.value(QStringLiteral("db"));
    if (options.database.isEmpty())
        options.database = qEnvironmentVariable("BITTERN_DB", QStringLiteral("sqlite:bittern.db"));
    return options;
}

Core::Result<TargetPlatform> parsePlatformSpec(const QString &text)
{
    const int colon = text.indexOf(QLatin1Char(':'));
    TargetPlatform platform;
    platform.name = colon < 0 ? text : text.left(colon);
    const QStringList rules
            = colon < 0 ? QStringList() : text.mid(colon + 1).split(QLatin1Char(','));
    bool valid = !platform.name.trimmed().isEmpty();
    for (const QString &rule : rules) {
        const int equals = rule.indexOf(QLatin1Char('='));
        valid = valid && equals > 0;
        platform.rules += PlatformRule{rule.left(equals), rule.mid(equals + 1)};
    }
    if (!valid)
        return usageError(QStringLiteral("Invalid --platform value \"%1\": expected "
                                         "NAME[:PROPERTY=REGEX,...].")
                                  .arg(text));
    return platform;
}

QString importProgressLine(qint64 done, qint64 total, ProgressStyle style)
{
    const qint64 percent = total > 0 ? done * 100 / total : 100;
    if (style == ProgressStyle::Plain)
        return QStringLiteral("imported %1/%2 builds (%3%)").arg(done).arg(total).arg(percent);
    constexpr int width = 30;
    const int filled = int(percent * width / 100);
    return QStringLiteral("[%1%2] %3% %4/%5 builds")
            .arg(QString(filled, QLatin1Char('#')), QString(width - filled, QLatin1Char(' ')))
            .arg(percent, 3)
            .arg(done)
            .arg(total);
}

int runImport(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const Core::Result<ImportOptions> options = parseImportOptions(arguments);
    if (!options) {
        err << "bittern import: " << options.error().message << '\n' << usage();
        return int(ExitCode::Usage);
    }
    if (options.value().help) {
        out << usage();
        return int(ExitCode::Success);
    }
    const auto store = SqlStore::open(options.value().database);
    if (!store) {
        err << "bittern import: " << store.error().message << '\n';
        return exitCodeFor(store.error());
    }
    if (options.value().source == ImportOptions::Source::Trac)
        return importTrac(*store.value(), options.value(), out, err);
    return importRecipes(*store.value(), options.value(), out, err);
}

} // namespace Bridge
