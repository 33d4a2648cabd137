// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/unittestrunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>

#include "core/inifile.h"
#include "slave-agent/commandsupport.h"
#include "slave-agent/coveragejson.h"

namespace Agent {

namespace {

/// Stores one option value by its distutils name ("xml-output" or "xml_output").
bool setOption(UnittestRunner::Options &options, QString name, const QString &value)
{
    name.replace(QLatin1Char('_'), QLatin1Char('-'));
    QString *target = nullptr;
    if (name == QLatin1String("xml-output")) {
        target = &options.xmlOutput;
    } else if (name == QLatin1String("coverage-summary")) {
        target = &options.coverageSummary;
    } else if (name == QLatin1String("coverage-dir")) {
        target = &options.coverageDir;
    } else if (name == QLatin1String("coverage-method")) {
        target = &options.coverageMethod;
    } else if (name == QLatin1String("test-suite") || name == QLatin1String("s")) {
        target = &options.testSuite;
    } else if (name == QLatin1String("test-module") || name == QLatin1String("m")) {
        target = &options.testModule;
    } else if (name == QLatin1String("test-runner") || name == QLatin1String("r")) {
        return true; // the runner is always the agent's
    }
    if (target) {
        *target = value;
    }
    return target != nullptr;
}

Core::Error optionError(const QString &message)
{
    return Core::makeError(Core::ErrorCode::InvalidArgument, message);
}

} // namespace

Core::Result<UnittestRunner::Options> UnittestRunner::parseOptions(const QStringList &arguments,
                                                                   const QByteArray &setupCfg)
{
    Options options;
    const auto ini = Core::IniFile::parse(setupCfg);
    if (ini) {
        const QString section = QStringLiteral("unittest");
        for (const QString &name : ini.value().options(section)) {
            setOption(options, name, ini.value().rawValue(section, name).trimmed());
        }
    }
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        const bool isLong = argument.startsWith(QLatin1String("--"));
        if (!argument.startsWith(QLatin1Char('-')) || argument.size() < 2) {
            continue; // distutils would take it as another command; the agent ignores it
        }
        QString name = argument.mid(isLong ? 2 : 1);
        QString value;
        const int equals = name.indexOf(QLatin1Char('='));
        if (equals >= 0) {
            value = name.mid(equals + 1);
            name.truncate(equals);
        } else if (i + 1 < arguments.size()) {
            value = arguments.at(++i);
        } else {
            return optionError(QStringLiteral("option %1 requires argument").arg(argument));
        }
        if (!setOption(options, name, value)) {
            return optionError(QStringLiteral("option %1 not recognized").arg(argument));
        }
    }
    const QStringList methods{QStringLiteral("trace"), QStringLiteral("coverage"),
                              QStringLiteral("figleaf")};
    if (!methods.contains(options.coverageMethod)) {
        return optionError(
                QStringLiteral("Unknown coverage method '%1'").arg(options.coverageMethod));
    }
    return options;
}

QStringList UnittestRunner::unittestArguments(const Options &options, const QByteArray &setupPy)
{
    QString suite = options.testSuite;
    if (suite.isEmpty() && !options.testModule.isEmpty()) {
        suite = options.testModule + QStringLiteral(".test_suite");
    }
    if (suite.isEmpty()) {
        static const QRegularExpression pattern(
                QStringLiteral("test_suite\\s*=\\s*['\"]([\\w.]+)['\"]"));
        suite = pattern.match(QString::fromUtf8(setupPy)).captured(1);
    }
    if (suite.isEmpty()) {
        return {QStringLiteral("discover"), QStringLiteral("-v"), QStringLiteral("-b")};
    }
    return {QStringLiteral("-v"), QStringLiteral("-b"), suite};
}

UnittestRunner::UnittestRunner(StepContext &context, const QString &generator)
    : m_context(context),
      m_generator(generator),
      m_python(CommandSupport::pythonInterpreter(context))
{ }

