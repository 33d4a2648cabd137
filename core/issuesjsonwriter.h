// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include "core/report.h"
#include "core/result.h"

class QIODevice;

namespace Core {

/**
 * Writes `lint` report items as warnings-ng's native JSON (jenkins-contract §5.3), read by
 * `recordIssues(tools: [issues(pattern: '…/issues.json')])`. One issue per item, written as it
 * arrives, so memory stays flat. Field mapping and severities: see docs/report-json.md.
 */
class IssuesJsonWriter
{
public:
    explicit IssuesJsonWriter(QIODevice *device);

    void begin();
    void addIssue(const ReportItem &item);
    Result<void> end();

    static Result<void> write(const Report &report, QIODevice *device);
    static Result<QByteArray> write(const Report &report);

    /// The native JSON object of one lint item.
    static QJsonObject issue(const ReportItem &item);
    /// error → ERROR, warning → HIGH, refactor → NORMAL, convention → LOW, else NORMAL.
    static QString severity(const QString &category);

private:
    void put(const QByteArray &data);

    QIODevice *m_device;
    qint64 m_count = 0;
    bool m_failed = false;
};

} // namespace Core
