// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QXmlStreamReader>

#include "core/report.h"
#include "core/result.h"

class QIODevice;

namespace Core {

/**
 * A QXmlStreamReader that enforces ReportReadLimits (nesting depth, value lengths) while it
 * reads, plus the few navigation helpers every report reader needs. External DTDs and entities
 * are never fetched. Used by the report and step result readers; not a general XML API.
 */
class BoundedXmlReader
{
public:
    BoundedXmlReader(QIODevice *device, const ReportReadLimits &limits);
    BoundedXmlReader(const QByteArray &data, const ReportReadLimits &limits);

    QXmlStreamReader &xml() { return m_xml; }
    /// QXmlStreamReader::readNext() that raises an error when a limit is crossed.
    QXmlStreamReader::TokenType readNext();
    /// Moves to the first start element of the document; false on error or an empty document.
    bool readRootElement();
    /// Moves to the next child start element of the current element; false at its end.
    bool readNextChild();
    /// Skips the rest of the current element, children included.
    void skipCurrentElement();
    /// The current element's direct text (text and CDATA children, not deeper text), reading to
    /// its end element. This is what Bitten's xmlio gettext() returns.
    QString readImmediateText();
    /// Reads to the end of the document so trailing garbage is reported as an error.
    void readToEnd();
    /// The attribute's value, or a null string when the element has no such attribute.
    QString attribute(QLatin1String name) const;
    /// Counts @p characters towards ReportReadLimits::maxTotalLength; raises an error past it.
    void account(qint64 characters);
    /// Stops reading with an InvalidInput error at the current position.
    void raiseInvalid(const QString &message);
    /// Stops reading with a LimitExceeded error at the current position.
    void raiseLimit(const QString &message);
    bool hasError() const { return m_xml.hasError(); }
    /// The error as a Core::Error with position; message is the parser's (or raised) text.
    Error error() const;
    int depth() const { return m_depth; }

private:
    void checkStartElement();

    QXmlStreamReader m_xml;
    ReportReadLimits m_limits;
    int m_depth = 0;
    qint64 m_total = 0;
    ErrorCode m_customCode = ErrorCode::InvalidInput;
};

} // namespace Core
