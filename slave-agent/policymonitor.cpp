// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/policymonitor.h"

#include <utility>

#include "slave-agent/logging.h"

namespace Agent {

PolicyMonitor::PolicyMonitor(Evaluator evaluator, int intervalMilliseconds, QObject *parent)
    : QObject(parent), m_evaluator(std::move(evaluator))
{
    m_timer.setInterval(qMax(1, intervalMilliseconds));
    connect(&m_timer, &QTimer::timeout, this, &PolicyMonitor::evaluate);
}

QString PolicyMonitor::reasonFor(Core::OwnerAction action)
{
    switch (action) {
    case Core::OwnerAction::Kill:
        return QStringLiteral("the owner policy's KILL expression is TRUE");
    case Core::OwnerAction::Preempt:
        return QStringLiteral("the owner policy's PREEMPT expression is TRUE");
    case Core::OwnerAction::Suspend:
        return QStringLiteral("the owner policy's SUSPEND expression is TRUE");
    case Core::OwnerAction::Run:
        break;
    }
    return QString();
}

void PolicyMonitor::start()
{
    m_suspended = false;
    m_timer.start();
}

std::optional<Core::OwnerAction> PolicyMonitor::evaluateAction()
{
    if (!m_evaluator)
        return Core::OwnerAction::Run;
    const auto decision = m_evaluator();
    if (!decision) {
        if (decision.error().message != m_lastError)
            qCWarning(lcAgentRunner, "The owner policy could not be evaluated: %s",
                      qUtf8Printable(decision.error().message));
        m_lastError = decision.error().message;
        return std::nullopt;
    }
    m_lastError.clear();
    return decision.value().runningAction();
}

Core::OwnerAction PolicyMonitor::evaluateNow()
{
    return evaluateAction().value_or(Core::OwnerAction::Run);
}

bool PolicyMonitor::isWillingToStart()
{
    if (!m_evaluator)
        return true;
    const auto decision = m_evaluator();
    return !decision || decision.value().start == Core::ClassAdTruth::True
            || decision.value().start == Core::ClassAdTruth::Undefined;
}

void PolicyMonitor::evaluate()
{
    // A failed evaluation keeps the build as it is: running, or suspended until the policy
    // can be read again and says Run.
    const std::optional<Core::OwnerAction> action = evaluateAction();
    if (!action)
        return;
    switch (*action) {
    case Core::OwnerAction::Preempt:
    case Core::OwnerAction::Kill:
        Q_EMIT vacateRequested(reasonFor(*action));
        break;
    case Core::OwnerAction::Suspend:
        if (!std::exchange(m_suspended, true))
            Q_EMIT suspendRequested(reasonFor(*action));
        break;
    case Core::OwnerAction::Run:
        if (std::exchange(m_suspended, false))
            Q_EMIT continueRequested();
        break;
    }
}

} // namespace Agent
