// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>

#include "core/recipe.h"
#include "slave-agent/buildrunner.h"
#include "slave-agent/commandregistry.h"
#include "slave-agent/posixprocesslauncher.h"
#include "slave-agent/stopsignal.h"

namespace Agent {

/// How a step ended, as the poll client needs to know it.
enum class StepVerdict {
    Succeeded,
    Failed,
    Cancelled, ///< a stop was requested while it ran
    Broken, ///< the step could not run at all (message in stepFinished)
};

/**
 * Runs one recipe step at a time with BuildRunner::runStep on a worker thread, so the poll
 * client's event loop (keepalives, deliveries, reconnects) keeps running during a build.
 * Lives in its own QThread; call runStep() through a queued invocation.
 */
class StepWorker final : public QObject
{
    Q_OBJECT
public:
    explicit StepWorker(const QHash<QString, QString> &externalCommands);
    Q_DISABLE_COPY_MOVE(StepWorker)

    /// Runs step @p index of @p recipe; its reports go to settings.reportDir.
    void runStep(const Core::Recipe &recipe, int index, const BuildSettings &settings);
    /// Asks the running step to stop (thread-safe, like a signal).
    void requestStop() { m_stop.request(); }
    /// Routes SIGINT and SIGTERM to requestStop().
    void installSignalHandlers() { m_stop.installHandlers(); }
    /// Readable once a stop was requested (the poll client watches it too).
    int stopFd() const { return m_stop.readFd(); }

Q_SIGNALS:
    /// @p resultFile is the step's result.xml (empty when Broken; @p message says why).
    void stepFinished(int index, Agent::StepVerdict verdict, const QString &resultFile,
                      const QString &message);

private:
    StopSignal m_stop;
    PosixProcessLauncher m_launcher;
    CommandRegistry m_registry;
};

} // namespace Agent

Q_DECLARE_METATYPE(Agent::StepVerdict)
