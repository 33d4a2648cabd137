// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/pollclient.h"

#include <QDir>
#include <QNetworkReply>
#include <QXmlStreamWriter>

#include "slave-agent/policymonitor.h"

// PollClient: preemption (issue 8 item 5, docs/AGENT.md "Preemption", docs/PROTOCOL.md
// "Preemption"). While a build runs, the owner policy is re-evaluated; when PREEMPT or KILL is
// TRUE, or the master answers a keepalive or a step with X-Bittern-Vacate, the running step's
// process group is stopped and the step is reported as preempted (to a Bittern bridge; a
// Bitten master gets the DELETE of a cancelled build instead), and the agent polls again.
// When SUSPEND is TRUE the step's process group gets SIGSTOP instead and the build keeps its
// place (keepalives go on) until an evaluation says Run again and the group gets SIGCONT.

namespace Agent {

namespace {

const QByteArray preemptionHeader = QByteArrayLiteral("X-Bittern-Preemption");
const QByteArray vacateHeader = QByteArrayLiteral("X-Bittern-Vacate");
const QByteArray preemptedContentType = QByteArrayLiteral("application/x-bittern-preempted+xml");

QByteArray preemptedBody(const QString &step, const QString &reason)
{
    QByteArray body;
    QXmlStreamWriter xml(&body);
    xml.writeStartElement(QStringLiteral("preempted"));
    xml.writeAttribute(QStringLiteral("step"), step);
    xml.writeAttribute(QStringLiteral("reason"), reason);
    xml.writeEndElement();
    return body;
}

} // namespace

void PollClient::setUpPreemption()
{
    if (!m_settings.ownerPolicy)
        return;
    m_policy = new PolicyMonitor(m_settings.ownerPolicy, m_settings.policyIntervalMilliseconds,
                                 this);
    connect(m_policy, &PolicyMonitor::vacateRequested, this, &PollClient::vacate);
    connect(m_policy, &PolicyMonitor::suspendRequested, this, &PollClient::suspend);
    connect(m_policy, &PolicyMonitor::continueRequested, this, &PollClient::continueBuild);
}

bool PollClient::mayPoll()
{
    if (!m_policy || m_policy->isWillingToStart()) {
        m_startRefused = false;
        return true;
    }
    if (!m_startRefused)
        say(QStringLiteral("The owner policy's START expression is not TRUE; no builds taken."));
    m_startRefused = true;
    if (m_settings.options.loop == PollLoop::UntilIdle) {
        finish(PollExit::Success);
        return false;
    }
    QTimer::singleShot(qMax(1, m_settings.options.intervalSeconds) * 1000, this, &PollClient::poll);
    return false;
}

void PollClient::notePreemptionSupport(QNetworkReply *reply)
{
    m_preemptionSupported = reply->hasRawHeader(preemptionHeader);
}

void PollClient::beginBuildPreemption()
{
    m_vacateRequested = false;
    m_vacated = false;
    m_vacateReason.clear();
    endSuspension();
    if (m_policy)
        m_policy->start();
}

void PollClient::vacate(const QString &reason)
{
    if (m_buildUrl.isEmpty() && m_policy)
        m_policy->stop(); // the build is over; the next one starts it again
    if (m_finished || m_stopping || m_buildUrl.isEmpty() || m_stepsDone)
        return;
    if (!m_vacateRequested) {
        m_vacateRequested = true;
        m_vacateReason = reason;
        say(QStringLiteral("Vacating build %1: %2.").arg(m_buildUrl, reason));
    }
    // A stopped group is continued before it is stopped for good (the launcher sends SIGCONT
    // before SIGTERM); a build that waited for the suspension to end vacates its next step.
    const bool waiting = m_suspended && !m_stepRunning;
    endSuspension();
    // Asked again on every request: a step the worker had not started yet ignored the first.
    if (m_stepRunning)
        m_worker->requestVacate(); // handleStepFinished() gets StepVerdict::Preempted
    else if (waiting)
        runNextStep(); // vacateBeforeStep() reports it
}

void PollClient::suspend(const QString &reason)
{
    if (m_suspended || m_finished || m_stopping || m_buildUrl.isEmpty() || m_stepsDone
        || m_vacateRequested)
        return;
    m_suspended = true;
    m_worker->setSuspended(true);
    say(QStringLiteral("Step %1 suspended: %2.").arg(m_recipe.steps.at(m_stepIndex).id, reason));
}

void PollClient::continueBuild()
{
    if (!m_suspended)
        return;
    endSuspension();
    if (m_finished || m_stopping || m_buildUrl.isEmpty() || m_stepsDone)
        return;
    const QString reason
            = QStringLiteral("the owner policy's SUSPEND expression is no longer TRUE");
    const QString step = m_recipe.steps.at(m_stepIndex).id;
    if (m_stepRunning) {
        say(QStringLiteral("Step %1 continued: %2.").arg(step, reason));
        return;
    }
    say(QStringLiteral("Step %1 starts: %2.").arg(step, reason));
    runNextStep(); // it waited for the suspension to end
}

void PollClient::endSuspension()
{
    m_suspended = false;
    m_worker->setSuspended(false);
}

void PollClient::noteVacateHeader(QNetworkReply *reply)
{
    if (!reply->hasRawHeader(vacateHeader))
        return;
    const QString why = QString::fromUtf8(reply->rawHeader(vacateHeader)).trimmed();
    vacate(why.isEmpty() ? QStringLiteral("the master asked for it")
                         : QStringLiteral("the master asked for it (%1)").arg(why));
}

bool PollClient::vacateBeforeStep()
{
    if (!m_vacateRequested || m_stepIndex >= m_recipe.steps.size())
        return false;
    vacateAt(m_stepIndex);
    return true;
}

void PollClient::vacateAt(int index)
{
    const QString step = m_recipe.steps.at(index).id;
    say(QStringLiteral("Step %1 preempted: %2.").arg(step, m_vacateReason));
    if (m_preemptionSupported) {
        auto spooled = m_spool.append(m_buildUrl + QStringLiteral("/steps/"), preemptedContentType,
                                      preemptedBody(step, m_vacateReason));
        if (!spooled) {
            say(spooled.error().message);
            finish(PollExit::IoError);
            return;
        }
    }
    m_vacated = true;
    m_stepsDone = true;
    deliver(); // the results before it first; finishBuildIfDone() then ends the build
}

void PollClient::finishVacatedBuild()
{
    m_keepaliveTimer.stop();
    if (m_policy)
        m_policy->stop();
    if (!m_preemptionSupported) {
        // A Bitten master knows no preemption: cancelling puts the build back in its queue,
        // where it starts from scratch.
        QNetworkReply *reply = send("DELETE", m_buildUrl);
        connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    }
    say(QStringLiteral("Build %1 vacated").arg(m_buildUrl));
    m_buildUrl.clear();
    m_stepsDone = false;
    m_vacated = false;
    m_vacateRequested = false;
    if (m_settings.options.keepFiles == KeepFiles::No)
        QDir(m_basedirRoot).removeRecursively();
    if (m_settings.options.loop == PollLoop::Single) {
        finish(PollExit::Success);
        return;
    }
    QTimer::singleShot(qMax(1, m_settings.options.intervalSeconds) * 1000, this, &PollClient::poll);
}

} // namespace Agent
