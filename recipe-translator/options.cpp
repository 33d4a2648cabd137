// SPDX-License-Identifier: GPL-3.0-or-later
#include "recipe-translator/options.h"

#include <QCommandLineParser>

namespace Translator {

namespace {

Core::Error usage(const QString &message)
{
    return Core::makeError(Core::ErrorCode::InvalidArgument, message);
}

struct Parser
{
    QCommandLineParser parser;
    QCommandLineOption to{QStringLiteral("to"),
                          QStringLiteral("Target: jenkins, buildbot or recipe."),
                          QStringLiteral("target")};
    QCommandLineOption strategy{QStringLiteral("strategy"),
                                QStringLiteral("auto (native only where exact), agent or native."),
                                QStringLiteral("strategy"), QStringLiteral("auto")};
    QCommandLineOption audit{QStringLiteral("audit"),
                             QStringLiteral("Write audit.md and audit.json (stdout without -o).")};
    QCommandLineOption partial{QStringLiteral("allow-partial"),
                               QStringLiteral("Leave unsupported commands out instead of "
                                              "generating steps that fail.")};
    QCommandLineOption output{{QStringLiteral("o"), QStringLiteral("output")},
                              QStringLiteral("Output directory."),
                              QStringLiteral("dir")};
    QCommandLineOption library{QStringLiteral("jenkins-library"),
                               QStringLiteral("Jenkinsfiles load this shared library and call "
                                              "bittenRecipe (default: self-contained)."),
                               QStringLiteral("name[@version]")};
    QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")},
                            QStringLiteral("Show this help.")};

    Parser()
    {
        parser.setApplicationDescription(
                QStringLiteral("Translates Bitten recipes, recipe directories and Trac databases "
                               "to Jenkins or Buildbot jobs."));
        parser.addOptions({to, strategy, audit, partial, library, output, help});
        parser.addPositionalArgument(QStringLiteral("INPUT"),
                                     QStringLiteral("Recipe file, directory of recipes, trac.db "
                                                    "or postgres:// URL."),
                                     QStringLiteral("INPUT..."));
    }
};

} // namespace

QString OptionsParser::helpText()
{
    Parser p;
    return QLatin1String("usage: bittern translate --to jenkins|buildbot|recipe "
                         "[--strategy auto|agent|native] [--audit] [--allow-partial] "
                         "[--jenkins-library NAME[@VERSION]] [-o DIR] "
                         "INPUT...\n")
            + p.parser.helpText().section(QLatin1Char('\n'), 2);
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
    const QString target = p.parser.value(p.to);
    if (target == QLatin1String("jenkins"))
        options.target = Target::Jenkins;
    else if (target == QLatin1String("buildbot"))
        options.target = Target::Buildbot;
    else if (target == QLatin1String("recipe"))
        options.target = Target::Recipe;
    else if (!target.isEmpty())
        return usage(QStringLiteral("bittern translate: unknown target '%1' (use jenkins, "
                                    "buildbot or recipe).")
                             .arg(target));
    const QString strategy = p.parser.value(p.strategy);
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
        && (options.jenkinsLibrary.trimmed().isEmpty() || options.target != Target::Jenkins))
        return usage(QStringLiteral("bittern translate: --jenkins-library needs a library name "
                                    "and --to jenkins."));
    options.inputs = p.parser.positionalArguments();
    if (options.target == Target::None && options.audit == AuditMode::Off)
        return usage(QStringLiteral("bittern translate: --to is required unless --audit is "
                                    "given."));
    if (options.inputs.isEmpty())
        return usage(QStringLiteral("bittern translate: no input given."));
    return options;
}

} // namespace Translator
