// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/javatools.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>

#include "core/antlogparser.h"
#include "core/coberturareader.h"
#include "core/junitreader.h"
#include "core/toolsupport.h"
#include "slave-agent/commandregistry.h"
#include "slave-agent/commandsupport.h"
#include "slave-agent/logging.h"

namespace Agent {

namespace {

/// Ant's executable: <ant.home>/bin/ant when the slave property names an existing directory.
QString antExecutable(const StepContext &context)
{
    const QString antHome = context.property(QStringLiteral("ant.home"));
    if (!antHome.isEmpty() && QFileInfo(antHome).isDir()) {
        return QDir(antHome).filePath(QStringLiteral("bin/ant"));
    }
    return QStringLiteral("ant");
}

/// A fresh name for the XmlLogger file; like Bitten, the file itself does not exist before Ant
/// writes it.
QString reserveLogFileName()
{
    QTemporaryFile file(QDir::tempPath() + QStringLiteral("/ant_logXXXXXX.xml"));
    file.setAutoRemove(true);
    if (!file.open()) {
        return QDir::tempPath() + QStringLiteral("/ant_log.xml");
    }
    return file.fileName();
}

} // namespace

void JavaTools::registerCommands(CommandRegistry &registry)
{
    registry.add(Core::CommandId::JavaAnt, &JavaTools::ant);
    registry.add(Core::CommandId::JavaJunit, &JavaTools::junit);
    registry.add(Core::CommandId::JavaCobertura, &JavaTools::cobertura);
}

QStringList JavaTools::antArguments(const StepContext &context, const Core::RecipeCommand &command,
                                    const QStringList &userArguments, const QString &logFile)
{
    QStringList arguments = userArguments;
    // Bitten passes the two quote characters literally as the stylesheet URI.
    arguments << QStringLiteral("-noinput") << QStringLiteral("-listener")
              << QStringLiteral("org.apache.tools.ant.XmlLogger")
              << QStringLiteral("-Dant.XmlLogger.stylesheet.uri") << QStringLiteral("\"\"")
              << QStringLiteral("-DXmlLogger.file") << logFile;
    const QString file = command.value(QStringLiteral("file"));
    if (!file.isEmpty()) {
        arguments << QStringLiteral("-buildfile") << CommandSupport::resolve(context, file);
    }
    if (!command.value(QStringLiteral("keep_going")).isEmpty()) {
        arguments << QStringLiteral("-keep-going");
    }
    const QString target = command.value(QStringLiteral("target"));
    if (!target.isEmpty()) {
        arguments << target;
    }
    return arguments;
}

Core::Result<void> JavaTools::ant(StepContext &context, const Core::RecipeCommand &command)
{
    const QString generator = command.generator();
    const auto userArguments
            = CommandSupport::splitArguments(command.value(QStringLiteral("args")));
    if (!userArguments) {
        return userArguments.error();
    }
    const QString logFile = reserveLogFileName();
    ProcessSpec spec;
    spec.program = antExecutable(context);
    spec.arguments = antArguments(context, command, userArguments.value(), logFile);
    const QString javaHome = context.property(QStringLiteral("java.home"));
    if (!javaHome.isEmpty() && QFileInfo(javaHome).isDir()) {
        spec.environment.insert(QStringLiteral("JAVA_HOME"), javaHome);
    }
    // Ant's console output only goes to the agent's own log, as in Bitten.
    const ProcessOutcome outcome
            = context.execute(spec, [](ProcessStream stream, const QString &line) {
                  if (stream == ProcessStream::StdOut) {
                      qCInfo(lcAgentCommands, "ant: %s", qUtf8Printable(line));
                  } else {
                      qCWarning(lcAgentCommands, "ant: %s", qUtf8Printable(line));
                  }
              });
    if (CommandSupport::recordAbnormalEnd(context, generator, spec, outcome)) {
        QFile::remove(logFile);
        return {};
    }
    const auto xmlLog = CommandSupport::readFile(logFile);
    QFile::remove(logFile);
    return CommandSupport::apply(
            context, generator,
            Core::AntLogParser::parse(xmlLog, context.basedir(), outcome.exitCode));
}

Core::Result<void> JavaTools::junit(StepContext &context, const Core::RecipeCommand &command)
{
    const QString file = command.value(QStringLiteral("file"));
    if (file.isEmpty()) {
        return CommandSupport::missingAttribute(QStringLiteral("file"));
    }
    Core::JUnitReader::Options options;
    options.mode = Core::JUnitMode::Bitten;
    if (command.hasAttribute(QStringLiteral("srcdir"))) {
        options.srcdir = command.value(QStringLiteral("srcdir"));
    }
    Core::Report report;
    report.category = QStringLiteral("test");
    report.generator = command.generator();
    for (const QString &path : CommandSupport::glob(context, file)) {
        const auto data = CommandSupport::readFile(path);
        if (!data) {
            context.localWarning(QStringLiteral("Error opening JUnit results file (%1)")
                                         .arg(data.error().message));
            return {};
        }
        const auto items = Core::JUnitReader::readReport(data.value(), options);
        if (!items) {
            context.localWarning(QStringLiteral("Error parsing JUnit results file (%1)")
                                         .arg(items.error().message));
            return {};
        }
        report.items += items.value().items;
    }
    const qint64 failed = CommandSupport::failedTests(report);
    if (failed > 0) {
        context.error(report.generator,
                      Core::ToolSupport::testsFailed(failed, report.items.size()));
    }
    context.report(report);
    return {};
}

Core::Result<void> JavaTools::cobertura(StepContext &context, const Core::RecipeCommand &command)
{
    const QString file = command.value(QStringLiteral("file"));
    if (file.isEmpty()) {
        return CommandSupport::missingAttribute(QStringLiteral("file"));
    }
    // Bitten lets an unreadable or invalid file escape as an exception: the internal error.
    const auto data = CommandSupport::readFile(CommandSupport::resolve(context, file));
    if (!data) {
        return data.error();
    }
    Core::CoberturaReader::Options options;
    options.grouping = Core::CoberturaGrouping::WholeDocument;
    auto report = Core::CoberturaReader::readReport(data.value(), options);
    if (!report) {
        return report.error();
    }
    report.value().generator = command.generator();
    context.report(report.value());
    return {};
}

} // namespace Agent