QStringList UnittestRunner::interpreterArguments(const Options &options,
                                                 const QStringList &unittestArgs) const
{
    QStringList arguments;
    if (options.coverageSummary.isEmpty()) {
        arguments << QStringLiteral("-m");
    } else if (options.coverageMethod == QLatin1String("trace")) {
        // trace expands $prefix and $exec_prefix to the interpreter's library directories.
        arguments << QStringLiteral("-m") << QStringLiteral("trace") << QStringLiteral("--count")
                  << QStringLiteral("--summary") << QStringLiteral("--missing");
        if (!options.coverageDir.isEmpty()) {
            arguments << QStringLiteral("--coverdir")
                      << CommandSupport::resolve(m_context, options.coverageDir);
        }
        arguments << QStringLiteral("--ignore-dir=$prefix")
                  << QStringLiteral("--ignore-dir=$exec_prefix") << QStringLiteral("--module");
    } else {
        arguments << QStringLiteral("-m") << QStringLiteral("coverage") << QStringLiteral("run")
                  << QStringLiteral("-m");
    }
    return arguments << QStringLiteral("unittest") << unittestArgs;
}

void UnittestRunner::run(const QString &setupFile, const QStringList &arguments, int timeoutSeconds)
{
    if (!QFileInfo(setupFile).isFile()) {
        // What `python setup.py unittest` gave without a setup.py.
        m_context.log(m_generator, QStringLiteral("error"),
                      QStringLiteral("%1: can't open file '%2': [Errno 2] No such file or "
                                     "directory")
                              .arg(m_python, setupFile));
        m_context.error(m_generator, QStringLiteral("distutils failed (2)"));
        return;
    }
    const QString projectDir = QFileInfo(setupFile).absolutePath();
    const auto setupCfg = CommandSupport::readFile(projectDir + QStringLiteral("/setup.cfg"));
    const auto options = parseOptions(arguments, setupCfg ? setupCfg.value() : QByteArray());
    if (!options) {
        m_context.log(m_generator, QStringLiteral("error"),
                      QStringLiteral("error: ") + options.error().message);
        m_context.error(m_generator, options.error().message);
        return;
    }
    createOutputDirectories(options.value());
    const auto setupPy = CommandSupport::readFile(setupFile);
    QTemporaryDir scratch;
    const QString dataFile = scratch.filePath(QStringLiteral("coverage.data"));
    ProcessSpec spec;
    spec.program = m_python;
    spec.arguments = interpreterArguments(
            options.value(),
            unittestArguments(options.value(), setupPy ? setupPy.value() : QByteArray()));
    spec.timeoutSeconds = timeoutSeconds;
    spec.environment.insert(QStringLiteral("COVERAGE_FILE"), dataFile);
    const TestRun tests = runTests(options.value(), spec);
    if (!tests.completed) {
        return;
    }
    writeResults(options.value(), tests.tests);
    if (!tests.traceSummary.isEmpty()) {
        writeFile(options.value().coverageSummary, tests.traceSummary);
    } else if (!options.value().coverageSummary.isEmpty()
               && options.value().coverageMethod != QLatin1String("trace")) {
        exportCoverage(options.value(), dataFile, timeoutSeconds);
    }
}

void UnittestRunner::createOutputDirectories(const Options &options)
{
    for (const QString &path : {options.xmlOutput, options.coverageSummary}) {
        if (!path.isEmpty()) {
            QDir().mkpath(QFileInfo(CommandSupport::resolve(m_context, path)).absolutePath());
        }
    }
    if (!options.coverageDir.isEmpty()) {
        QDir().mkpath(CommandSupport::resolve(m_context, options.coverageDir));
    }
}

UnittestRunner::TestRun UnittestRunner::runTests(const Options &options, const ProcessSpec &spec)
{
    const bool traceSummary = !options.coverageSummary.isEmpty()
            && options.coverageMethod == QLatin1String("trace");
    UnittestOutput output;
    TestRun run;
    QElapsedTimer clock;
    clock.start();
    const ProcessOutcome outcome
            = m_context.execute(spec, [&](ProcessStream stream, const QString &line) {
                  if (stream == ProcessStream::StdErr) {
                      output.addLine(line, double(clock.nsecsElapsed()) / 1e9);
                  } else if (traceSummary
                             && (!run.traceSummary.isEmpty()
                                 || line.startsWith(QLatin1String("lines ")))) {
                      run.traceSummary += line.toUtf8() + '\n';
                      return;
                  }
                  m_context.log(m_generator, QStringLiteral("info"), line);
              });
    if (CommandSupport::recordAbnormalEnd(m_context, m_generator, spec, outcome)) {
        return run;
    }
    // unittest exits with 1 when tests failed; Bitten's command did not fail for that.
    if (outcome.exitCode != 0 && outcome.exitCode != 1) {
        m_context.error(m_generator, QStringLiteral("distutils failed (%1)").arg(outcome.exitCode));
    }
    if (traceSummary && run.traceSummary.isEmpty()) {
        run.traceSummary = "lines   cov%   module   (path)\n";
    }
    run.tests = output.tests();
    run.completed = true;
    return run;
}

