// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/shtools.h"

#include <cmath>
#include <memory>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "core/shellsplitter.h"
#include "slave-agent/commandregistry.h"
#include "slave-agent/outputbuffer.h"

namespace Agent {

namespace {

const QString info = QStringLiteral("info");
const QString errorLevel = QStringLiteral("error");

Core::Result<int> parseTimeout(const QString &text)
{
    if (text.isEmpty())
        return 0;
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (!ok || seconds < 0) {
        return Core::makeError(
                Core::ErrorCode::InvalidInput,
                QStringLiteral("Invalid timeout \"%1\": expected seconds.").arg(text));
    }
    return int(std::ceil(seconds));
}

/// Fills the parts of an ShExecution sh:exec and sh:pipe share.
Core::Result<ShExecution> commonExecution(const Core::RecipeCommand &command)
{
    ShExecution execution;
    execution.generator = command.generator();
    execution.executable = command.value(QStringLiteral("executable"));
    execution.file = command.value(QStringLiteral("file"));
    if (execution.executable.isEmpty() && execution.file.isEmpty()) {
        return Core::makeError(Core::ErrorCode::InvalidInput,
                               QStringLiteral("Either \"executable\" or \"file\" attribute "
                                              "required."));
    }
    auto arguments = Core::ShellSplitter::split(command.value(QStringLiteral("args")));
    if (!arguments)
        return arguments.error();
    execution.arguments = arguments.value();
    execution.output = command.value(QStringLiteral("output"));
    execution.dir = command.value(QStringLiteral("dir"));
    return execution;
}

ProcessSpec processSpec(const StepContext &context, const ShExecution &execution)
{
    const QString base = execution.dir.isEmpty()
            ? context.basedir()
            : ShTools::resolve(context.basedir(), execution.dir);
    ProcessSpec spec;
    QString file = execution.file;
    if (!file.isEmpty() && QFileInfo(ShTools::resolve(base, file)).isFile())
        file = ShTools::resolve(base, file);
    spec.program = execution.executable.isEmpty() ? file : execution.executable;
    spec.arguments = execution.arguments;
    if (!execution.executable.isEmpty() && !file.isEmpty())
        spec.arguments.prepend(file);
    spec.workingDirectory = QFileInfo(base).isDir() ? base : context.basedir();
    if (!execution.input.isEmpty())
        spec.stdinFile = ShTools::resolve(context.basedir(), execution.input);
    spec.timeoutSeconds = execution.timeoutSeconds;
    return spec;
}

/**
 * Logs the output lines of one ShExecution (stdout as info, stderr as error, basedir stripped)
 * and copies them to its output file. Lines that need no change stay bytes (OutputLine), and
 * runs of plain lines stay one span.
 */
class ExecutionLogger
{
public:
    ExecutionLogger(StepContext &context, const ShExecution &execution, QFile *output)
        : m_context(context),
          m_execution(execution),
          m_basedir(context.basedir()),
          m_latin1Basedir(m_basedir.toLatin1())
    {
        // An ASCII line can only contain a Latin-1 basedir: other basedirs are never searched.
        m_searchBytes = !m_basedir.isEmpty() && QString::fromLatin1(m_latin1Basedir) == m_basedir;
        if (output)
            m_output = std::make_unique<OutputBuffer>(output);
    }

    void add(ProcessStream stream, const OutputLine &line)
    {
        if (m_output)
            writeOutputLine(line);
        const bool isOut = stream == ProcessStream::StdOut;
        if (line.isRun()) {
            // Passed on whole unless a line may need skipping or holds the basedir.
            if ((isOut && m_execution.skipLine)
                || (m_searchBytes && line.containsAscii(m_latin1Basedir))) {
                line.forEachLine([&](const OutputLine &one) { log(stream, one); });
                return;
            }
            m_context.logLine(m_execution.generator, isOut ? info : errorLevel, line);
            return;
        }
        log(stream, line);
    }

    void flush() { m_output.reset(); }

private:
    /// Logs one line (not a run).
    void log(ProcessStream stream, const OutputLine &line)
    {
        const bool isOut = stream == ProcessStream::StdOut;
        const bool needsText = !line.isAscii() || (isOut && m_execution.skipLine)
                || (m_searchBytes && line.containsAscii(m_latin1Basedir));
        const QString &level = isOut ? info : errorLevel;
        if (!needsText) {
            m_context.logLine(m_execution.generator, level, line);
            return;
        }
        const QString text = line.text();
        if (isOut && m_execution.skipLine && m_execution.skipLine(text))
            return;
        m_context.log(m_execution.generator, level, ShTools::stripBasedir(m_basedir, text));
    }

