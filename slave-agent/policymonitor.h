// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <optional>

#include <QObject>
#include <QTimer>

#include "core/ownerpolicy.h"
#include "core/result.h"

namespace Agent {

/**
 * Re-evaluates the agent's owner policy (`[bittern]` start/suspend/preempt/kill,
 * condor-matchmaking §1.8) every interval while a build runs: asks for a vacate when PREEMPT
 * or KILL is TRUE, for a suspension when SUSPEND becomes TRUE, and for continuing when a later
 * evaluation says Run again. The evaluation itself is injected (PollCli re-reads the INI file
 * and measures the machine each time), so tests can flip the policy; an evaluation error is
 * logged and changes nothing (it never stops, suspends or continues a build).
 */
class PolicyMonitor final : public QObject
{
    Q_OBJECT
public:
    using Evaluator = std::function<Core::Result<Core::OwnerPolicyDecision>()>;

    PolicyMonitor(Evaluator evaluator, int intervalMilliseconds, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(PolicyMonitor)

    /// Starts the periodic evaluation (a build began, not suspended).
    void start();
    /// Stops it (the build ended).
    void stop() { m_timer.stop(); }
    bool isActive() const { return m_timer.isActive(); }
    /// Evaluates now: whether START is TRUE or UNDEFINED (it needs a build's attributes, the
    /// master decides), i.e. the agent may ask for a build. An
    /// evaluation error counts as willing (the master's matchmaking still applies).
    bool isWillingToStart();
    /// What a running build should do according to one evaluation now.
    Core::OwnerAction evaluateNow();

    /// The sentence naming why a running build is vacated for @p action.
    static QString reasonFor(Core::OwnerAction action);

Q_SIGNALS:
    /// PREEMPT or KILL is TRUE (emitted at every evaluation while it stays so).
    void vacateRequested(const QString &reason);
    /// SUSPEND became TRUE (and neither PREEMPT nor KILL is): emitted once until continued.
    void suspendRequested(const QString &reason);
    /// An evaluation after suspendRequested() gave Run: the build may go on.
    void continueRequested();

private:
    void evaluate();
    /// One evaluation; nothing when it failed (logged once per distinct error).
    std::optional<Core::OwnerAction> evaluateAction();

    Evaluator m_evaluator;
    QTimer m_timer;
    QString m_lastError;
    bool m_suspended = false; ///< suspendRequested() was emitted, continueRequested() not yet
};

} // namespace Agent
