// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/agentcli.h"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstring>

#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include "core/inifile.h"
#include "core/recipereader.h"
#include "core/slaveproperties.h"
#include "slave-agent/buildrunner.h"
#include "slave-agent/commandregistry.h"
#include "slave-agent/externalcommand.h"
#include "slave-agent/outputbuffer.h"
#include "slave-agent/posixprocesslauncher.h"
#include "slave-agent/stopsignal.h"
#include "slave-agent/summarytable.h"

namespace Agent {

namespace {

const QString commandsSection = QStringLiteral("bittern.commands");

/// The live log on stdout: block-buffered and flushed after each batch the launcher read (every
/// line on a terminal), so printing stays cheap when a step prints gigabytes and nothing waits
/// while a command is quiet.
class LivePrinter
{
public:
    LivePrinter() : m_out(STDOUT_FILENO, 64 * 1024), m_interactive(::isatty(STDOUT_FILENO) != 0) { }

    void line(const QString &text)
    {
        m_out.appendText(text);
        m_out.append('\n');
        // Process output is flushed per batch by the launcher; the agent's own lines (step
        // headers, errors) are rare and flushed at once.
        if (m_interactive || isAgentLine(text))
            m_out.flush();
    }
    /// line() for an ASCII output line of a command, as its bytes, or for a run of them (which
    /// has its newlines; flushed after the launcher's batch like the rest of process output).
    void asciiLine(const OutputLine &line)
    {
        if (line.isRun()) {
            m_out.append(line.data(), line.size());
            if (m_interactive)
                m_out.flush();
            return;
        }
        const char *data = line.data();
        const qint64 size = line.size();
        m_out.append(data, size);
        m_out.append('\n');
        if (m_interactive
            || (size >= 4 && std::memchr("=<ew", data[0], 4) != nullptr
                && isAgentLine(QLatin1String(data, int(size)))))
            m_out.flush();
    }
    void flush() { m_out.flush(); }

private:
    template<typename Text>
    static bool isAgentLine(const Text &text)
    {
        return text.startsWith(QLatin1String("==> ")) || text.startsWith(QLatin1String("<== "))
                || text.startsWith(QLatin1String("error: "))
                || text.startsWith(QLatin1String("warning: "));
    }

    OutputBuffer m_out;
    bool m_interactive;
};

void printError(LivePrinter &printer, const QString &message)
{
    printer.flush();
    std::fprintf(stderr, "bittern-agent: %s\n", qUtf8Printable(message));
}

/// @p origin, when not empty, says where the path came from ("named by …").
Core::Result<QByteArray> readWhole(const QString &path, const QString &what,
                                   const QString &origin = QString())
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        const QString named = origin.isEmpty() ? path : path + QLatin1Char(' ') + origin;
        return Core::makeError(
                Core::ErrorCode::ReadFailed,
                QStringLiteral("Could not open %1 %2: %3.").arg(what, named, file.errorString()));
    }
    return file.readAll();
}

Core::Result<void> checkOnError(const Core::Recipe &recipe, const QString &path)
{
    if (recipe.onError == Core::OnError::Invalid) {
        return Core::makeError(Core::ErrorCode::InvalidInput,
                               QStringLiteral("Recipe %1 has an invalid onerror value \"%2\" "
                                              "(expected fail, continue or ignore).")
                                       .arg(path, recipe.onErrorText));
    }
    for (const Core::RecipeStep &step : recipe.steps) {
        if (step.onError == Core::OnError::Invalid) {
            return Core::makeError(Core::ErrorCode::InvalidInput,
                                   QStringLiteral("Step \"%1\" of recipe %2 has an invalid "
                                                  "onerror value \"%3\" (expected fail, "
                                                  "continue or ignore).")
                                           .arg(step.id, path, step.onErrorText));
        }
    }
    return {};
}

/// -D build variables: root attributes as the master would serve them, overwriting the
/// recipe's own (bitten-spec §2.1).
void applyBuildVariables(Core::Recipe &recipe, const Options &options)
{
    for (const auto &definition : options.buildVariables) {
        auto existing = std::find_if(recipe.variables.begin(), recipe.variables.end(),
                                     [&definition](const Core::RecipeAttribute &attribute) {
                                         return attribute.name == definition.first;
                                     });
        if (existing != recipe.variables.end())
            existing->value = definition.second;
        else
            recipe.variables.append({definition.first, definition.second, {}});
    }
}

QString configOrigin(const Options &options)
{
    if (options.configSource == ConfigSource::Environment)
        return QStringLiteral("(named by BITTERN_AGENT_CONFIG)");
    return QString();
}

QHash<QString, QString> externalCommands(const Core::IniFile &ini)
{
    QHash<QString, QString> commands;
    for (const QString &option : ini.options(commandsSection)) {
        const QString value = ini.rawValue(commandsSection, option).trimmed();
        const int space = value.indexOf(QLatin1Char(' '));
        if (space > 0)
            commands.insert(value.left(space), value.mid(space + 1).trimmed());
    }
    return commands;
}

QHash<QString, QString> environment()
{
    QHash<QString, QString> hash;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &key : env.keys())
        hash.insert(key, env.value(key));
    return hash;
}

QString verdict(const BuildOutcome &outcome)
{
    if (outcome.cancelled)
        return QStringLiteral("Build stopped.");
    return outcome.failed ? QStringLiteral("Build failed.") : QStringLiteral("Build succeeded.");
}

