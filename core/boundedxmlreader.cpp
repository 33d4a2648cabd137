// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/boundedxmlreader.h"

#include <QIODevice>

namespace Core {

BoundedXmlReader::BoundedXmlReader(QIODevice *device, const ReportReadLimits &limits)
    : m_xml(device), m_limits(limits)
{ }

BoundedXmlReader::BoundedXmlReader(const QByteArray &data, const ReportReadLimits &limits)
    : m_xml(data), m_limits(limits)
{ }

QXmlStreamReader::TokenType BoundedXmlReader::readNext()
{
    if (m_xml.hasError())
        return QXmlStreamReader::Invalid;
    const auto token = m_xml.readNext();
    switch (token) {
    case QXmlStreamReader::StartElement:
        ++m_depth;
        checkStartElement();
        break;
    case QXmlStreamReader::EndElement:
        --m_depth;
        break;
    case QXmlStreamReader::Characters:
        if (m_xml.text().size() > m_limits.maxValueLength)
            raiseLimit(QStringLiteral("A text is longer than %1 characters.")
                               .arg(m_limits.maxValueLength));
        break;
    default:
        break;
    }
    return m_xml.hasError() ? QXmlStreamReader::Invalid : token;
}

void BoundedXmlReader::checkStartElement()
{
    if (m_depth > m_limits.maxDepth) {
        raiseLimit(QStringLiteral("Elements are nested deeper than %1 levels.")
                           .arg(m_limits.maxDepth));
        return;
    }
    const auto attributes = m_xml.attributes();
    for (const auto &attribute : attributes) {
        if (attribute.value().size() > m_limits.maxValueLength) {
            raiseLimit(QStringLiteral("The value of attribute %1 is longer than %2 characters.")
                               .arg(attribute.qualifiedName().toString())
                               .arg(m_limits.maxValueLength));
            return;
        }
    }
}

bool BoundedXmlReader::readRootElement()
{
    while (!m_xml.atEnd()) {
        const auto token = readNext();
        if (token == QXmlStreamReader::StartElement)
            return true;
        if (token == QXmlStreamReader::Invalid)
            return false;
    }
    return false;
}

bool BoundedXmlReader::readNextChild()
{
    while (!m_xml.atEnd()) {
        const auto token = readNext();
        if (token == QXmlStreamReader::StartElement)
            return true;
        if (token == QXmlStreamReader::EndElement || token == QXmlStreamReader::Invalid)
            return false;
    }
    return false;
}

void BoundedXmlReader::skipCurrentElement()
{
    int open = 1;
    while (open > 0 && !m_xml.atEnd()) {
        const auto token = readNext();
        if (token == QXmlStreamReader::StartElement)
            ++open;
        else if (token == QXmlStreamReader::EndElement)
            --open;
        else if (token == QXmlStreamReader::Invalid)
            return;
    }
}

QString BoundedXmlReader::readImmediateText()
{
    QString text;
    int nested = 0;
    while (!m_xml.atEnd()) {
        const auto token = readNext();
        if (token == QXmlStreamReader::Characters && nested == 0) {
            if (text.size() + m_xml.text().size() > m_limits.maxValueLength) {
                raiseLimit(QStringLiteral("A text is longer than %1 characters.")
                                   .arg(m_limits.maxValueLength));
                return QString();
            }
            text.append(m_xml.text());
        } else if (token == QXmlStreamReader::StartElement) {
            ++nested;
        } else if (token == QXmlStreamReader::EndElement) {
            if (nested == 0)
                return text;
            --nested;
        } else if (token == QXmlStreamReader::Invalid) {
            return QString();
        }
    }
    return text;
}

void BoundedXmlReader::readToEnd()
{
    while (!m_xml.atEnd() && readNext() != QXmlStreamReader::Invalid) { }
}

QString BoundedXmlReader::attribute(QLatin1String name) const
{
    const auto attributes = m_xml.attributes();
    for (const auto &attribute : attributes) {
        if (attribute.qualifiedName() == name)
            return attribute.value().toString();
    }
    return QString();
}

void BoundedXmlReader::account(qint64 characters)
{
    m_total += characters;
    if (m_total > m_limits.maxTotalLength && !m_xml.hasError())
        raiseLimit(QStringLiteral("The document holds more than %1 characters of text.")
                           .arg(m_limits.maxTotalLength));
}

void BoundedXmlReader::raiseInvalid(const QString &message)
{
    if (m_xml.hasError())
        return;
    m_customCode = ErrorCode::InvalidInput;
    m_xml.raiseError(message);
}

void BoundedXmlReader::raiseLimit(const QString &message)
{
    if (m_xml.hasError())
        return;
    m_customCode = ErrorCode::LimitExceeded;
    m_xml.raiseError(message);
}

Error BoundedXmlReader::error() const
{
    Q_ASSERT(m_xml.hasError());
    const ErrorCode code = m_xml.error() == QXmlStreamReader::CustomError ? m_customCode
                                                                          : ErrorCode::ParseFailed;
    // Qt quotes the offending character, and a NUL comes out as nothing at all.
    QString message = m_xml.errorString();
    if (message == QLatin1String("Unexpected ''."))
        message = QStringLiteral("Unexpected NUL character.");
    return makeError(code, message, m_xml.lineNumber(), m_xml.columnNumber());
}

} // namespace Core
