// SPDX-License-Identifier: GPL-3.0-or-later
#include "recipe-translator/options.h"

#include <QCommandLineParser>

#include "core/helpwriter.h"

namespace Translator {

namespace {

Core::Error usage(const QString &message)
{
    return Core::makeError(Core::ErrorCode::InvalidArgument, message);
}

struct Parser
{
    QCommandLineParser parser;
    const QString to = QStringLiteral("to");
    const QString strategy = QStringLiteral("strategy");
    const QString audit = QStringLiteral("audit");
    const QString partial = QStringLiteral("allow-partial");
    const QString output = QStringLiteral("output");
    const QString library = QStringLiteral("jenkins-library");
    const QString help = QStringLiteral("help");

    Parser() { OptionsParser::commandSpec().addOptionsTo(parser); }
};

/// `--to jenkins,buildbot`: each target once, in the order given; an empty value gives none.
Core::Result<QVector<Target>> parseTargets(const QString &value)
{
    QVector<Target> targets;
    for (const QString &name : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        Target target = Target::None;
        if (name == QLatin1String("jenkins"))
            target = Target::Jenkins;
        else if (name == QLatin1String("buildbot"))
            target = Target::Buildbot;
        else if (name == QLatin1String("recipe"))
            target = Target::Recipe;
        else
            return usage(QStringLiteral("bittern translate: unknown target '%1' (use jenkins, "
                                        "buildbot or recipe).")
                                 .arg(name));
        if (!targets.contains(target))
            targets.append(target);
    }
    return targets;
}

} // namespace

Core::ProgramSpec OptionsParser::commandSpec()
{
    const auto option = [](QStringList names, const char *argument, const char *description,
                           const char *defaultValue) {
        return Core::OptionSpec{std::move(names), QString::fromUtf8(argument),
                                QString::fromUtf8(description), QString::fromUtf8(defaultValue)};
    };
    return {QStringLiteral("bittern"),
            QStringLiteral("translate"),
            {QStringLiteral("--to TARGET[,TARGET...] [--strategy auto|agent|native] "
                            "[--audit]"),
             QStringLiteral("[--allow-partial] [--jenkins-library NAME[@VERSION]] [-o DIR] "
                            "INPUT...")},
            QStringLiteral("recipes and Trac databases to Jenkins or Buildbot jobs; --audit"),
            QStringLiteral("Translates Bitten recipes, recipe directories and Trac databases "
                           "to Jenkins or Buildbot jobs. INPUT is a recipe file, a directory of "
                           "recipes, a trac.db or a postgres:// URL."),
            {option({QStringLiteral("to")}, "TARGET",
                    "Targets: jenkins, buildbot or recipe; several, separated by commas "
                    "(jenkins,buildbot), "
                    "read and plan each recipe once for all of them.",
                    ""),
             option({QStringLiteral("strategy")}, "STRATEGY",
                    "auto (native only where exact), agent or native.", "auto"),
             option({QStringLiteral("audit")}, "",
                    "Write audit.md and audit.json (stdout without -o).", ""),
             option({QStringLiteral("allow-partial")}, "",
                    "Leave unsupported commands out instead of generating steps that fail.", ""),
             option({QStringLiteral("jenkins-library")}, "NAME[@VERSION]",
                    "Jenkinsfiles load this shared library and call bittenRecipe.",
                    "self-contained"),
             option({QStringLiteral("o"), QStringLiteral("output")}, "DIR", "Output directory.",
                    ""),
             option({QStringLiteral("h"), QStringLiteral("help")}, "", "Show this help.", "")}};
}

QString OptionsParser::helpText()
{
    return Core::HelpWriter::write(commandSpec());
}

Core::Result<Options> OptionsParser::parse(const QStringList &arguments)
{
    Parser p;
    if (!p.parser.parse(arguments))
        return usage(QLatin1String("bittern translate: ") + p.parser.errorText());
    Options options;
    if (p.parser.isSet(p.help)) {
        options.help = true;
        return options;
    }
    Core::Result<QVector<Target>> targets = parseTargets(p.parser.value(p.to));
    if (!targets)
        return targets.error();
    options.targets = std::move(targets).value();
    const QString strategy
            = p.parser.isSet(p.strategy) ? p.parser.value(p.strategy) : QStringLiteral("auto");
    if (strategy == QLatin1String("agent"))
        options.strategy = StrategyChoice::Agent;
    else if (strategy == QLatin1String("native"))
        options.strategy = StrategyChoice::Native;
    else if (strategy != QLatin1String("auto"))
        return usage(QStringLiteral("bittern translate: unknown strategy '%1' (use auto, agent "
                                    "or native).")
                             .arg(strategy));
    options.audit = p.parser.isSet(p.audit) ? AuditMode::On : AuditMode::Off;
    options.partial = p.parser.isSet(p.partial) ? PartialPolicy::AllowPartial
                                                : PartialPolicy::FailUnsupported;
    options.outputDir = p.parser.value(p.output);
    options.jenkinsLibrary = p.parser.value(p.library);
    if (p.parser.isSet(p.library)
        && (options.jenkinsLibrary.trimmed().isEmpty()
            || !options.targets.contains(Target::Jenkins)))
        return usage(QStringLiteral("bittern translate: --jenkins-library needs a library name "
                                    "and --to jenkins."));
    options.inputs = p.parser.positionalArguments();
    if (options.targets.isEmpty() && options.audit == AuditMode::Off)
        return usage(QStringLiteral("bittern translate: --to is required unless --audit is "
                                    "given."));
    if (options.inputs.isEmpty())
        return usage(QStringLiteral("bittern translate: no input given."));
    return options;
}

} // namespace Translator
