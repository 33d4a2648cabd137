// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QString>
#include <QVector>

#include "core/result.h"
#include "core/stepresult.h"

class QIODevice;

namespace Agent {

/**
 * The per-step log on disk: every output of a step (log lines, errors, report and attachment
 * markers) in the order it was produced, streamed to a file so a step that prints gigabytes
 * never sits in memory. Each record is one line, "LEVEL<TAB>text" for log lines and
 * "@KIND<TAB>…" otherwise, so the file also reads well as a plain log. writeStepResult()
 * streams a Bitten step result (result.xml) from it.
 */
class StepLogWriter
{
public:
    StepLogWriter() = default;
    ~StepLogWriter();
    Q_DISABLE_COPY_MOVE(StepLogWriter)

    Core::Result<void> open(const QString &path);
    QString fileName() const { return m_file.fileName(); }

    /// The next log line starts a new <log> element (a new command invocation).
    void startCommand();
    void addLog(const QString &generator, const QString &level, const QString &text);
    void addError(const QString &generator, const QString &message);
    void addReport(int index);
    void addAttachment(int index);
    /// Flushes and closes; WriteFailed when the disk refused some of the log.
    Core::Result<void> close();

    /**
     * Writes the step result document: @p result's status and duration, then the outputs of
     * the log at @p logFile in their order, taking reports and attachments from @p result.
     */
    static Core::Result<void> writeStepResult(const QString &logFile,
                                              const Core::StepResult &result, QIODevice *out);

private:
    void writeRecord(const QByteArray &tag, const QString &text);

    QFile m_file;
    QString m_generator;
    bool m_newCommand = true;
};

} // namespace Agent
