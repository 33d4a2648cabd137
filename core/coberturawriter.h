// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QPair>
#include <QString>
#include <QVector>
#include <QXmlStreamWriter>

#include "core/report.h"
#include "core/result.h"

class QIODevice;

namespace Core {

/**
 * Writes `coverage` report items as Cobertura XML for Jenkins' recordCoverage (COBERTURA
 * parser): one `<package>` per run of consecutive items in one directory, one `<class>` per item
 * with `<line number hits>` entries from line_hits. An item without line_hits gets synthetic
 * lines 1…lines of which the first round(lines × percentage / 100) are hit, so line totals and
 * rates match Bitten's (docs/report-json.md explains why). One package is held in memory.
 */
class CoberturaWriter
{
public:
    /// Root attributes; the totals are written only when known (non-negative).
    struct Header
    {
        QString source = QStringLiteral(".");
        qint64 timestamp = 0; ///< milliseconds since the epoch, as Cobertura writes it
        qint64 linesValid = -1;
        qint64 linesCovered = -1;
    };

    explicit CoberturaWriter(QIODevice *device);

    void begin(const Header &header);
    void addFile(const ReportItem &item);
    Result<void> end();

    static Result<void> write(const Report &report, QIODevice *device, qint64 timestamp = 0);
    static Result<QByteArray> write(const Report &report, qint64 timestamp = 0);

    /// (line number, hits) of an item: from line_hits, else synthesised from lines/percentage.
    static QVector<QPair<qint64, qint64>> linesOf(const ReportItem &item);

private:
    void flushPackage();
    void writeClass(const ReportItem &item, const QVector<QPair<qint64, qint64>> &lines);

    QIODevice *m_device;
    QXmlStreamWriter m_xml;
    QString m_package;
    QVector<ReportItem> m_pending;
};

} // namespace Core