bool UnittestRunner::writeFile(const QString &path, const QByteArray &data)
{
    QFile file(CommandSupport::resolve(m_context, path));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size()) {
        m_context.error(m_generator,
                        QStringLiteral("Could not write %1: %2").arg(path, file.errorString()));
        return false;
    }
    return true;
}

QString UnittestRunner::moduleFile(const QString &module) const
{
    QStringList parts = module.split(QLatin1Char('.'), Qt::SkipEmptyParts);
    for (; !parts.isEmpty(); parts.removeLast()) {
        const QString base = m_context.basedir() + QLatin1Char('/') + parts.join(QLatin1Char('/'));
        const QStringList candidates{base + QStringLiteral(".py"),
                                     base + QStringLiteral("/__init__.py")};
        for (const QString &candidate : candidates) {
            if (QFileInfo(candidate).isFile()) {
                return candidate;
            }
        }
    }
    return QString();
}

void UnittestRunner::writeResults(const Options &options, const QVector<UnittestCase> &tests)
{
    if (options.xmlOutput.isEmpty()) {
        return;
    }
    QVector<UnittestCase> resolved = tests;
    for (UnittestCase &test : resolved) {
        test.file = moduleFile(test.module);
    }
    writeFile(options.xmlOutput, UnittestOutput::toXml(resolved));
}

bool UnittestRunner::exportCoverage(const Options &options, const QString &dataFile,
                                    int timeoutSeconds)
{
    // figleaf no longer exists: its summary becomes coverage.py's JSON report, which
    // python:figleaf reads.
    const bool figleaf = options.coverageMethod == QLatin1String("figleaf");
    QTemporaryDir scratch;
    const QString jsonFile = figleaf ? CommandSupport::resolve(m_context, options.coverageSummary)
                                     : scratch.filePath(QStringLiteral("coverage.json"));
    ProcessSpec spec;
    spec.program = m_python;
    spec.arguments = QStringList{QStringLiteral("-m"), QStringLiteral("coverage"),
                                 QStringLiteral("json"), QStringLiteral("-o"), jsonFile};
    spec.timeoutSeconds = timeoutSeconds;
    spec.environment.insert(QStringLiteral("COVERAGE_FILE"), dataFile);
    const ProcessOutcome outcome
            = m_context.execute(spec, [&](ProcessStream stream, const QString &line) {
                  m_context.log(m_generator,
                                stream == ProcessStream::StdOut ? QStringLiteral("info")
                                                                : QStringLiteral("error"),
                                line);
              });
    if (CommandSupport::recordAbnormalEnd(m_context, m_generator, spec, outcome)) {
        return false;
    }
    if (outcome.exitCode != 0) {
        m_context.error(m_generator, QStringLiteral("distutils failed (%1)").arg(outcome.exitCode));
        return false;
    }
    if (!figleaf) {
        const auto json = CommandSupport::readFile(jsonFile);
        writeCoverageSummary(options, json ? json.value() : QByteArray());
    }
    return true;
}

void UnittestRunner::writeCoverageSummary(const Options &options, const QByteArray &json)
{
    const auto coverage = CoverageJson::parse(json);
    if (!coverage) {
        m_context.error(m_generator, coverage.error().message);
        return;
    }
    QStringList modules;
    QStringList paths;
    for (const CoverageJson::File &file : coverage.value().files()) {
        const QString absolute = CommandSupport::resolve(m_context, file.path);
        modules.append(
                CoverageJson::moduleName(CommandSupport::relativeToBasedir(m_context, absolute)));
        paths.append(absolute);
    }
    if (!writeFile(options.coverageSummary, coverage.value().summary(modules, paths))
        || options.coverageDir.isEmpty()) {
        return;
    }
    for (int i = 0; i < paths.size(); ++i) {
        const auto source = CommandSupport::readFile(paths.at(i));
        QString name = modules.at(i);
        name.replace(QLatin1Char('.'), QLatin1Char('_'));
        writeFile(options.coverageDir + QLatin1Char('/') + name + QStringLiteral(".py,cover"),
                  CoverageJson::annotate(coverage.value().files().at(i),
                                         source ? source.value() : QByteArray()));
    }
}

} // namespace Agent
