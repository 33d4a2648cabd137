// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testlib/fakestepcontext.h"

#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>

namespace TestLib {

namespace {

void emitLines(const QByteArray &data, Agent::ProcessStream stream,
               const Agent::LineHandler &onLine)
{
    if (data.isEmpty() || !onLine) {
        return;
    }
    QList<QByteArray> lines = data.split('\n');
    if (data.endsWith('\n')) {
        lines.removeLast();
    }
    for (QByteArray line : lines) {
        line.replace('\0', QByteArray());
        while (!line.isEmpty() && QChar::fromLatin1(line.back()).isSpace()) {
            line.chop(1);
        }
        onLine(stream, QString::fromUtf8(line));
    }
}

} // namespace

FakeStepContext::FakeStepContext(const QString &basedir) : m_basedir(QDir(basedir).canonicalPath())
{ }

Core::RecipeCommand FakeStepContext::command(Core::CommandId id, const QString &qualifiedName,
                                             const QVector<QPair<QString, QString>> &attributes)
{
    Core::RecipeCommand command;
    command.id = id;
    command.family = Core::NamespaceFamily::Current;
    command.prefix = qualifiedName.section(QLatin1Char(':'), 0, 0);
    command.localName = qualifiedName.section(QLatin1Char(':'), 1);
    const QString uriName
            = command.prefix == QLatin1String("x") ? QStringLiteral("xml") : command.prefix;
    command.namespaceUri = QStringLiteral("http://bitten.edgewall.org/tools/") + uriName;
    for (const auto &attribute : attributes) {
        Core::RecipeAttribute recipeAttribute;
        recipeAttribute.name = attribute.first;
        recipeAttribute.value = attribute.second;
        command.attributes.append(recipeAttribute);
    }
    return command;
}

void FakeStepContext::setProperty(const QString &name, const QString &value)
{
    m_properties.insert(name, value);
}

QString FakeStepContext::basedir() const
{
    return m_basedir;
}

QString FakeStepContext::property(const QString &name) const
{
    return m_properties.value(name);
}

bool FakeStepContext::hasProperty(const QString &name) const
{
    return m_properties.contains(name);
}

Agent::ProcessOutcome FakeStepContext::execute(const Agent::ProcessSpec &spec,
                                               const Agent::LineHandler &onLine)
{
    m_processes.append(spec);
    QProcess process;
    process.setProgram(spec.program);
    process.setArguments(spec.arguments);
    process.setWorkingDirectory(spec.workingDirectory.isEmpty() ? m_basedir
                                                                : spec.workingDirectory);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (auto it = spec.environment.cbegin(); it != spec.environment.cend(); ++it) {
        environment.insert(it.key(), it.value());
    }
    process.setProcessEnvironment(environment);
    if (!spec.stdinFile.isEmpty()) {
        process.setStandardInputFile(spec.stdinFile);
    }
    process.start();
    Agent::ProcessOutcome outcome;
    if (!process.waitForStarted(-1)) {
        outcome.status = Agent::ProcessOutcome::Status::FailedToStart;
        outcome.errorString = process.errorString();
        return outcome;
    }
    if (spec.stdinFile.isEmpty()) {
        process.closeWriteChannel();
    }
    const int timeout = spec.timeoutSeconds > 0 ? spec.timeoutSeconds * 1000 : -1;
    if (!process.waitForFinished(timeout)) {
        process.kill();
        process.waitForFinished(-1);
        outcome.status = Agent::ProcessOutcome::Status::TimedOut;
    }
    emitLines(process.readAllStandardOutput(), Agent::ProcessStream::StdOut, onLine);
    emitLines(process.readAllStandardError(), Agent::ProcessStream::StdErr, onLine);
    if (outcome.status == Agent::ProcessOutcome::Status::Exited) {
        outcome.exitCode
                = process.exitStatus() == QProcess::CrashExit ? 128 + 9 : process.exitCode();
    }
    return outcome;
}

void FakeStepContext::log(const QString &generator, const QString &level, const QString &text)
{
    Output output;
    output.kind = Output::Kind::Log;
    output.generator = generator;
    output.level = level;
    output.text = text;
    m_outputs.append(output);
}

void FakeStepContext::error(const QString &generator, const QString &message)
{
    Output output;
    output.kind = Output::Kind::Error;
    output.generator = generator;
    output.text = message;
    m_outputs.append(output);
}

void FakeStepContext::report(const Core::Report &report)
{
    Output output;
    output.kind = Output::Kind::Report;
    output.generator = report.generator;
    output.report = report;
    m_outputs.append(output);
}

void FakeStepContext::attach(const Core::StepAttachment &attachment)
{
    Output output;
    output.kind = Output::Kind::Attach;
    output.attachment = attachment;
    m_outputs.append(output);
}

void FakeStepContext::localWarning(const QString &text)
{
    Output output;
    output.kind = Output::Kind::LocalWarning;
    output.text = text;
    m_outputs.append(output);
}

QStringList FakeStepContext::errors() const
{
    return texts(Output::Kind::Error);
}

QStringList FakeStepContext::localWarnings() const
{
    return texts(Output::Kind::LocalWarning);
}

QStringList FakeStepContext::logLines() const
{
    QStringList lines;
    for (const Output &output : m_outputs) {
        if (output.kind == Output::Kind::Log) {
            lines.append(output.level + QLatin1String(": ") + output.text);
        }
    }
    return lines;
}

QVector<Core::Report> FakeStepContext::reports() const
{
    QVector<Core::Report> result;
    for (const Output &output : m_outputs) {
        if (output.kind == Output::Kind::Report) {
            result.append(output.report);
        }
    }
    return result;
}

QStringList FakeStepContext::texts(Output::Kind kind) const
{
    QStringList result;
    for (const Output &output : m_outputs) {
        if (output.kind == kind) {
            result.append(output.text);
        }
    }
    return result;
}

} // namespace TestLib
