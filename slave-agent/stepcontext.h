// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QHash>
#include <QString>
#include <QStringList>

#include "core/report.h"
#include "core/stepresult.h"
#include "slave-agent/outputline.h"

namespace Agent {

/// Which stream of a child process a line came from.
enum class ProcessStream {
    StdOut,
    StdErr,
};

/// A program to run for a recipe command (bitten-spec §3.3): argv without a shell.
struct ProcessSpec
{
    QString program; ///< name (PATH look-up) or absolute path
    QStringList arguments;
    QString workingDirectory; ///< empty: the step's basedir
    QString stdinFile; ///< file fed to stdin (sh:pipe input); empty: stdin closed at once
    int timeoutSeconds = 0; ///< 0: no timeout
    QHash<QString, QString> environment; ///< variables set on top of the agent's environment
};

/// How a process run ended.
struct ProcessOutcome
{
    enum class Status {
        Exited, ///< ran and exited (or was killed by a signal: exitCode is 128 + signal)
        TimedOut, ///< exceeded timeoutSeconds; the whole process group was stopped
        Cancelled, ///< the agent was asked to stop (SIGINT/SIGTERM); the group was stopped
        FailedToStart, ///< could not be started; errorString says why
    };
    Status status = Status::Exited;
    int exitCode = 0;
    QString errorString;
};

/// Whether a step's attachments go anywhere beyond its report directory.
enum class AttachmentUpload {
    None, ///< local and CI runs: recorded in attachments.tar.gz only
    ToMaster, ///< poll mode: the poll client uploads them after the step
};

/// Receives each output line: right-stripped, NUL bytes removed, decoded (UTF-8, else Latin-1).
using LineHandler = std::function<void(ProcessStream stream, const QString &line)>;
/// The same lines on the byte-level path: ASCII lines as the bytes read, others decoded, and
/// runs of plain ASCII lines as one span (OutputLine::plainRun()).
using OutputHandler = std::function<void(ProcessStream stream, const OutputLine &line)>;

/**
 * What a built-in command sees of the step it runs in: the build directory, slave properties,
 * a way to run processes, and the four kinds of output of bitten-spec §3.2. The step runner
 * implements it; tests implement it with a recording fake.
 */
class StepContext
{
public:
    virtual ~StepContext() = default;

    /// Absolute, real path of the build directory (${basedir}).
    virtual QString basedir() const = 0;
    /// A slave property (os, family, version, machine, processor, or "section.option"); empty
    /// when unset. hasProperty() tells unset from empty.
    virtual QString property(const QString &name) const = 0;
    virtual bool hasProperty(const QString &name) const = 0;

    /// Runs a process to completion, streaming its lines to @p onLine.
    virtual ProcessOutcome execute(const ProcessSpec &spec, const LineHandler &onLine) = 0;
    /// execute() on the byte-level path (for commands that print a lot, like sh:exec): ASCII
    /// lines are not turned into text. By default the lines execute() gives are passed on.
    virtual ProcessOutcome executeLines(const ProcessSpec &spec, const OutputHandler &onOutput)
    {
        return execute(spec, [&onOutput](ProcessStream stream, const QString &line) {
            onOutput(stream, OutputLine::decoded(line));
        });
    }

    /// Records a log line of the command with generator @p generator at @p level
    /// ("info", "warning", "error", "debug").
    virtual void log(const QString &generator, const QString &level, const QString &text) = 0;
    /// log() for a line or run of executeLines(); by default each line is logged as text.
    virtual void logLine(const QString &generator, const QString &level, const OutputLine &line)
    {
        line.forEachLine([&](const OutputLine &one) { log(generator, level, one.text()); });
    }
    /// Records a step error (the step fails; the next commands still run).
    virtual void error(const QString &generator, const QString &message) = 0;
    virtual void report(const Core::Report &report) = 0;
    virtual void attach(const Core::StepAttachment &attachment) = 0;
    /// Whether attach()ed files are uploaded to a master (only for the log line).
    virtual AttachmentUpload attachmentUpload() const { return AttachmentUpload::None; }
    /// Writes a line to the agent's own diagnostic log (Bitten's "local warning"), not the step.
    virtual void localWarning(const QString &text) = 0;
};

} // namespace Agent