    /// A line of the output file: the line as UTF-8 and a newline (a run has its newlines).
    void writeOutputLine(const OutputLine &line)
    {
        if (line.isRun()) {
            m_output->append(line.data(), line.size());
            return;
        }
        if (line.isAscii())
            m_output->append(line.data(), line.size());
        else
            m_output->appendText(line.text());
        m_output->append('\n');
    }

    StepContext &m_context;
    const ShExecution &m_execution;
    const QString m_basedir;
    const QByteArray m_latin1Basedir;
    bool m_searchBytes = false;
    std::unique_ptr<OutputBuffer> m_output;
};

bool recordAbnormalEnd(StepContext &context, const QString &generator, const ProcessSpec &spec,
                       const ProcessOutcome &outcome)
{
    switch (outcome.status) {
    case ProcessOutcome::Status::Exited:
        return false;
    case ProcessOutcome::Status::TimedOut:
        context.error(generator, QStringLiteral("Command %1 timed out").arg(spec.program));
        break;
    case ProcessOutcome::Status::Cancelled:
        context.error(generator,
                      QStringLiteral("Command %1 was stopped: the agent was asked "
                                     "to stop.")
                              .arg(spec.program));
        break;
    case ProcessOutcome::Status::FailedToStart:
        context.error(generator, outcome.errorString);
        break;
    }
    return true;
}

} // namespace

QString ShTools::resolve(const QString &base, const QString &path)
{
    if (QDir::isAbsolutePath(path))
        return QDir::cleanPath(path);
    return QDir::cleanPath(base + QLatin1Char('/') + path);
}

QString ShTools::stripBasedir(const QString &basedir, const QString &line)
{
    // Cheap test first: most lines have no basedir, many not even its first character.
    if (basedir.isEmpty() || !line.contains(basedir.front()) || !line.contains(basedir))
        return line;
    QString text = line;
    text.replace(basedir + QLatin1Char('/'), QString());
    text.replace(basedir, QString());
    return text;
}

ShOutcome ShTools::execute(StepContext &context, const ShExecution &execution)
{
    const ProcessSpec spec = processSpec(context, execution);
    QFile output;
    if (!execution.output.isEmpty()) {
        const QString base = execution.dir.isEmpty() ? context.basedir()
                                                     : resolve(context.basedir(), execution.dir);
        output.setFileName(resolve(base, execution.output));
        if (!output.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            context.error(execution.generator,
                          QStringLiteral("Could not write the output file %1: %2.")
                                  .arg(output.fileName(), output.errorString()));
            return {};
        }
    }
    ExecutionLogger logger(context, execution, output.isOpen() ? &output : nullptr);
    const ProcessOutcome outcome
            = context.executeLines(spec, [&logger](ProcessStream stream, const OutputLine &line) {
                  logger.add(stream, line);
              });
    logger.flush();
    if (recordAbnormalEnd(context, execution.generator, spec, outcome))
        return {};
    return {true, outcome.exitCode};
}

Core::Result<void> ShTools::exec(StepContext &context, const Core::RecipeCommand &command)
{
    auto execution = commonExecution(command);
    if (!execution)
        return execution.error();
    auto timeout = parseTimeout(command.value(QStringLiteral("timeout")));
    if (!timeout)
        return timeout.error();
    execution.value().timeoutSeconds = timeout.value();
    const ShOutcome outcome = execute(context, execution.value());
    if (outcome.exited && outcome.exitCode != 0) {
        const QString &name = execution.value().executable.isEmpty() ? execution.value().file
                                                                     : execution.value().executable;
        context.error(execution.value().generator,
                      QStringLiteral("Executing %1 failed (error code %2)")
                              .arg(name)
                              .arg(outcome.exitCode));
    }
    return {};
}

Core::Result<void> ShTools::pipe(StepContext &context, const Core::RecipeCommand &command)
{
    auto execution = commonExecution(command);
    if (!execution)
        return execution.error();
    if (!command.hasAttribute(QStringLiteral("input"))) {
        return Core::makeError(Core::ErrorCode::InvalidInput,
                               QStringLiteral("Missing required attribute \"input\"."));
    }
    execution.value().input = command.value(QStringLiteral("input"));
    const ShOutcome outcome = execute(context, execution.value());
    if (outcome.exited && outcome.exitCode != 0) {
        const QString &name = execution.value().executable.isEmpty() ? execution.value().file
                                                                     : execution.value().executable;
        context.error(execution.value().generator,
                      QStringLiteral("Piping through %1 failed (error code %2)")
                              .arg(name)
                              .arg(outcome.exitCode));
    }
    return {};
}

void ShTools::registerCommands(CommandRegistry &registry)
{
    registry.add(Core::CommandId::ShExec, &ShTools::exec);
    registry.add(Core::CommandId::ShPipe, &ShTools::pipe);
}

} // namespace Agent
