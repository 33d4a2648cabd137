// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/ctools.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include "core/cppunitparser.h"
#include "core/cunitparser.h"
#include "core/fileset.h"
#include "core/gcovparser.h"
#include "core/shellsplitter.h"
#include "slave-agent/commandregistry.h"
#include "slave-agent/shtools.h"

namespace Agent {

namespace {

QStringList words(const Core::RecipeCommand &command, const QString &attribute)
{
    return command.value(attribute).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

void addEach(QStringList &arguments, const QString &format, const QStringList &values)
{
    for (const QString &value : values)
        arguments.append(format.arg(value));
}

/// Runs a tool through ShTools::execute() and records "NAME failed (N)" on a non-zero exit.
void runTool(StepContext &context, ShExecution execution, const QString &name)
{
    const ShOutcome outcome = ShTools::execute(context, execution);
    if (outcome.exited && outcome.exitCode != 0) {
        context.error(execution.generator,
                      QStringLiteral("%1 failed (%2)").arg(name).arg(outcome.exitCode));
    }
}

Core::Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.exists()) {
        return Core::makeError(Core::ErrorCode::NotFound,
                               QStringLiteral("No such file: %1").arg(path));
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Core::makeError(
                Core::ErrorCode::ReadFailed,
                QStringLiteral("Could not read %1: %2").arg(path, file.errorString()));
    }
    return file.readAll();
}

Core::Error missingAttribute(const QString &name)
{
    return Core::makeError(Core::ErrorCode::InvalidInput,
                           QStringLiteral("Missing required attribute \"%1\".").arg(name));
}

/// Source files of the gcov FileSet, relative to basedir, '/'-separated, sorted.
QStringList gcovSources(const QString &basedir, const Core::FileSet &fileSet)
{
    static const QStringList extensions{QStringLiteral("c"), QStringLiteral("cpp"),
                                        QStringLiteral("cc"), QStringLiteral("cxx")};
    QStringList sources;
    QDirIterator it(basedir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!extensions.contains(QFileInfo(path).suffix()))
            continue;
        const QString relative = path.mid(basedir.size() + 1);
        if (fileSet.matches(relative))
            sources.append(relative);
    }
    sources.sort();
    return sources;
}

Core::GcovParser::Missing findMissing(const QString &basedir,
                                      const Core::GcovParser::ObjectPaths &paths)
{
    if (!QFileInfo::exists(ShTools::resolve(basedir, paths.object)))
        return Core::GcovParser::Missing::Object;
    if (!QFileInfo::exists(ShTools::resolve(basedir, paths.gcno)))
        return Core::GcovParser::Missing::Gcno;
    if (!QFileInfo::exists(ShTools::resolve(basedir, paths.gcda)))
        return Core::GcovParser::Missing::Gcda;
    return Core::GcovParser::Missing::Nothing;
}

Core::GcovParser::SourceRun runGcov(StepContext &context, const QString &source,
                                    const Core::GcovParser::Options &options)
{
    Core::GcovParser::SourceRun run;
    run.sourceFile = source;
    const Core::GcovParser::ObjectPaths paths = Core::GcovParser::objectPaths(source, options);
    run.missing = findMissing(context.basedir(), paths);
    if (run.missing != Core::GcovParser::Missing::Nothing)
        return run;
    ProcessSpec spec;
    spec.program = QStringLiteral("gcov");
    // Bitten 0.6's argv; -n writes no .gcov file, so no line_hits (docs/COMPATIBILITY.md).
    spec.arguments = QStringList{QStringLiteral("-b"), QStringLiteral("-n"), QStringLiteral("-o"),
                                 paths.object, source};
    const ProcessOutcome outcome
            = context.execute(spec, [&run](ProcessStream stream, const QString &line) {
                  if (stream == ProcessStream::StdOut)
                      run.gcovStdout.append(line.toUtf8()).append('\n');
              });
    run.gcovExitCode = outcome.status == ProcessOutcome::Status::Exited ? outcome.exitCode : -1;
    run.gcovFile = readFile(paths.gcovFile);
    return run;
}

