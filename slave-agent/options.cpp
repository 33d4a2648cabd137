// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/options.h"

#include <QCommandLineParser>

#include "core/helpwriter.h"
#include "core/slaveproperties.h"
#include "slave-agent/agentcommandspecs.h"

namespace Agent {

namespace {

void addOptions(QCommandLineParser &parser)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    AgentCommandSpecs::runOrStepParser().addOptionsTo(parser);
}

/// --help of the subcommand @p command (run, step), else of bittern-agent itself.
QString helpText(const QString &command)
{
    if (command == QLatin1String("run"))
        return Core::HelpWriter::write(AgentCommandSpecs::run());
    if (command == QLatin1String("step"))
        return Core::HelpWriter::write(AgentCommandSpecs::step());
    return Core::HelpWriter::write(AgentCommandSpecs::program(), AgentCommandSpecs::subcommands());
}

Core::Error usageError(const QString &message)
{
    return Core::makeError(Core::ErrorCode::InvalidArgument, message);
}

/// Whether a -D name is a slave property (dotted, or one of the five platform properties) rather
/// than a build variable (bitten-spec §2.1).
bool isPropertyName(const QString &name)
{
    return name.contains(QLatin1Char('.'))
            || Core::SlaveProperties::platformPropertyNames().contains(name);
}

Core::Result<void> parseDefinitions(const QStringList &values, Options &options)
{
    for (const QString &value : values) {
        const int equals = value.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            return usageError(
                    QStringLiteral("Invalid property \"%1\": expected name=value.").arg(value));
        }
        const QPair<QString, QString> definition{value.left(equals).trimmed(),
                                                 value.mid(equals + 1)};
        if (isPropertyName(definition.first))
            options.properties.append(definition);
        else
            options.buildVariables.append(definition);
    }
    return {};
}

Core::Result<void> checkStepOptions(const Options &options)
{
    if (options.mode != AgentMode::Step)
        return {};
    if (options.stepId.isEmpty())
        return usageError(QStringLiteral("The step subcommand needs --step ID."));
    if (options.reportDir.isEmpty())
        return usageError(QStringLiteral("The step subcommand needs --report-dir DIR."));
    return {};
}

void fillOptions(const QCommandLineParser &parser, const QProcessEnvironment &environment,
                 Options &options)
{
    const QString configVariable = QStringLiteral("BITTERN_AGENT_CONFIG");
    if (parser.isSet(QStringLiteral("config"))) {
        options.configFile = parser.value(QStringLiteral("config"));
        options.configSource = ConfigSource::CommandLine;
    } else if (!environment.value(configVariable).isEmpty()) {
        options.configFile = environment.value(configVariable);
        options.configSource = ConfigSource::Environment;
    }
    options.workDir = parser.value(QStringLiteral("work-dir"));
    if (parser.isSet(QStringLiteral("build-dir")))
        options.buildDirPattern = parser.value(QStringLiteral("build-dir"));
    options.keepFiles = parser.isSet(QStringLiteral("keep-files")) ? KeepFiles::Yes : KeepFiles::No;
    options.reportDir = parser.value(QStringLiteral("report-dir"));
    options.resultLogs = parser.isSet(QStringLiteral("embed-logs")) ? ResultLogs::Embedded
                                                                    : ResultLogs::Referenced;
    options.stepId = parser.value(QStringLiteral("step"));
}

} // namespace

Core::Result<Options> parseOptions(const QStringList &arguments,
                                   const QProcessEnvironment &environment)
{
    QCommandLineParser parser;
    addOptions(parser);
    Options options;
    if (!parser.parse(QStringList{QStringLiteral("bittern-agent")} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        options.helpText = helpText(parser.positionalArguments().value(0));
        return options;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        options.mode = AgentMode::Version;
        return options;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(QStringLiteral("Missing subcommand: expected run or step."));
    const QString &command = positional.first();
    if (command != QLatin1String("run") && command != QLatin1String("step"))
        return usageError(
                QStringLiteral("Unknown subcommand \"%1\": expected run or step.").arg(command));
    options.mode = command == QLatin1String("run") ? AgentMode::Run : AgentMode::Step;
    if (positional.size() != 2)
        return usageError(
                QStringLiteral("The %1 subcommand needs exactly one recipe file.").arg(command));
    options.recipeFile = positional.at(1);
    fillOptions(parser, environment, options);
    if (auto defined = parseDefinitions(parser.values(QStringLiteral("D")), options); !defined)
        return defined.error();
    if (auto checked = checkStepOptions(options); !checked)
        return checked.error();
    return options;
}

} // namespace Agent
