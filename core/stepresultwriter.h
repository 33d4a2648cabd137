// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QXmlStreamWriter>

#include "core/report.h"
#include "core/result.h"
#include "core/stepresult.h"

class QIODevice;

namespace Core {

/**
 * Writes a Bitten step result body (bitten-spec §3.2, §5.5) as a 0.6 slave sends it, either
 * incrementally (begin(), add…(), end()) so a step with a huge log never sits in memory, or in
 * one call with write(). Null attribute values are omitted, text starting with `<` becomes
 * CDATA, and the control characters Bitten deletes are deleted (stripControlCharacters()).
 * Report item fields are written as attributes except the ones Bitten's commands write as child
 * elements (isChildElementField()); the master stores both forms alike. Calls must nest as the
 * XML does: begin, then any of the add/begin…end groups, then end.
 */
class StepResultWriter
{
public:
    explicit StepResultWriter(QIODevice *device);

    void begin(const QString &step, StepResult::Status status, double durationSeconds);
    void addError(const StepError &error);
    void beginLog(const QString &generator);
    void addLogMessage(const LogMessage &message);
    void endLog();
    void addLog(const StepLog &log);
    void beginReport(const QString &category, const QString &generator);
    void addReportItem(const ReportItem &item);
    void endReport();
    void addReport(const Report &report);
    void addAttachment(const StepAttachment &attachment);
    /// Closes the document; WriteFailed if the device refused any of it.
    Result<void> end();

    static Result<void> write(const StepResult &result, QIODevice *device);
    static Result<QByteArray> write(const StepResult &result);

    /// Fields Bitten's commands send as child elements: traceback, stdout, stderr, msg, line_hits.
    static bool isChildElementField(const QString &name);
    /// The element name an item of @p category is written as (see the .cpp for the rule).
    static QString itemElementName(const QString &category, const ReportItem &item);
    /// Bitten's duration format: the shortest text that reads back as the same double.
    static QString formatDuration(double seconds);

private:
    void writeAttribute(const QString &name, const QString &value);
    void writeText(const QString &text);

    QIODevice *m_device;
    QXmlStreamWriter m_xml;
    QString m_category;
};

} // namespace Core
