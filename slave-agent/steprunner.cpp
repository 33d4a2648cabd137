// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/steprunner.h"

#include <QElapsedTimer>

#include "core/commandcatalog.h"
#include "slave-agent/logging.h"
#include "slave-agent/processlauncher.h"
#include "slave-agent/stopsignal.h"

namespace Agent {

namespace {

/// The first attribute a built-in command does not accept, or nullptr.
const Core::RecipeAttribute *unsupportedAttribute(const Core::RecipeCommand &command)
{
    if (command.id == Core::CommandId::Unknown)
        return nullptr;
    const Core::CommandSpec &spec = Core::CommandCatalog::spec(command.id);
    for (const Core::RecipeAttribute &attribute : command.attributes) {
        if (!spec.attribute(attribute.name))
            return &attribute;
    }
    return nullptr;
}

/// How to define @p ref, a reference nothing defines.
QString definitionHint(const QString &ref)
{
    const int dot = ref.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return QStringLiteral("Define it as a build variable (-D %1=VALUE).").arg(ref);
    return QStringLiteral("Set option \"%1\" in section [%2] of the slave configuration, or "
                          "define it with -D %3=VALUE.")
            .arg(ref.mid(dot + 1), ref.left(dot), ref);
}

} // namespace

StepRunner::StepRunner(const CommandRegistry &registry, ProcessLauncher &launcher,
                       const Core::Interpolator::Context &variables, const QString &basedir,
                       StopSignal *stop)
    : m_registry(registry),
      m_launcher(launcher),
      m_interpolator(variables),
      m_basedir(basedir),
      m_stop(stop)
{ }

Core::Result<StepRun> StepRunner::run(const Core::RecipeStep &step, const QString &resultFile,
                                      const QString &logFile)
{
    m_run = StepRun();
    m_run.result.step = step.id;
    m_run.resultFile = resultFile;
    m_run.logFile = logFile;
    m_internalError = false;
    if (auto opened = m_log.open(resultFile, logFile, step.id); !opened)
        return opened.error();
    QElapsedTimer timer;
    timer.start();
    for (const Core::RecipeCommand &command : step.commands) {
        if (isStopRequested()) {
            m_run.cancelled = true;
            error(command.generator(),
                  QStringLiteral("Step %1 was cancelled: the agent was asked to stop.")
                          .arg(step.id));
            break;
        }
        runCommand(command);
        if (m_internalError)
            break;
    }
    m_run.cancelled = m_run.cancelled || isStopRequested();
    m_run.result.durationSeconds = double(timer.nsecsElapsed()) / 1e9;
    m_run.result.status = m_run.result.errors.isEmpty() ? Core::StepResult::Status::Success
                                                        : Core::StepResult::Status::Failure;
    if (auto closed = m_log.finish(m_run.result); !closed)
        return closed.error();
    return m_run;
}

void StepRunner::runCommand(const Core::RecipeCommand &command)
{
    m_log.startCommand();
    const QString generator = command.generator();
    const CommandFunction *function = m_registry.find(command);
    if (!function) {
        error(generator, QStringLiteral("Unknown recipe command %1").arg(generator));
        return;
    }
    if (const Core::RecipeAttribute *attribute = unsupportedAttribute(command)) {
        error(generator,
              QStringLiteral("Unsupported argument '%1' for command %2")
                      .arg(Core::CommandCatalog::parameterName(attribute->name), generator));
        return;
    }
    warnUnresolved(command);
    const Core::Result<void> result = (*function)(*this, interpolated(command));
    if (!result) {
        // Deviation (docs/COMPATIBILITY.md): Bitten sends no children and leaks the outputs
        // so far into the next step; we keep them here and say what went wrong.
        m_internalError = true;
        m_run.internalError = true;
        error(generator,
              QStringLiteral("Internal error in %1: %2")
                      .arg(command.qualifiedName(), result.error().message));
    }
}

void StepRunner::warnUnresolved(const Core::RecipeCommand &command)
{
    for (const Core::RecipeAttribute &attribute : command.attributes) {
        const QStringList refs = m_interpolator.unresolvedReferences(attribute.value);
        if (refs.isEmpty())
            continue;
        const QString where = m_recipeName.isEmpty()
                ? QStringLiteral("Line %1 of the recipe").arg(attribute.position.line)
                : QStringLiteral("%1, line %2").arg(m_recipeName).arg(attribute.position.line);
        for (const QString &ref : refs) {
            localWarning(QStringLiteral("%1: attribute \"%2\" of <%3> refers to ${%4}, which no "
                                        "slave property or build variable defines, so it is "
                                        "passed on as written. %5")
                                 .arg(where, attribute.name, command.qualifiedName(), ref,
                                      definitionHint(ref)));
        }
    }
}

Core::RecipeCommand StepRunner::interpolated(const Core::RecipeCommand &command) const
{
    Core::RecipeCommand copy = command;
    for (Core::RecipeAttribute &attribute : copy.attributes)
        attribute.value = m_interpolator.interpolate(attribute.value);
    return copy;
}

bool StepRunner::isStopRequested() const
{
    return m_stop && m_stop->isRequested();
}

QString StepRunner::property(const QString &name) const
{
    return m_interpolator.context().properties.value(name);
}

bool StepRunner::hasProperty(const QString &name) const
{
    return m_interpolator.context().properties.contains(name);
}

ProcessSpec StepRunner::effectiveSpec(const ProcessSpec &spec) const
{
    ProcessSpec effective = spec;
    if (effective.workingDirectory.isEmpty())
        effective.workingDirectory = m_basedir;
    return effective;
}

void StepRunner::noteOutcome(const ProcessOutcome &outcome)
{
    if (outcome.status == ProcessOutcome::Status::Cancelled)
        m_run.cancelled = true;
}

ProcessOutcome StepRunner::execute(const ProcessSpec &spec, const LineHandler &onLine)
{
    const ProcessOutcome outcome = m_launcher.run(effectiveSpec(spec), onLine);
    noteOutcome(outcome);
    return outcome;
}

ProcessOutcome StepRunner::executeLines(const ProcessSpec &spec, const OutputHandler &onOutput)
{
    const ProcessOutcome outcome = m_launcher.runLines(effectiveSpec(spec), onOutput);
    noteOutcome(outcome);
    return outcome;
}

void StepRunner::log(const QString &generator, const QString &level, const QString &text)
{
    m_log.addLog(generator, level, text);
    ++m_run.logLines;
    if (m_liveLog)
        m_liveLog(text);
}

void StepRunner::logLine(const QString &generator, const QString &level, const OutputLine &line)
{
    m_log.addLogLine(generator, level, line);
    m_run.logLines += int(line.lineCount());
    if ((line.isAscii() || line.isRun()) && m_asciiLiveLog)
        m_asciiLiveLog(line);
    else if (m_liveLog)
        line.forEachLine([this](const OutputLine &one) { m_liveLog(one.text()); });
}

void StepRunner::error(const QString &generator, const QString &message)
{
    m_log.addError(generator, message);
    m_run.result.errors.append(Core::StepError{generator, message});
    if (m_liveLog)
        m_liveLog(QStringLiteral("error: ") + message);
}

void StepRunner::report(const Core::Report &report)
{
    m_log.addReport(report);
    m_run.result.reports.append(report);
}

void StepRunner::attach(const Core::StepAttachment &attachment)
{
    m_log.addAttachment(attachment);
    m_run.result.attachments.append(attachment);
}

void StepRunner::localWarning(const QString &text)
{
    qCWarning(lcAgentRunner, "%s", qUtf8Printable(text));
    if (m_liveLog)
        m_liveLog(QStringLiteral("warning: ") + text);
}

} // namespace Agent
