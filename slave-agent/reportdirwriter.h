// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

#include "core/enums.h"
#include "core/reportjson.h"
#include "core/result.h"
#include "slave-agent/steprunner.h"

namespace Agent {

/// What ReportDirWriter needs besides the step run itself.
struct StepReportInfo
{
    Core::OnError onError = Core::OnError::Fail;
    QString basedir; ///< attachments are resolved against it
    QDateTime started;
    QDateTime finished;
    QString exitReason; ///< completed, failed, internal-error, cancelled
};

/**
 * Writes one step's reports into a directory (ARCHITECTURE.md "One report format"):
 * result.xml streamed from the step log, junit.xml, cobertura.xml and issues.json when the step
 * produced test, coverage or lint reports, attachments.tar.gz when it attached files, and
 * report.json, the summary naming all of them.
 */
class ReportDirWriter
{
public:
    static Core::Result<Core::StepSummary> write(const QString &directory, const StepRun &run,
                                                 const StepReportInfo &info);

    /// Every report of @p category of the step merged into one (items in order).
    static Core::Report merged(const Core::StepResult &result, const QString &category);
};

} // namespace Agent