Core::Result<void>
parseFile(StepContext &context, const Core::RecipeCommand &command,
          const std::function<Core::Result<Core::ToolReport>(const Core::Result<QByteArray> &)>
                  &parse)
{
    if (!command.hasAttribute(QStringLiteral("file")))
        return missingAttribute(QStringLiteral("file"));
    const QString path = ShTools::resolve(context.basedir(), command.value(QStringLiteral("file")));
    auto parsed = parse(readFile(path));
    if (!parsed)
        return parsed.error();
    CTools::apply(context, command.generator(), parsed.value());
    return {};
}

} // namespace

QStringList CTools::configureArguments(const StepContext &context,
                                       const Core::RecipeCommand &command)
{
    QStringList arguments;
    addEach(arguments, QStringLiteral("--enable-%1"), words(command, QStringLiteral("enable")));
    addEach(arguments, QStringLiteral("--disable-%1"), words(command, QStringLiteral("disable")));
    for (const QString &package : words(command, QStringLiteral("with"))) {
        const QString pathProperty = package + QStringLiteral(".path");
        arguments.append(context.hasProperty(pathProperty)
                                 ? QStringLiteral("--with-%1=%2")
                                           .arg(package, context.property(pathProperty))
                                 : QStringLiteral("--with-%1").arg(package));
    }
    addEach(arguments, QStringLiteral("--without-%1"), words(command, QStringLiteral("without")));
    const QString cflags = command.value(QStringLiteral("cflags"));
    if (!cflags.isEmpty())
        arguments.append(QStringLiteral("CFLAGS=") + cflags);
    const QString cxxflags = command.value(QStringLiteral("cxxflags"));
    if (!cxxflags.isEmpty())
        arguments.append(QStringLiteral("CXXFLAGS=") + cxxflags);
    const QString prefix = command.value(QStringLiteral("prefix"));
    if (!prefix.isEmpty()) // 0.6 appended a stray "s"; fixed as in 0.6.1 (COMPATIBILITY.md)
        arguments.append(QStringLiteral("--prefix=") + prefix);
    return arguments;
}

QStringList CTools::autoreconfArguments(const Core::RecipeCommand &command)
{
    QStringList arguments;
    if (!command.value(QStringLiteral("install")).isEmpty()) {
        arguments.append(QStringLiteral("--install"));
        if (!command.value(QStringLiteral("symlink")).isEmpty())
            arguments.append(QStringLiteral("--symlink"));
    }
    if (!command.value(QStringLiteral("force")).isEmpty())
        arguments.append(QStringLiteral("--force"));
    const QString warnings = command.value(QStringLiteral("warnings"));
    if (!warnings.isEmpty())
        arguments.append(QStringLiteral("--warnings=") + warnings);
    addEach(arguments, QStringLiteral("--include=%1"), words(command, QStringLiteral("include")));
    addEach(arguments, QStringLiteral("--prepend-include=%1"),
            words(command, QStringLiteral("prepend_include")));
    return arguments;
}

Core::Result<QStringList> CTools::makeArguments(const StepContext &context,
                                                const Core::RecipeCommand &command)
{
    QStringList arguments{QStringLiteral("--directory"),
                          command.value(QStringLiteral("directory"), context.basedir())};
    const QString file = command.value(QStringLiteral("file"));
    if (!file.isEmpty())
        arguments << QStringLiteral("--file") << ShTools::resolve(context.basedir(), file);
    if (!command.value(QStringLiteral("keep_going")).isEmpty())
        arguments.append(QStringLiteral("--keep-going"));
    const QString target = command.value(QStringLiteral("target"));
    if (!target.isEmpty())
        arguments.append(target);
    const QString jobs = command.value(QStringLiteral("jobs"));
    if (!jobs.isEmpty())
        arguments << QStringLiteral("--jobs") << jobs;
    auto extra = Core::ShellSplitter::split(command.value(QStringLiteral("args")));
    if (!extra)
        return extra.error();
    return arguments + extra.value();
}

