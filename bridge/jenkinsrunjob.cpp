// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/jenkinsrunjob.h"

#include "integrations/jenkins/client.h"
#include "integrations/jenkins/consolefollower.h"
#include "integrations/jenkins/triggerjob.h"

namespace Bridge {

using Jenkins::Request;

JenkinsRunJob::JenkinsRunJob(Jenkins::Client *client, const Jenkins::JobPath &job,
                             const QString &revision, QObject *parent)
    : QObject(parent), m_client(client), m_job(job), m_revision(revision)
{
    m_summary.job = job.fullName();
}

void JenkinsRunJob::start()
{
    QList<QPair<QString, QString>> parameters;
    if (!m_revision.isEmpty())
        parameters.append({QStringLiteral("REVISION"), m_revision});
    Jenkins::TriggerJob *trigger = m_client->trigger(m_job, parameters);
    connect(trigger, &Jenkins::TriggerJob::queued, this,
            [this](Jenkins::JenkinsJson::QueueState, const QString &why) {
                if (why.isEmpty() || why == m_lastWhy)
                    return;
                m_lastWhy = why;
                Q_EMIT progress(QLatin1String("queued: ") + why);
            });
    connect(trigger, &Jenkins::TriggerJob::finished, this,
            [this, trigger] { handleTrigger(trigger); });
}

void JenkinsRunJob::handleTrigger(Jenkins::TriggerJob *trigger)
{
    trigger->deleteLater();
    if (trigger->error() != Request::Error::NoError) {
        fail(trigger->error(), trigger->errorString());
        return;
    }
    m_summary.build.number = trigger->buildNumber();
    Q_EMIT progress(QStringLiteral("started %1 #%2").arg(m_summary.job).arg(buildNumber()));
    Jenkins::ConsoleFollower *follower = m_client->followConsole(m_job, buildNumber());
    connect(follower, &Jenkins::ConsoleFollower::linesReceived, this, &JenkinsRunJob::consoleLines);
    connect(follower, &Jenkins::ConsoleFollower::finished, this,
            [this, follower] { handleConsole(follower); });
}

void JenkinsRunJob::handleConsole(Jenkins::ConsoleFollower *follower)
{
    follower->deleteLater();
    if (follower->error() != Request::Error::NoError) {
        fail(follower->error(), follower->errorString());
        return;
    }
    Request *request = m_client->buildInfo(m_job, buildNumber());
    connect(request, &Request::finished, this, [this, request] { handleBuildInfo(request); });
}

void JenkinsRunJob::handleBuildInfo(Request *request)
{
    request->deleteLater();
    if (request->error() != Request::Error::NoError) {
        fail(request->error(), request->errorString());
        return;
    }
    m_summary.build = request->result<Jenkins::BuildInfo>();
    Request *tests = m_client->testReport(m_job, buildNumber());
    connect(tests, &Request::finished, this, [this, tests] { handleTests(tests); });
}

bool JenkinsRunJob::acceptable(Request *request)
{
    request->deleteLater();
    if (request->error() == Request::Error::NoError || request->error() == Request::Error::NotFound)
        return true;
    fail(request->error(), request->errorString());
    return false;
}

void JenkinsRunJob::handleTests(Request *request)
{
    if (!acceptable(request))
        return;
    if (request->error() == Request::Error::NoError)
        m_summary.tests = request->result<Jenkins::TestReport>();
    fetchCoverage(0);
}

void JenkinsRunJob::fetchCoverage(int index)
{
    if (index > maxCoverageIds) {
        Request *warnings = m_client->warnings(m_job, buildNumber());
        connect(warnings, &Request::finished, this, [this, warnings] { handleWarnings(warnings); });
        return;
    }
    const QString id
            = index == 0 ? QStringLiteral("coverage") : QStringLiteral("coverage-%1").arg(index);
    Request *request = m_client->coverage(m_job, buildNumber(), id);
    connect(request, &Request::finished, this,
            [this, request, index] { handleCoverage(request, index); });
}

void JenkinsRunJob::handleCoverage(Request *request, int index)
{
    if (!acceptable(request))
        return;
    const bool found = request->error() == Request::Error::NoError;
    if (found) {
        const QString id = index == 0 ? QStringLiteral("coverage")
                                      : QStringLiteral("coverage-%1").arg(index);
        m_summary.coverage.append({id, request->result<Jenkins::CoverageSummary>()});
    }
    // "coverage" may be absent while numbered ids exist; the numbered ones have no gaps.
    fetchCoverage(found || index == 0 ? index + 1 : maxCoverageIds + 1);
}

void JenkinsRunJob::handleWarnings(Request *request)
{
    if (!acceptable(request))
        return;
    if (request->error() == Request::Error::NoError)
        m_summary.warnings = request->result<Jenkins::WarningsSummary>();
    m_finished = true;
    Q_EMIT finished(QPrivateSignal());
}

void JenkinsRunJob::fail(Request::Error error, const QString &message)
{
    if (m_finished)
        return;
    m_error = error;
    m_errorString = message;
    m_finished = true;
    Q_EMIT finished(QPrivateSignal());
}

} // namespace Bridge
