// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QFile>
#include <QString>

#include "core/report.h"
#include "core/result.h"
#include "core/stepresult.h"
#include "slave-agent/outputbuffer.h"
#include "slave-agent/outputline.h"
#include "slave-agent/resultlogs.h"

namespace Agent {

/**
 * Streams a step's outputs to disk as they happen, so a step that prints gigabytes never sits
 * in memory and needs no second pass: the Bitten step result (result.xml, bitten-spec §3.2,
 * §5.5) with every log line, error, report and attachment in the order produced, and a plain
 * text log (step.log) with the lines as the live log shows them. The result's status and
 * duration are only known at the end: the start tag reserves room for them, and finish()
 * writes them in place.
 *
 * With ResultLogs::Referenced, a run of consecutive log lines of one level that XML can hold as
 * they are (printable ASCII, no markup) is written once, to step.log, and result.xml gets one
 * `<bittern:messages xmlns:bittern="urn:bittern:step-result" file="step.log" level="info"
 * offset="N" length="M"/>` in its <log> for it: the byte range of step.log whose lines are the
 * messages (a run of one line is embedded: the reference would be longer). StepResultExpander
 * turns such a file into the embedded form, byte for byte.
 */
class StepLogWriter
{
public:
    StepLogWriter() = default;
    ~StepLogWriter();
    Q_DISABLE_COPY_MOVE(StepLogWriter)

    /// Takes effect at the next open(); Embedded by default.
    void setResultLogs(ResultLogs mode) { m_mode = mode; }
    Core::Result<void> open(const QString &resultFile, const QString &logFile, const QString &step);

    /// The next log line starts a new <log> element (a new command invocation).
    void startCommand();
    void addLog(const QString &generator, const QString &level, const QString &text);
    /// addLog() for a process output line: ASCII lines are written as the bytes they are.
    void addLogLine(const QString &generator, const QString &level, const OutputLine &line);
    void addError(const QString &generator, const QString &message);
    void addReport(const Core::Report &report);
    void addAttachment(const Core::StepAttachment &attachment);
    /// Closes both files, writing @p result's status and duration into result.xml.
    Core::Result<void> finish(const Core::StepResult &result);

    /// The attributes of <result> after the step id, padded to the reserved width.
    static QByteArray statusAttributes(const Core::StepResult &result);

    /// The start of a reference element, up to and including its namespace declaration.
    static constexpr char referenceStart[]
            = "<bittern:messages xmlns:bittern=\"urn:bittern:step-result\"";

private:
    void closeLog();
    void closeReference();
    /// Whether @p level and this line can be referenced instead of embedded.
    bool canReference(const QString &level, bool plainLine);
    /// Whether a line at @p level starts a new reference (its bytes are kept then).
    bool startsReference(const QString &level) const;
    void referenceLine(const QString &level, qint64 start, const char *data, qint64 size);
    void enterLog(const QString &generator);
    const QByteArray &messageStart(const QString &level);
    void appendMessage(const QString &level, const QString &text);
    /// addLogLine() for a run of plain lines (OutputLine::plainRun()).
    void addRun(const QString &generator, const QString &level, const OutputLine &run);

    QFile m_resultFile;
    QFile m_logFile;
    std::unique_ptr<OutputBuffer> m_result;
    std::unique_ptr<OutputBuffer> m_log;
    qint64 m_headerOffset = 0;
    QString m_generator;
    QString m_level; ///< the level messageStart() was last built for
    QByteArray m_messageStart; ///< `<message level="…">` for m_level; empty: not plain
    bool m_levelKnown = false;
    bool m_inLog = false;
    ResultLogs m_mode = ResultLogs::Embedded;
    bool m_referencing = false; ///< m_mode is Referenced and the log's name can be referred to
    QByteArray m_logName; ///< step.log as the reference names it (relative to result.xml)
    QString m_referenceLevel; ///< level of the open reference
    qint64 m_referenceStart = -1; ///< step.log offset of the open reference; -1: none
    qint64 m_referenceEnd = 0;
    int m_referenceLines = 0;
    QByteArray m_firstLine; ///< the open reference's first line: a lone line is embedded
};

} // namespace Agent
