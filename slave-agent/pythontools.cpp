// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/pythontools.h"

#include <cmath>

#include "core/coveragepyparser.h"
#include "core/pylintparser.h"
#include "core/toolsupport.h"
#include "core/traceparser.h"
#include "core/unittestxmlparser.h"
#include "slave-agent/commandregistry.h"
#include "slave-agent/commandsupport.h"
#include "slave-agent/figleafreport.h"
#include "slave-agent/shtools.h"
#include "slave-agent/unittestrunner.h"

namespace Agent {

namespace {

/// Finds a module's source file the way Bitten did by importing it: the interpreter imports
/// @p module (basedir on sys.path) and prints its __file__; an ImportError's text otherwise.
const char moduleLocator[] = "import importlib, sys\n"
                             "try:\n"
                             "    m = importlib.import_module(sys.argv[1])\n"
                             "except ImportError as e:\n"
                             "    sys.exit(str(e))\n"
                             "print(m.__file__)\n";

/// The module's file, or records "Cannot execute Python module M: …" and returns empty.
QString locateModule(StepContext &context, const QString &generator, const QString &module)
{
    ProcessSpec spec;
    spec.program = CommandSupport::pythonInterpreter(context);
    spec.arguments = QStringList{QStringLiteral("-c"), QLatin1String(moduleLocator), module};
    QStringList out;
    QStringList err;
    const ProcessOutcome outcome
            = context.execute(spec, [&](ProcessStream stream, const QString &line) {
                  (stream == ProcessStream::StdOut ? out : err).append(line);
              });
    if (CommandSupport::recordAbnormalEnd(context, generator, spec, outcome)) {
        return QString();
    }
    if (outcome.exitCode != 0 || out.isEmpty()) {
        context.error(generator,
                      QStringLiteral("Cannot execute Python module %1: %2")
                              .arg(module, err.value(err.size() - 1)));
        return QString();
    }
    return out.constLast();
}

Core::Result<void> checkExecAttributes(const Core::RecipeCommand &command)
{
    const QString file = command.value(QStringLiteral("file"));
    const QString module = command.value(QStringLiteral("module"));
    if (file.isEmpty() && module.isEmpty()) {
        return Core::makeError(Core::ErrorCode::InvalidInput,
                               QStringLiteral("Either \"file\" or \"module\" attribute required."));
    }
    if (!command.value(QStringLiteral("function")).isEmpty()
        && (module.isEmpty() || !file.isEmpty())) {
        return Core::makeError(
                Core::ErrorCode::InvalidInput,
                QStringLiteral("\"module\" attribute required for use of \"function\" attribute."));
    }
    return {};
}

/// python:exec's arguments for module + function: Bitten formats a missing args attribute with
/// Python's %s, so the word None becomes an argument.
QString functionArguments(const Core::RecipeCommand &command)
{
    const QString args = command.hasAttribute(QStringLiteral("args"))
            ? command.value(QStringLiteral("args"))
            : QStringLiteral("None");
    return QStringLiteral("-c \"import sys; from %1 import %2; %2(sys.argv)\" %3")
            .arg(command.value(QStringLiteral("module")), command.value(QStringLiteral("function")),
                 args);
}

/// Runs setup.py with distutils' stderr rules: "warning: " lines are warnings, "error: " lines
/// step errors (and error log lines), other lines errors; without an "error: " line a non-zero
/// exit status is "distutils failed (N)".
void runSetup(StepContext &context, const QString &generator, const ProcessSpec &spec)
{
    bool errorLogged = false;
    const ProcessOutcome outcome = context.execute(spec, [&](ProcessStream stream, QString line) {
        QString level = QStringLiteral("info");
        if (stream == ProcessStream::StdErr) {
            level = QStringLiteral("error");
            if (line.startsWith(QLatin1String("warning: "))) {
                line = line.mid(9);
                level = QStringLiteral("warning");
            } else if (line.startsWith(QLatin1String("error: "))) {
                context.error(generator, line.mid(7));
                errorLogged = true;
            }
        }
        context.log(generator, level, line);
    });
    if (CommandSupport::recordAbnormalEnd(context, generator, spec, outcome)) {
        return;
    }
    if (!errorLogged && outcome.exitCode != 0) {
        context.error(generator, QStringLiteral("distutils failed (%1)").arg(outcome.exitCode));
    }
}

/// What the FileSet of a trace/coverage/figleaf command selects.
Core::Result<QStringList> commandFileSet(const StepContext &context,
                                         const Core::RecipeCommand &command)
{
    return CommandSupport::fileSet(context, command.value(QStringLiteral("include")),
                                   command.value(QStringLiteral("exclude")));
}

Core::FileReader fileReader()
{
    return [](const QString &path) { return CommandSupport::readFile(path); };
}

} // namespace

void PythonTools::registerCommands(CommandRegistry &registry)
{
    registry.add(Core::CommandId::PythonExec, &PythonTools::exec);
    registry.add(Core::CommandId::PythonDistutils, &PythonTools::distutils);
    registry.add(Core::CommandId::PythonUnittest, &PythonTools::unittest);
    registry.add(Core::CommandId::PythonTrace, &PythonTools::trace);
    registry.add(Core::CommandId::PythonCoverage, &PythonTools::coverage);
    registry.add(Core::CommandId::PythonFigleaf, &PythonTools::figleaf);
    registry.add(Core::CommandId::PythonPylint, &PythonTools::pylint);
}

Core::Result<int> PythonTools::timeout(const Core::RecipeCommand &command)
{
    const QString text = command.value(QStringLiteral("timeout")).trimmed();
    if (text.isEmpty()) {
        return 0;
    }
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (!ok || seconds < 0) {
        return Core::makeError(
                Core::ErrorCode::InvalidInput,
                QStringLiteral("Invalid timeout \"%1\": not a number of seconds.").arg(text));
    }
    return qMax(1, int(std::ceil(seconds)));
}

Core::Result<void> PythonTools::exec(StepContext &context, const Core::RecipeCommand &command)
{
    const auto checked = checkExecAttributes(command);
    if (!checked) {
        return checked.error();
    }
    const auto seconds = timeout(command);
    if (!seconds) {
        return seconds.error();
    }
    const QString generator = command.generator();
    QString file = command.value(QStringLiteral("file"));
    const QString module = command.value(QStringLiteral("module"));
    QString args = command.value(QStringLiteral("args"));
    if (!command.value(QStringLiteral("function")).isEmpty()) {
        args = functionArguments(command);
    } else if (!module.isEmpty()) {
        file = locateModule(context, generator, module);
        if (file.isEmpty()) {
            return {};
        }
    }
    const auto arguments = CommandSupport::splitArguments(args);
    if (!arguments) {
        return arguments.error();
    }
    ShExecution execution;
    execution.generator = generator;
    execution.executable = CommandSupport::pythonInterpreter(context);
    execution.file = file;
    execution.arguments = arguments.value();
    execution.output = command.value(QStringLiteral("output"));
    execution.timeoutSeconds = seconds.value();
    const ShOutcome outcome = ShTools::execute(context, execution);
    if (outcome.exited && outcome.exitCode != 0) {
        // The function form has no file: Bitten prints Python's None there.
        context.error(generator,
                      QStringLiteral("Executing %1 failed (error code %2)")
                              .arg(file.isEmpty() ? QStringLiteral("None") : file)
                              .arg(outcome.exitCode));
    }
    return {};
}

Core::Result<void> PythonTools::distutils(StepContext &context, const Core::RecipeCommand &command)
{
    const auto seconds = timeout(command);
    if (!seconds) {
        return seconds.error();
    }
    const auto options = CommandSupport::splitArguments(command.value(QStringLiteral("options")));
    if (!options) {
        return options.error();
    }
    const QString generator = command.generator();
    const QString setupFile = CommandSupport::resolve(
            context, command.value(QStringLiteral("file"), QStringLiteral("setup.py")));
    const QString subcommand = command.value(QStringLiteral("command"), QStringLiteral("build"));
    if (subcommand == QLatin1String("unittest")) {
        UnittestRunner(context, generator).run(setupFile, options.value(), seconds.value());
        return {};
    }
    ProcessSpec spec;
    spec.program = CommandSupport::pythonInterpreter(context);
    spec.arguments = QStringList{setupFile, subcommand} + options.value();
    spec.timeoutSeconds = seconds.value();
    runSetup(context, generator, spec);
    return {};
}

Core::Result<void> PythonTools::unittest(StepContext &context, const Core::RecipeCommand &command)
{
    const QString file = command.value(QStringLiteral("file"));
    if (file.isEmpty()) {
        return CommandSupport::missingAttribute(QStringLiteral("file"));
    }
    const auto data = CommandSupport::readFile(CommandSupport::resolve(context, file));
    return CommandSupport::apply(context, command.generator(),
                                 Core::UnittestXmlParser::parse(data, context.basedir()));
}

Core::Result<void> PythonTools::trace(StepContext &context, const Core::RecipeCommand &command)
{
    const QString summary = command.value(QStringLiteral("summary"));
    const QString coverdir = command.value(QStringLiteral("coverdir"));
    if (summary.isEmpty()) {
        return CommandSupport::missingAttribute(QStringLiteral("summary"));
    }
    if (coverdir.isEmpty()) {
        return CommandSupport::missingAttribute(QStringLiteral("coverdir"));
    }
    const auto files = commandFileSet(context, command);
    if (!files) {
        return files.error();
    }
    Core::TraceParser::Options options;
    options.basedir = context.basedir();
    options.coverdir = CommandSupport::resolve(context, coverdir);
    options.fileset = files.value();
    const auto data = CommandSupport::readFile(CommandSupport::resolve(context, summary));
    return CommandSupport::apply(context, command.generator(),
                                 Core::TraceParser::parse(data, options, fileReader()));
}

Core::Result<void> PythonTools::coverage(StepContext &context, const Core::RecipeCommand &command)
{
    const QString summary = command.value(QStringLiteral("summary"));
    if (summary.isEmpty()) {
        return CommandSupport::missingAttribute(QStringLiteral("summary"));
    }
    const auto files = commandFileSet(context, command);
    if (!files) {
        return files.error();
    }
    Core::CoveragePyParser::Options options;
    options.basedir = context.basedir();
    options.coverdir = command.value(QStringLiteral("coverdir"));
    options.fileset = files.value();
    const auto data = CommandSupport::readFile(CommandSupport::resolve(context, summary));
    return CommandSupport::apply(context, command.generator(),
                                 Core::CoveragePyParser::parse(data, options, fileReader()));
}

Core::Result<void> PythonTools::figleaf(StepContext &context, const Core::RecipeCommand &command)
{
    const QString summary = command.value(QStringLiteral("summary"));
    if (summary.isEmpty()) {
        return CommandSupport::missingAttribute(QStringLiteral("summary"));
    }
    const auto data = CommandSupport::readFile(CommandSupport::resolve(context, summary));
    if (!data) {
        context.localWarning(QStringLiteral("Error opening coverage summary file (%1)")
                                     .arg(data.error().message));
        return {};
    }
    const auto files = commandFileSet(context, command);
    if (!files) {
        return files.error();
    }
    auto report
            = FigleafReport::build(data.value(), context.basedir(), files.value(), fileReader());
    if (!report) {
        return report.error();
    }
    report.value().generator = command.generator();
    context.report(report.value());
    return {};
}

Core::Result<void> PythonTools::pylint(StepContext &context, const Core::RecipeCommand &command)
{
    const QString file = command.value(QStringLiteral("file"));
    if (file.isEmpty()) {
        return CommandSupport::missingAttribute(QStringLiteral("file"));
    }
    const auto data = CommandSupport::readFile(CommandSupport::resolve(context, file));
    return CommandSupport::apply(context, command.generator(),
                                 Core::PylintParser::parse(data, context.basedir()));
}

} // namespace Agent
