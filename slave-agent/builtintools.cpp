// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/builtintools.h"

#include <QFile>
#include <QXmlStreamReader>

#include "slave-agent/commandregistry.h"
#include "slave-agent/shtools.h"

namespace Agent {

namespace {

/// Reads one item element (the reader is on its start tag).
Core::ReportItem readItem(QXmlStreamReader &xml)
{
    Core::ReportItem item;
    item.set(QStringLiteral("type"), xml.name().toString());
    for (const QXmlStreamAttribute &attribute : xml.attributes()) {
        if (!attribute.value().isEmpty())
            item.set(attribute.name().toString(), attribute.value().toString());
    }
    while (xml.readNextStartElement()) {
        const QString name = xml.name().toString();
        item.set(name, xml.readElementText(QXmlStreamReader::IncludeChildElements));
    }
    return item;
}

} // namespace

Core::Result<Core::Report> BuiltinTools::parseReport(const QString &category,
                                                     const QByteArray &data)
{
    Core::Report report;
    report.category = category;
    QXmlStreamReader xml(data);
    if (xml.readNextStartElement()) {
        while (xml.readNextStartElement())
            report.items.append(readItem(xml));
    }
    while (!xml.atEnd() && !xml.hasError())
        xml.readNext();
    if (xml.hasError()) {
        return Core::makeError(Core::ErrorCode::ParseFailed,
                               QStringLiteral("%1: line %2, column %3")
                                       .arg(xml.errorString())
                                       .arg(xml.lineNumber())
                                       .arg(xml.columnNumber()));
    }
    return report;
}

Core::Result<void> BuiltinTools::report(StepContext &context, const Core::RecipeCommand &command)
{
    if (!command.hasAttribute(QStringLiteral("file"))) {
        return Core::makeError(Core::ErrorCode::InvalidInput,
                               QStringLiteral("Missing required attribute \"file\"."));
    }
    const QString category = command.value(QStringLiteral("category"));
    const QString fileName = command.value(QStringLiteral("file"));
    QFile file(ShTools::resolve(context.basedir(), fileName));
    if (!file.open(QIODevice::ReadOnly)) {
        context.error(command.generator(),
                      QStringLiteral("Failed to read %1 report at %2: %3")
                              .arg(category, fileName, file.errorString()));
        return {};
    }
    auto parsed = parseReport(category, file.readAll());
    if (!parsed) {
        context.error(command.generator(),
                      QStringLiteral("Failed to parse %1 report at %2: %3")
                              .arg(category, fileName, parsed.error().message));
        return {};
    }
    context.report(parsed.value());
    return {};
}

Core::Result<void> BuiltinTools::attach(StepContext &context, const Core::RecipeCommand &command)
{
    const QString file = command.value(QStringLiteral("file"));
    if (file.isEmpty()) {
        context.error(command.generator(), QStringLiteral("No attachment file specified."));
        return {};
    }
    Core::StepAttachment attachment;
    attachment.filename = file;
    attachment.description = command.value(QStringLiteral("description"));
    attachment.resource = command.value(QStringLiteral("resource"), QStringLiteral("build"));
    context.attach(attachment);
    const QString message = context.attachmentUpload() == AttachmentUpload::ToMaster
            ? QStringLiteral("Attachment %1 recorded for the %2; it is uploaded to the master "
                             "after the step.")
            : QStringLiteral("Attachment %1 recorded for the %2 (no master to upload to).");
    context.log(command.generator(), QStringLiteral("info"),
                message.arg(file, attachment.resource));
    return {};
}

void BuiltinTools::registerCommands(CommandRegistry &registry)
{
    registry.add(Core::CommandId::Report, &BuiltinTools::report);
    registry.add(Core::CommandId::Attach, &BuiltinTools::attach);
}

} // namespace Agent
