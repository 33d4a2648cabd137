// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stepresultreader.h"

#include <QIODevice>

#include "core/boundedxmlreader.h"

namespace Core {

Result<StepResult> StepResultReader::read(const QByteArray &body, const ReportReadLimits &limits)
{
    BoundedXmlReader reader(body, limits);
    return read(reader);
}

Result<StepResult> StepResultReader::read(QIODevice *device, const ReportReadLimits &limits)
{
    Q_ASSERT(device);
    BoundedXmlReader reader(device, limits);
    return read(reader);
}

Result<StepResult> StepResultReader::read(BoundedXmlReader &reader)
{
    StepResult result;
    if (reader.readRootElement())
        readRoot(reader, result);
    while (!reader.hasError() && reader.readNextChild())
        readChild(reader, result);
    reader.readToEnd();
    if (!reader.hasError())
        return result;
    Error error = reader.error();
    if (error.code == ErrorCode::ParseFailed)
        error.message = QStringLiteral("XML parser error: ") + error.message;
    return error;
}

void StepResultReader::readRoot(BoundedXmlReader &reader, StepResult &result)
{
    // The master reads step, status and duration and ignores the root element's name and the
    // old "time" attribute (bitten-spec §5.5).
    result.step = reader.attribute(QLatin1String("step"));
    if (result.step.isNull()) {
        reader.raiseInvalid(QStringLiteral("The step result has no step attribute."));
        return;
    }
    result.status = reader.attribute(QLatin1String("status")) == QLatin1String("failure")
            ? StepResult::Status::Failure
            : StepResult::Status::Success;
    bool ok = false;
    result.durationSeconds = reader.attribute(QLatin1String("duration")).trimmed().toDouble(&ok);
    if (!ok)
        reader.raiseInvalid(
                QStringLiteral("The step result for step %1 has no valid duration attribute.")
                        .arg(result.step));
}

void StepResultReader::readChild(BoundedXmlReader &reader, StepResult &result)
{
    const auto name = reader.xml().name();
    if (name == QLatin1String("error")) {
        StepError error;
        error.generator = reader.attribute(QLatin1String("generator"));
        error.message = reader.readImmediateText();
        reader.account(error.message.size() + error.generator.size());
        result.errors.append(error);
    } else if (name == QLatin1String("log")) {
        result.logs.append(readLog(reader));
    } else if (name == QLatin1String("report")) {
        const qint64 line = reader.xml().lineNumber();
        Report report = readReport(reader);
        for (const auto &other : qAsConst(result.reports)) {
            if (other.category == report.category && !reader.hasError()) {
                reader.raiseInvalid(QStringLiteral("The step result has a second report of "
                                                   "category %1 (line %2); the master accepts "
                                                   "one per category.")
                                            .arg(report.category)
                                            .arg(line));
            }
        }
        result.reports.append(report);
    } else if (name == QLatin1String("attach")) {
        readAttach(reader, result);
    } else {
        reader.skipCurrentElement();
    }
}

StepLog StepResultReader::readLog(BoundedXmlReader &reader)
{
    StepLog log;
    log.generator = reader.attribute(QLatin1String("generator"));
    while (reader.readNextChild()) {
        if (reader.xml().name() != QLatin1String("message")) {
            reader.skipCurrentElement();
            continue;
        }
        LogMessage message;
        message.level = reader.attribute(QLatin1String("level"));
        message.text = reader.readImmediateText();
        reader.account(message.text.size() + message.level.size());
        log.messages.append(message);
    }
    return log;
}

Report StepResultReader::readReport(BoundedXmlReader &reader)
{
    Report report;
    report.category = reader.attribute(QLatin1String("category"));
    report.generator = reader.attribute(QLatin1String("generator"));
    if (report.category.isNull()) {
        reader.raiseInvalid(QStringLiteral("A report in the step result has no category."));
        return report;
    }
    while (reader.readNextChild()) {
        ReportItem item;
        item.set(QStringLiteral("type"), reader.xml().qualifiedName().toString());
        const auto attributes = reader.xml().attributes();
        for (const auto &attribute : attributes) {
            item.set(attribute.qualifiedName().toString(), attribute.value().toString());
            reader.account(attribute.value().size());
        }
        while (reader.readNextChild()) {
            const QString field = reader.xml().qualifiedName().toString();
            const QString text = reader.readImmediateText();
            reader.account(text.size());
            item.set(field, text);
        }
        report.items.append(item);
    }
    return report;
}

void StepResultReader::readAttach(BoundedXmlReader &reader, StepResult &result)
{
    while (reader.readNextChild()) {
        if (reader.xml().name() == QLatin1String("file")) {
            StepAttachment attachment;
            attachment.filename = reader.attribute(QLatin1String("filename"));
            attachment.description = reader.attribute(QLatin1String("description"));
            const QString resource = reader.attribute(QLatin1String("resource"));
            if (!resource.isNull())
                attachment.resource = resource;
            result.attachments.append(attachment);
        }
        reader.skipCurrentElement();
    }
}

} // namespace Core
