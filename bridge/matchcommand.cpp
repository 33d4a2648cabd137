// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/matchcommand.h"

#include <QCommandLineParser>
#include <QTextStream>

#include "bridge/commandspecs.h"
#include "bridge/store/sqlstore.h"
#include "bridge/subcommands.h"
#include "core/classadparser.h"
#include "core/helpwriter.h"
#include "core/recipereader.h"

namespace Bridge {

namespace {

QString show(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("(none)") : text;
}

QString describe(const QString &what, const MatchExpressions &expressions)
{
    return QStringLiteral("%1\n  requirements = %2\n  rank = %3\n")
            .arg(what, show(expressions.requirements), show(expressions.rank));
}

/// "a,b , c" → {a, b, c}; "" → {} (clears the list).
QStringList stepList(const QString &text)
{
    QStringList steps;
    const QStringList parts = text.split(QLatin1Char(','));
    for (const QString &part : parts) {
        const QString step = part.trimmed();
        if (!step.isEmpty() && !steps.contains(step))
            steps += step;
    }
    return steps;
}

MatchExpressions updated(MatchExpressions expressions, const MatchCommand::Options &options)
{
    if (options.requirements)
        expressions.requirements = options.requirements->trimmed();
    if (options.rank)
        expressions.rank = options.rank->trimmed();
    return expressions;
}

Core::Result<qint64> platformId(Store &store, const QString &config, const QString &name)
{
    const auto platforms = store.platforms(config);
    if (!platforms)
        return platforms.error();
    for (const TargetPlatform &platform : platforms.value()) {
        if (platform.name == name)
            return platform.id;
    }
    return Core::makeError(
            Core::ErrorCode::NotFound,
            QStringLiteral("Configuration '%1' has no target platform '%2'.").arg(config, name));
}

} // namespace

QString MatchCommand::helpText()
{
    return Core::HelpWriter::write(CommandSpecs::match());
}

Core::Result<MatchCommand::Options> MatchCommand::parseOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    CommandSpecs::match().addOptionsTo(parser);
    if (!parser.parse(arguments))
        return Core::makeError(Core::ErrorCode::InvalidArgument, parser.errorText());
    Options options;
    options.helpRequested = parser.isSet(QStringLiteral("help"));
    if (options.helpRequested)
        return options;
    if (parser.positionalArguments().size() != 1)
        return Core::makeError(Core::ErrorCode::InvalidArgument,
                               QStringLiteral("Give exactly one CONFIG."));
    options.config = parser.positionalArguments().first();
    options.platform = parser.value(QStringLiteral("platform"));
    options.database = parser.value(QStringLiteral("db"));
    if (options.database.isEmpty())
        options.database = qEnvironmentVariable("BITTERN_DB", QStringLiteral("sqlite:bittern.db"));
    if (parser.isSet(QStringLiteral("requirements")))
        options.requirements = parser.value(QStringLiteral("requirements"));
    if (parser.isSet(QStringLiteral("rank")))
        options.rank = parser.value(QStringLiteral("rank"));
    if (parser.isSet(QStringLiteral("setup-steps"))) {
        if (!options.platform.isEmpty())
            return Core::makeError(Core::ErrorCode::InvalidArgument,
                                   QStringLiteral("--setup-steps belongs to the configuration; "
                                                  "give it without --platform."));
        options.setupSteps = stepList(parser.value(QStringLiteral("setup-steps")));
    }
    if (auto checked = check(options.requirements, QStringLiteral("The requirements are"));
        !checked)
        return checked.error();
    if (auto checked = check(options.rank, QStringLiteral("The rank is")); !checked)
        return checked.error();
    return options;
}

Core::Result<void> MatchCommand::check(const std::optional<QString> &expression,
                                       const QString &subject)
{
    if (!expression || expression->trimmed().isEmpty())
        return {};
    const auto parsed = Core::ClassAdParser::parse(*expression);
    if (!parsed)
        return Core::makeError(Core::ErrorCode::InvalidArgument,
                               QStringLiteral("%1 not a valid ClassAd expression: %2")
                                       .arg(subject, parsed.error().message));
    return {};
}

