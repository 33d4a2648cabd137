// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QFile>
#include <QString>

#include "core/report.h"
#include "core/result.h"
#include "core/stepresult.h"
#include "slave-agent/outputbuffer.h"

namespace Agent {

/**
 * Streams a step's outputs to disk as they happen, so a step that prints gigabytes never sits
 * in memory and needs no second pass: the Bitten step result (result.xml, bitten-spec §3.2,
 * §5.5) with every log line, error, report and attachment in the order produced, and a plain
 * text log (step.log) with the lines as the live log shows them. The result's status and
 * duration are only known at the end: the start tag reserves room for them, and finish()
 * writes them in place.
 */
class StepLogWriter
{
public:
    StepLogWriter() = default;
    ~StepLogWriter();
    Q_DISABLE_COPY_MOVE(StepLogWriter)

    Core::Result<void> open(const QString &resultFile, const QString &logFile, const QString &step);

    /// The next log line starts a new <log> element (a new command invocation).
    void startCommand();
    void addLog(const QString &generator, const QString &level, const QString &text);
    void addError(const QString &generator, const QString &message);
    void addReport(const Core::Report &report);
    void addAttachment(const Core::StepAttachment &attachment);
    /// Closes both files, writing @p result's status and duration into result.xml.
    Core::Result<void> finish(const Core::StepResult &result);

    /// The attributes of <result> after the step id, padded to the reserved width.
    static QByteArray statusAttributes(const Core::StepResult &result);

private:
    void closeLog();
    void appendText(const QString &text);

    QFile m_resultFile;
    QFile m_logFile;
    std::unique_ptr<OutputBuffer> m_result;
    std::unique_ptr<OutputBuffer> m_log;
    qint64 m_headerOffset = 0;
    QString m_generator;
    bool m_inLog = false;
};

} // namespace Agent
