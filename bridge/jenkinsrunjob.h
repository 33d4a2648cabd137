// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include "bridge/jenkinsrunsummary.h"
#include "integrations/jenkins/jobpath.h"
#include "integrations/jenkins/request.h"

namespace Jenkins {
class Client;
class TriggerJob;
class ConsoleFollower;
} // namespace Jenkins

namespace Bridge {

/**
 * One `bittern run` on Jenkins: triggers the job (REVISION as a parameter when given), reports
 * the queue's reasons while it waits, follows the console live, and when the build has finished
 * reads back its result, the junit test report, the coverage summaries (ids "coverage" and
 * "coverage-1", "coverage-2"… as the generated jobs and the shared library name them) and the
 * warnings-ng totals into a JenkinsRunSummary. Missing reports (404) are not errors.
 * Emits finished() exactly once.
 */
class JenkinsRunJob : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JenkinsRunJob)
public:
    /// Coverage ids probed after "coverage": "coverage-1" … up to this many.
    static constexpr int maxCoverageIds = 64;

    JenkinsRunJob(Jenkins::Client *client, const Jenkins::JobPath &job, const QString &revision,
                  QObject *parent = nullptr);

    void start();
    Jenkins::Request::Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    int buildNumber() const { return m_summary.build.number; }
    /// Complete once finished() without error.
    const JenkinsRunSummary &summary() const { return m_summary; }
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    /// Status for the user: "queued: …", "started env/trunk #3".
    void progress(const QString &line);
    void consoleLines(const QStringList &lines);
    void finished(QPrivateSignal);

private:
    void handleTrigger(Jenkins::TriggerJob *trigger);
    void handleConsole(Jenkins::ConsoleFollower *follower);
    void handleBuildInfo(Jenkins::Request *request);
    void handleTests(Jenkins::Request *request);
    void fetchCoverage(int index);
    void handleCoverage(Jenkins::Request *request, int index);
    void handleWarnings(Jenkins::Request *request);
    /// False (after failing the job) when @p request failed other than with a 404.
    bool acceptable(Jenkins::Request *request);
    void fail(Jenkins::Request::Error error, const QString &message);

    QPointer<Jenkins::Client> m_client;
    Jenkins::JobPath m_job;
    QString m_revision;
    QString m_lastWhy;
    JenkinsRunSummary m_summary;
    Jenkins::Request::Error m_error = Jenkins::Request::Error::NoError;
    QString m_errorString;
    bool m_finished = false;
};

} // namespace Bridge
