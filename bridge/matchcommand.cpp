// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/matchcommand.h"

#include <QCommandLineParser>
#include <QTextStream>

#include "bridge/store/sqlstore.h"
#include "bridge/subcommands.h"
#include "core/classadparser.h"

namespace Bridge {

namespace {

QString describe(const QString &what, const MatchExpressions &expressions)
{
    const auto show
            = [](const QString &text) { return text.isEmpty() ? QStringLiteral("(none)") : text; };
    return QStringLiteral("%1\n  requirements = %2\n  rank = %3\n")
            .arg(what, show(expressions.requirements), show(expressions.rank));
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
    return QStringLiteral(
            "usage: bittern match CONFIG [--platform NAME] [--requirements EXPR] [--rank EXPR]\n"
            "                     [--db LOCATION]\n\n"
            "Shows or sets the matchmaking requirements and rank (ClassAd expressions, see\n"
            "docs/MATCHMAKING.md) of a configuration, or of one of its target platforms.\n"
            "An option given sets that expression (an empty value clears it).\n\n"
            "  --platform NAME      the target platform instead of the configuration\n"
            "  --requirements EXPR  which agents may build it, e.g. 'TARGET.Memory >= 8192'\n"
            "  --rank EXPR          which agents it prefers, e.g. 'TARGET.Cpus'\n"
            "  --db LOCATION        the store (default $BITTERN_DB or sqlite:bittern.db)\n");
}

Core::Result<MatchCommand::Options> MatchCommand::parseOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions({
            {QStringLiteral("platform"), QStringLiteral("Platform."), QStringLiteral("NAME")},
            {QStringLiteral("requirements"), QStringLiteral("Requirements."),
             QStringLiteral("EXPR")},
            {QStringLiteral("rank"), QStringLiteral("Rank."), QStringLiteral("EXPR")},
            {QStringLiteral("db"), QStringLiteral("Store."), QStringLiteral("LOCATION")},
            {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Shows this help.")},
    });
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

Core::Result<QString> MatchCommand::run(Store &store, const Options &options)
{
    const auto config = store.configuration(options.config);
    if (!config)
        return config.error();
    const auto policies = store.matchPolicies();
    if (!policies)
        return policies.error();
    if (options.platform.isEmpty()) {
        const MatchExpressions now
                = updated(policies.value().configurations.value(options.config), options);
        if (auto saved = store.setConfigurationMatch(options.config, now); !saved)
            return saved.error();
        return describe(QStringLiteral("Configuration '%1':").arg(options.config), now);
    }
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