Core::Result<void> CTools::configure(StepContext &context, const Core::RecipeCommand &command)
{
    ShExecution execution;
    execution.generator = command.generator();
    execution.file = command.value(QStringLiteral("file"), QStringLiteral("configure"));
    execution.arguments = configureArguments(context, command);
    runTool(context, execution, QStringLiteral("configure"));
    return {};
}

Core::Result<void> CTools::autoreconf(StepContext &context, const Core::RecipeCommand &command)
{
    ShExecution execution;
    execution.generator = command.generator();
    execution.executable = QStringLiteral("autoreconf");
    execution.arguments = autoreconfArguments(command);
    runTool(context, execution, QStringLiteral("autoreconf"));
    return {};
}

Core::Result<void> CTools::make(StepContext &context, const Core::RecipeCommand &command)
{
    auto arguments = makeArguments(context, command);
    if (!arguments)
        return arguments.error();
    ShExecution execution;
    execution.generator = command.generator();
    const QString makePath = context.property(QStringLiteral("make.path"));
    execution.executable = !makePath.isEmpty() && QFileInfo(makePath).isFile()
            ? makePath
            : QStringLiteral("make");
    execution.arguments = arguments.value();
    runTool(context, execution, QStringLiteral("make"));
    return {};
}

Core::Result<void> CTools::cppunit(StepContext &context, const Core::RecipeCommand &command)
{
    Core::CppUnitParser::Options options;
    if (command.hasAttribute(QStringLiteral("srcdir")))
        options.srcdir = command.value(QStringLiteral("srcdir"));
    return parseFile(context, command, [&options](const Core::Result<QByteArray> &input) {
        return Core::CppUnitParser::parse(input, options);
    });
}

Core::Result<void> CTools::cunit(StepContext &context, const Core::RecipeCommand &command)
{
    return parseFile(context, command, [](const Core::Result<QByteArray> &input) {
        return Core::CUnitParser::parse(input);
    });
}

Core::Result<void> CTools::gcov(StepContext &context, const Core::RecipeCommand &command)
{
    auto fileSet = Core::FileSet::fromAttributes(command.value(QStringLiteral("include")),
                                                 command.value(QStringLiteral("exclude")));
    if (!fileSet)
        return fileSet.error();
    Core::GcovParser::Options options;
    options.basedir = context.basedir();
    if (command.hasAttribute(QStringLiteral("prefix")))
        options.prefix = command.value(QStringLiteral("prefix"));
    if (command.hasAttribute(QStringLiteral("relative")))
        options.relative = command.value(QStringLiteral("relative"));
    options.root = command.value(QStringLiteral("root"));
    QVector<Core::GcovParser::SourceRun> runs;
    for (const QString &source : gcovSources(context.basedir(), fileSet.value()))
        runs.append(runGcov(context, source, options));
    auto toolReport = Core::GcovParser::report(runs, options);
    if (!toolReport)
        return toolReport.error();
    apply(context, command.generator(), toolReport.value());
    return {};
}

void CTools::apply(StepContext &context, const QString &generator,
                   const Core::ToolReport &toolReport)
{
    for (const QString &warning : toolReport.localWarnings)
        context.localWarning(warning);
    for (const Core::LogMessage &message : toolReport.log)
        context.log(generator, message.level, message.text);
    for (const QString &error : toolReport.errors)
        context.error(generator, error);
    if (toolReport.hasReport) {
        Core::Report report = toolReport.report;
        report.generator = generator;
        context.report(report);
    }
}

void CTools::registerCommands(CommandRegistry &registry)
{
    registry.add(Core::CommandId::CConfigure, &CTools::configure);
    registry.add(Core::CommandId::CAutoreconf, &CTools::autoreconf);
    registry.add(Core::CommandId::CMake, &CTools::make);
    registry.add(Core::CommandId::CCppunit, &CTools::cppunit);
    registry.add(Core::CommandId::CCunit, &CTools::cunit);
    registry.add(Core::CommandId::CGcov, &CTools::gcov);
}

} // namespace Agent
