// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/externalcommand.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryFile>

#include "core/stepresultreader.h"
#include "slave-agent/commandregistry.h"

namespace Agent {

namespace {

void replay(StepContext &context, const QString &generator, const Core::StepResult &result)
{
    for (const Core::StepLog &log : result.logs) {
        for (const Core::LogMessage &message : log.messages)
            context.log(log.generator.isEmpty() ? generator : log.generator, message.level,
                        message.text);
    }
    for (const Core::StepError &error : result.errors)
        context.error(error.generator.isEmpty() ? generator : error.generator, error.message);
    for (Core::Report report : result.reports) {
        if (report.generator.isEmpty())
            report.generator = generator;
        context.report(report);
    }
    for (const Core::StepAttachment &attachment : result.attachments)
        context.attach(attachment);
}

/// The answer with the <result> attributes a plugin may leave out (step, status) filled in.
QByteArray completed(QByteArray answer)
{
    const int start = answer.indexOf("<result");
    const int end = start < 0 ? -1 : answer.indexOf('>', start);
    if (end < 0)
        return answer;
    const QByteArray tag = answer.mid(start, end - start);
    QByteArray missing;
    if (!tag.contains("step="))
        missing += " step=\"external\"";
    if (!tag.contains("status="))
        missing += " status=\"success\"";
    if (!tag.contains("duration="))
        missing += " duration=\"0\"";
    return answer.insert(start + int(qstrlen("<result")), missing);
}

} // namespace

ExternalCommand::ExternalCommand(const QString &executable) : m_executable(executable) { }

QByteArray ExternalCommand::request(const StepContext &context, const Core::RecipeCommand &command)
{
    QJsonObject attributes;
    for (const Core::RecipeAttribute &attribute : command.attributes)
        attributes.insert(attribute.name, attribute.value);
    const QJsonObject object{{QStringLiteral("namespace"), command.namespaceUri},
                             {QStringLiteral("name"), command.localName},
                             {QStringLiteral("generator"), command.generator()},
                             {QStringLiteral("basedir"), context.basedir()},
                             {QStringLiteral("attributes"), attributes}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Core::Result<void> ExternalCommand::operator()(StepContext &context,
                                               const Core::RecipeCommand &command) const
{
    const QString generator = command.generator();
    QTemporaryFile input;
    if (!input.open() || input.write(request(context, command)) < 0 || !input.flush()) {
        return Core::makeError(Core::ErrorCode::WriteFailed,
                               QStringLiteral("Could not write the request for %1: %2.")
                                       .arg(m_executable, input.errorString()));
    }
    ProcessSpec spec;
    spec.program = m_executable;
    spec.stdinFile = input.fileName();
    QByteArray answer;
    const ProcessOutcome outcome
            = context.execute(spec, [&](ProcessStream stream, const QString &line) {
                  if (stream == ProcessStream::StdOut)
                      answer.append(line.toUtf8()).append('\n');
                  else
                      context.log(generator, QStringLiteral("error"), line);
              });
    if (outcome.status != ProcessOutcome::Status::Exited || outcome.exitCode != 0) {
        context.error(generator,
                      QStringLiteral("Command %1 failed: %2")
                              .arg(m_executable,
                                   outcome.errorString.isEmpty()
                                           ? QStringLiteral("exit code %1").arg(outcome.exitCode)
                                           : outcome.errorString));
        return {};
    }
    auto result = Core::StepResultReader::read(completed(answer));
    if (!result) {
        context.error(generator,
                      QStringLiteral("Command %1 answered with an unreadable step "
                                     "result: %2")
                              .arg(m_executable, result.error().message));
        return {};
    }
    replay(context, generator, result.value());
    return {};
}

void ExternalCommand::registerAll(CommandRegistry &registry, const QHash<QString, QString> &mapping)
{
    for (auto it = mapping.cbegin(); it != mapping.cend(); ++it)
        registry.addThirdPartyNamespace(it.key(), ExternalCommand(it.value()));
}

} // namespace Agent
