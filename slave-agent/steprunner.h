// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QHash>
#include <QString>

#include "core/interpolator.h"
#include "core/recipe.h"
#include "core/stepresult.h"
#include "slave-agent/commandregistry.h"
#include "slave-agent/stepcontext.h"
#include "slave-agent/steplogwriter.h"

namespace Agent {

class ProcessLauncher;
class StopSignal;

/// What one run of a step produced. Log lines are not held here: they are in logFile.
struct StepRun
{
    Core::StepResult result; ///< status, duration, errors, reports, attachments (no logs)
    QString resultFile; ///< the step result document (result.xml), logs embedded or referenced
    QString logFile; ///< the plain text log
    bool cancelled = false; ///< the agent was asked to stop during the step
    bool internalError = false; ///< a command's internal error cut the step short
    int logLines = 0;
};

/**
 * Runs the commands of one recipe step with Bitten's semantics (bitten-spec §3.1): every
 * command runs even after an earlier one failed; attributes are interpolated right before the
 * command (§2.2); unknown commands and unsupported attributes are step errors; a command's
 * internal error fails the step and skips the rest of it. Implements the StepContext the
 * commands see, streaming their outputs to a StepLogWriter and to an optional live log.
 */
class StepRunner : public StepContext
{
public:
    /// Receives each line of the live log, already formatted.
    using LiveLog = std::function<void(const QString &line)>;
    /// Receives the ASCII lines of command outputs as their bytes, and runs of plain lines
    /// (see OutputLine): what the live log shows for them is their bytes, each with a newline.
    using AsciiLiveLog = std::function<void(const OutputLine &line)>;

    StepRunner(const CommandRegistry &registry, ProcessLauncher &launcher,
               const Core::Interpolator::Context &variables, const QString &basedir,
               StopSignal *stop = nullptr);

    void setLiveLog(LiveLog liveLog) { m_liveLog = std::move(liveLog); }
    /// Where ASCII output lines and runs of logLine() go instead of the LiveLog (which gets the
    /// rest).
    void setAsciiLiveLog(AsciiLiveLog liveLog) { m_asciiLiveLog = std::move(liveLog); }
    void setAttachmentUpload(AttachmentUpload upload) { m_attachmentUpload = upload; }
    /// The recipe file as warnings name it (e.g. its path); empty: "the recipe".
    void setRecipeName(const QString &name) { m_recipeName = name; }
    /// Whether result.xml embeds the log lines or refers to step.log (StepLogWriter).
    void setResultLogs(ResultLogs mode) { m_log.setResultLogs(mode); }

    /// Runs @p step, streaming its result document to @p resultFile and its plain log to
    /// @p logFile.
    Core::Result<StepRun> run(const Core::RecipeStep &step, const QString &resultFile,
                              const QString &logFile);

    /// @p command with every attribute value interpolated.
    Core::RecipeCommand interpolated(const Core::RecipeCommand &command) const;

    QString basedir() const override { return m_basedir; }
    QString property(const QString &name) const override;
    bool hasProperty(const QString &name) const override;
    ProcessOutcome execute(const ProcessSpec &spec, const LineHandler &onLine) override;
    ProcessOutcome executeLines(const ProcessSpec &spec, const OutputHandler &onOutput) override;
    void log(const QString &generator, const QString &level, const QString &text) override;
    void logLine(const QString &generator, const QString &level, const OutputLine &line) override;
    void error(const QString &generator, const QString &message) override;
    void report(const Core::Report &report) override;
    void attach(const Core::StepAttachment &attachment) override;
    AttachmentUpload attachmentUpload() const override { return m_attachmentUpload; }
    void localWarning(const QString &text) override;

private:
    void runCommand(const Core::RecipeCommand &command);
    ProcessSpec effectiveSpec(const ProcessSpec &spec) const;
    void warnUnresolved(const Core::RecipeCommand &command);
    void noteOutcome(const ProcessOutcome &outcome);
    bool isStopRequested() const;

    const CommandRegistry &m_registry;
    ProcessLauncher &m_launcher;
    Core::Interpolator m_interpolator;
    QString m_basedir;
    StopSignal *m_stop;
    LiveLog m_liveLog;
    AsciiLiveLog m_asciiLiveLog;
    AttachmentUpload m_attachmentUpload = AttachmentUpload::None;
    QString m_recipeName;
    StepLogWriter m_log;
    StepRun m_run;
    bool m_internalError = false;
};

} // namespace Agent