Core::Result<QStringList> MatchCommand::unknownSteps(const QByteArray &recipe,
                                                     const QStringList &steps)
{
    if (steps.isEmpty())
        return QStringList();
    const auto read = Core::RecipeReader().read(recipe);
    if (!read)
        return Core::makeError(Core::ErrorCode::InvalidArgument,
                               QStringLiteral("The recipe cannot be read, so its steps are "
                                              "unknown: %1")
                                       .arg(read.error().message));
    QStringList unknown = steps;
    for (const Core::RecipeStep &step : read.value().steps)
        unknown.removeAll(step.id);
    return unknown;
}

Core::Result<QString> MatchCommand::run(Store &store, const Options &options)
{
    const auto config = store.configuration(options.config);
    if (!config)
        return config.error();
    const auto policies = store.matchPolicies();
    if (!policies)
        return policies.error();
    if (options.platform.isEmpty())
        return runOnConfiguration(store, config.value(), policies.value(), options);
    const auto id = platformId(store, options.config, options.platform);
    if (!id)
        return id.error();
    const MatchExpressions now = updated(policies.value().platforms.value(id.value()), options);
    if (auto saved = store.setPlatformMatch(id.value(), now); !saved)
        return saved.error();
    return describe(QStringLiteral("Target platform '%1' of configuration '%2':")
                            .arg(options.platform, options.config),
                    now);
}

Core::Result<QString> MatchCommand::runOnConfiguration(Store &store, const Configuration &config,
                                                       const MatchPolicies &policies,
                                                       const Options &options)
{
    QStringList setupSteps = config.setupSteps;
    if (options.setupSteps) {
        // Checked before anything is stored, so a wrong id changes nothing.
        const auto unknown = unknownSteps(config.recipe, *options.setupSteps);
        if (!unknown)
            return Core::makeError(unknown.error().code,
                                   QStringLiteral("Configuration '%1': %2")
                                           .arg(config.name, unknown.error().message));
        if (!unknown.value().isEmpty())
            return Core::makeError(
                    Core::ErrorCode::InvalidArgument,
                    QStringLiteral("The recipe of configuration '%1' has no step named %2; "
                                   "nothing was stored.")
                            .arg(config.name,
                                 QLatin1Char('\'') + unknown.value().join(QLatin1String("', '"))
                                         + QLatin1Char('\'')));
        setupSteps = *options.setupSteps;
    }
    const MatchExpressions now = updated(policies.configurations.value(config.name), options);
    if (auto saved = store.setConfigurationMatch(config.name, now); !saved)
        return saved.error();
    if (options.setupSteps) {
        if (auto saved = store.setConfigurationSetupSteps(config.name, setupSteps); !saved)
            return saved.error();
    }
    const QString steps = QStringLiteral("  setup steps = %1\n")
                                  .arg(show(setupSteps.join(QLatin1String(", "))));
    return QString(describe(QStringLiteral("Configuration '%1':").arg(config.name), now) + steps);
}

int runMatch(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto options = MatchCommand::parseOptions(arguments);
    if (!options) {
        err << "bittern match: " << options.error().message << '\n' << MatchCommand::helpText();
        return int(ExitCode::Usage);
    }
    if (options.value().helpRequested) {
        out << MatchCommand::helpText();
        return int(ExitCode::Success);
    }
    auto store = SqlStore::open(options.value().database);
    if (!store) {
        err << "bittern match: " << store.error().message << '\n';
        return int(ExitCode::Server);
    }
    const auto shown = MatchCommand::run(*store.value(), options.value());
    if (!shown) {
        err << "bittern match: " << shown.error().message << '\n';
        return int(shown.error().code == Core::ErrorCode::Internal ? ExitCode::Server
                                                                   : ExitCode::Usage);
    }
    out << shown.value();
    return int(ExitCode::Success);
}

} // namespace Bridge
