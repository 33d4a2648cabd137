// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>

#include <QHash>
#include <QMutex>
#include <QObject>

#include "core/recipe.h"
#include "slave-agent/buildrunner.h"
#include "slave-agent/commandregistry.h"
#include "slave-agent/posixprocesslauncher.h"
#include "slave-agent/stopsignal.h"
#include "slave-agent/suspendsignal.h"

namespace Agent {

/// How a step ended, as the poll client needs to know it.
enum class StepVerdict {
    Succeeded,
    Failed,
    Cancelled, ///< a stop was requested while it ran
    Broken, ///< the step could not run at all (message in stepFinished)
    Preempted, ///< vacated by requestVacate(): stopped, its result is not reported
};

/**
 * Runs one recipe step at a time with BuildRunner::runStep on a worker thread, so the poll
 * client's event loop (keepalives, deliveries, reconnects) keeps running during a build.
 * Lives in its own QThread; call runStep() through a queued invocation.
 *
 * Two kinds of stop: the agent's own (SIGINT/SIGTERM, requestStop(); sticky, the agent ends)
 * and a vacate (requestVacate(); preemption, only the running step ends and the agent goes on
 * polling). Each step therefore runs with its own StopSignal, which both requests write to.
 * A suspension (setSuspended(); the owner policy's SUSPEND) outlasts steps: the running
 * process group is stopped and no process of this or a later step starts until it ends.
 */
class StepWorker final : public QObject
{
    Q_OBJECT
public:
    explicit StepWorker(const QHash<QString, QString> &externalCommands);
    Q_DISABLE_COPY_MOVE(StepWorker)

    /// Runs step @p index of @p recipe; its reports go to settings.reportDir.
    void runStep(const Core::Recipe &recipe, int index, const BuildSettings &settings);
    /// Asks the running step and every later one to stop (thread-safe, like a signal).
    void requestStop();
    /// Stops the running step's process group (TERM, then KILL) and reports it as Preempted;
    /// later steps run normally. Thread-safe; without a running step it does nothing.
    void requestVacate();
    /// Stops (SIGSTOP) or continues (SIGCONT) the running process group; while suspended no
    /// new process starts and the command's timeout does not run. Thread-safe.
    void setSuspended(bool suspended) { m_suspend.setSuspended(suspended); }
    /// Routes SIGINT and SIGTERM to the agent's stop pipe (stopFd()); the poll client forwards
    /// them to the running step with requestStop().
    void installSignalHandlers() { m_stop.installHandlers(); }
    /// Readable once a stop was requested (the poll client watches it).
    int stopFd() const { return m_stop.readFd(); }

Q_SIGNALS:
    /// @p resultFile is the step's result.xml (empty when Broken or Preempted; @p message says
    /// why).
    void stepFinished(int index, Agent::StepVerdict verdict, const QString &resultFile,
                      const QString &message);

private:
    StepVerdict verdictOf(const BuildOutcome &outcome) const;

    StopSignal m_stop;
    SuspendSignal m_suspend;
    CommandRegistry m_registry;
    QMutex m_mutex; ///< guards m_stepStop
    StopSignal *m_stepStop = nullptr; ///< the running step's, while it runs
    std::atomic<bool> m_stopRequested{false};
    std::atomic<bool> m_vacateRequested{false};
};

} // namespace Agent

Q_DECLARE_METATYPE(Agent::StepVerdict)