ExitCode finish(const Options &options, const BuildOutcome &outcome, LivePrinter &printer)
{
    if (options.mode == AgentMode::Run) {
        printer.line(QString());
        QString table = SummaryTable::render(outcome.steps);
        table.chop(1);
        for (const QString &row : table.split(QLatin1Char('\n')))
            printer.line(row);
        printer.line(verdict(outcome));
    }
    printer.flush();
    return outcome.failed || outcome.cancelled ? ExitCode::Failed : ExitCode::Success;
}

ExitCode runBuild(const Options &options, const Core::Recipe &recipe, const AgentConfig &config,
                  const QString &workDir)
{
    LivePrinter printer;
    StopSignal stop;
    stop.installHandlers();
    PosixProcessLauncher launcher(&stop);
    launcher.setAfterReadHandler([&printer] { printer.flush(); });
    CommandRegistry registry = CommandRegistry::builtin();
    ExternalCommand::registerAll(registry, config.externalCommands);
    BuildRunner runner(registry, launcher, &stop);
    runner.setLiveLog([&printer](const QString &line) { printer.line(line); });
    runner.setAsciiLiveLog([&printer](const OutputLine &line) { printer.asciiLine(line); });
    BuildSettings settings;
    settings.workDir = workDir;
    settings.buildDirPattern = options.buildDirPattern;
    settings.reportDir = options.reportDir.isEmpty()
            ? QDir(workDir).filePath(QStringLiteral("reports"))
            : options.reportDir;
    settings.properties = config.properties;
    settings.environment = environment();
    settings.recipeName = options.recipeFile;
    // step keeps a self-contained result.xml for CI jobs; run refers to step.log by default.
    settings.resultLogs
            = options.mode == AgentMode::Run ? options.resultLogs : ResultLogs::Embedded;
    auto outcome = options.mode == AgentMode::Step
            ? runner.runStep(recipe, options.stepId, settings)
            : runner.run(recipe, settings);
    if (!outcome) {
        printError(printer, outcome.error().message);
        return AgentCli::exitCodeFor(outcome.error());
    }
    // Like bitten-slave: the build directory goes after the build unless --keep-files.
    if (options.mode == AgentMode::Run && options.keepFiles == KeepFiles::No)
        QDir(outcome.value().basedir).removeRecursively();
    return finish(options, outcome.value(), printer);
}

} // namespace

Core::Result<Core::Recipe> AgentCli::loadRecipe(const QString &path)
{
    auto data = readWhole(path, QStringLiteral("recipe"));
    if (!data)
        return data.error();
    auto recipe = Core::RecipeReader(path).read(data.value());
    if (!recipe)
        return recipe.error();
    if (auto checked = checkOnError(recipe.value(), path); !checked)
        return checked.error();
    return recipe;
}

Core::Result<AgentConfig> AgentCli::loadConfig(const Options &options)
{
    AgentConfig config;
    Core::SlaveProperties properties = Core::SlaveProperties::detect();
    if (!options.configFile.isEmpty()) {
        auto data = readWhole(options.configFile, QStringLiteral("slave configuration"),
                              configOrigin(options));
        if (!data)
            return data.error();
        auto ini = Core::IniFile::parse(data.value());
        if (!ini) {
            return Core::makeError(ini.error().code,
                                   QStringLiteral("Could not read slave configuration %1: %2")
                                           .arg(options.configFile, ini.error().toString()));
        }
        auto merged = Core::SlaveProperties::fromIni(ini.value(), properties);
        if (!merged)
            return merged.error();
        properties = merged.value();
        config.externalCommands = externalCommands(ini.value());
    }
    QStringList definitions;
    for (const auto &property : options.properties)
        definitions.append(property.first + QLatin1Char('=') + property.second);
    if (auto applied = properties.applyOverrides(definitions); !applied)
        return applied.error();
    config.properties = properties.toHash();
    return config;
}

ExitCode AgentCli::exitCodeFor(const Core::Error &error)
{
    switch (error.code) {
    case Core::ErrorCode::InvalidArgument:
    case Core::ErrorCode::ReadFailed:
    case Core::ErrorCode::ParseFailed:
    case Core::ErrorCode::InvalidInput:
    case Core::ErrorCode::LimitExceeded:
    case Core::ErrorCode::NotFound:
        return ExitCode::UsageError;
    default:
        return ExitCode::Failed;
    }
}

ExitCode AgentCli::execute(const Options &options)
{
    std::signal(SIGPIPE, SIG_IGN);
    auto recipe = loadRecipe(options.recipeFile);
    if (!recipe) {
        std::fprintf(stderr, "bittern-agent: %s\n", qUtf8Printable(recipe.error().toString()));
        return ExitCode::UsageError;
    }
    applyBuildVariables(recipe.value(), options);
    auto config = loadConfig(options);
    if (!config) {
        std::fprintf(stderr, "bittern-agent: %s\n", qUtf8Printable(config.error().message));
        return ExitCode::UsageError;
    }
    // run: a temporary work directory unless one is given; step: the CI job's directory, so
    // consecutive steps share the build directory.
    QTemporaryDir temporary(QDir::temp().filePath(QStringLiteral("bittern-XXXXXX")));
    QString workDir = options.workDir;
    if (workDir.isEmpty())
        workDir = options.mode == AgentMode::Step ? QDir::currentPath() : temporary.path();
    if (!QDir().mkpath(workDir)) {
        std::fprintf(stderr, "bittern-agent: Could not create the work directory %s.\n",
                     qUtf8Printable(workDir));
        return ExitCode::UsageError;
    }
    temporary.setAutoRemove(options.keepFiles == KeepFiles::No);
    return runBuild(options, recipe.value(), config.value(), QFileInfo(workDir).absoluteFilePath());
}

} // namespace Agent
