// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/stepresultwriter.h"

#include <QIODevice>
#include <QLocale>

#include "core/bytesink.h"

namespace Core {

StepResultWriter::StepResultWriter(QIODevice *device) : m_device(device), m_xml(device)
{
    Q_ASSERT(device);
    m_xml.setAutoFormatting(false);
}

void StepResultWriter::begin(const QString &step, StepResult::Status status, double durationSeconds)
{
    m_xml.writeStartElement(QStringLiteral("result"));
    writeAttribute(QStringLiteral("step"), step);
    writeAttribute(QStringLiteral("status"),
                   status == StepResult::Status::Failure ? QStringLiteral("failure")
                                                         : QStringLiteral("success"));
    writeAttribute(QStringLiteral("duration"), formatDuration(durationSeconds));
}

void StepResultWriter::addError(const StepError &error)
{
    m_xml.writeStartElement(QStringLiteral("error"));
    writeAttribute(QStringLiteral("generator"), error.generator);
    writeText(error.message);
    m_xml.writeEndElement();
}

void StepResultWriter::beginLog(const QString &generator)
{
    m_xml.writeStartElement(QStringLiteral("log"));
    writeAttribute(QStringLiteral("generator"), generator);
}

void StepResultWriter::addLogMessage(const LogMessage &message)
{
    m_xml.writeStartElement(QStringLiteral("message"));
    writeAttribute(QStringLiteral("level"), message.level);
    writeText(message.text);
    m_xml.writeEndElement();
}

void StepResultWriter::endLog()
{
    m_xml.writeEndElement();
}

void StepResultWriter::addLog(const StepLog &log)
{
    beginLog(log.generator);
    for (const auto &message : log.messages)
        addLogMessage(message);
    endLog();
}

void StepResultWriter::beginReport(const QString &category, const QString &generator)
{
    m_category = category;
    m_xml.writeStartElement(QStringLiteral("report"));
    writeAttribute(QStringLiteral("category"), category);
    writeAttribute(QStringLiteral("generator"), generator);
}

static bool isXmlName(const QString &name)
{
    if (name.isEmpty() || !(name.at(0).isLetter() || name.at(0) == QLatin1Char('_')))
        return false;
    for (const QChar c : name) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('_') && c != QLatin1Char('-')
            && c != QLatin1Char('.'))
            return false;
    }
    return !name.startsWith(QLatin1String("xml"), Qt::CaseInsensitive);
}

void StepResultWriter::addReportItem(const ReportItem &item)
{
    const QString element = itemElementName(m_category, item);
    m_xml.writeStartElement(element);
    // Fields whose names XML cannot carry are left out (no Bitten command produces them).
    for (const auto &field : item.fields) {
        if (!isXmlName(field.first))
            continue;
        // The element name already says what "type" would; an attribute is needed only when the
        // type differs (pylint's message ids), and the master then stores the attribute's value.
        if (field.first == QLatin1String("type") && field.second == element)
            continue;
        if (!isChildElementField(field.first))
            writeAttribute(field.first, field.second);
    }
    for (const auto &field : item.fields) {
        if (isChildElementField(field.first) && !field.second.isNull()) {
            // isChildElementField() names are all valid XML names.
            m_xml.writeStartElement(field.first);
            writeText(field.second);
            m_xml.writeEndElement();
        }
    }
    m_xml.writeEndElement();
}

void StepResultWriter::endReport()
{
    m_xml.writeEndElement();
    m_category.clear();
}

void StepResultWriter::addReport(const Report &report)
{
    beginReport(report.category, report.generator);
    for (const auto &item : report.items)
        addReportItem(item);
    endReport();
}

void StepResultWriter::addAttachment(const StepAttachment &attachment)
{
    m_xml.writeStartElement(QStringLiteral("attach"));
    m_xml.writeEmptyElement(QStringLiteral("file"));
    writeAttribute(QStringLiteral("filename"), attachment.filename);
    writeAttribute(QStringLiteral("description"), attachment.description);
    writeAttribute(QStringLiteral("resource"), attachment.resource);
    m_xml.writeEndElement();
}

Result<void> StepResultWriter::end()
{
    m_xml.writeEndElement();
    if (m_xml.hasError())
        return makeError(
                ErrorCode::WriteFailed,
                QStringLiteral("Could not write the step result: %1").arg(m_device->errorString()));
    return {};
}

Result<void> StepResultWriter::write(const StepResult &result, QIODevice *device)
{
    StepResultWriter writer(device);
    writer.begin(result.step, result.status, result.durationSeconds);
    for (const auto &error : result.errors)
        writer.addError(error);
    for (const auto &log : result.logs)
        writer.addLog(log);
    for (const auto &report : result.reports)
        writer.addReport(report);
    for (const auto &attachment : result.attachments)
        writer.addAttachment(attachment);
    return writer.end();
}

Result<QByteArray> StepResultWriter::write(const StepResult &result)
{
    return writeToBytes([&](QIODevice *device) { return write(result, device); });
}

bool StepResultWriter::isChildElementField(const QString &name)
{
    return name == QLatin1String("traceback") || name == QLatin1String("stdout")
            || name == QLatin1String("stderr") || name == QLatin1String("msg")
            || name == QLatin1String("line_hits");
}

QString StepResultWriter::itemElementName(const QString &category, const ReportItem &item)
{
    // Bitten's commands name items after the category (test, coverage, problem). Other
    // categories keep the item's own type as element name when it is a valid XML name. Either
    // way the master stores the same fields, because a differing type travels as an attribute.
    const QString element = defaultItemElement(category);
    if (!element.isEmpty())
        return element;
    const QString type = item.type();
    return isXmlName(type) ? type : QStringLiteral("item");
}

QString StepResultWriter::formatDuration(double seconds)
{
    return QString::number(seconds, 'g', QLocale::FloatingPointShortest);
}

void StepResultWriter::writeAttribute(const QString &name, const QString &value)
{
    if (value.isNull())
        return;
    m_xml.writeAttribute(name, stripControlCharacters(value));
}

void StepResultWriter::writeText(const QString &text)
{
    const QString clean = stripControlCharacters(text);
    if (clean.startsWith(QLatin1Char('<')))
        m_xml.writeCDATA(clean);
    else
        m_xml.writeCharacters(clean);
}

} // namespace Core
