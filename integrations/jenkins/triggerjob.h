// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>

#include "integrations/jenkins/jenkinsjson.h"
#include "integrations/jenkins/jobpath.h"
#include "integrations/jenkins/request.h"

namespace Jenkins {

class Client;

/**
 * Starts one build and finds out its number: POST buildWithParameters with a unique
 * BITTERN_REQUEST_ID parameter, read the queue item from Location (201, or 303 for an identical
 * queued request), poll it until it started or was cancelled, and — when the item has already
 * been forgotten (404 five minutes after it left the queue) — find the build by its queueId.
 * A failed trigger POST is retried with backoff, but only after checking the queue and the
 * job's builds for the request id, so a trigger that did reach Jenkins is never sent twice.
 */
class TriggerJob : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TriggerJob)
public:
    Request::Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    /// The value of BITTERN_REQUEST_ID sent with this trigger.
    QString requestId() const { return m_requestId; }
    qint64 queueId() const { return m_queueId; }
    /// The build number once finished() without error; -1 before.
    int buildNumber() const { return m_buildNumber; }
    /// How many trigger POSTs were sent (1 unless a transient failure was retried).
    int triggerAttempts() const { return m_triggerAttempts; }
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    /// The queue item was seen in @p state (Waiting, Blocked, Buildable) with Jenkins' reason.
    void queued(Jenkins::JenkinsJson::QueueState state, const QString &why);
    void finished(QPrivateSignal);

private:
    friend class Client;
    TriggerJob(Client *client, const JobPath &job,
               const QList<QPair<QString, QString>> &parameters);
    void start();
    void postTrigger();
    void handleTriggerReply(Request *request);
    void searchForRequestId();
    void handleQueueSearch(Request *request);
    void handleBuildSearch(Request *request);
    void pollQueueItem();
    void handleQueueItem(Request *request);
    void searchBuildsForQueueId();
    void handleQueueIdSearch(Request *request);
    void schedulePoll();
    void finish(Request::Error error, const QString &message);
    QString jobName() const { return m_job.fullName(); }

    QPointer<Client> m_client;
    JobPath m_job;
    QList<QPair<QString, QString>> m_parameters;
    QString m_requestId;
    qint64 m_queueId = -1;
    int m_buildNumber = -1;
    int m_triggerAttempts = 0;
    Request::Error m_lastTriggerError = Request::Error::NoError;
    QString m_lastTriggerErrorString;
    Request::Error m_error = Request::Error::NoError;
    QString m_errorString;
    bool m_finished = false;
};

} // namespace Jenkins
