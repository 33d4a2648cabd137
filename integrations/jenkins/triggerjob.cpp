// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrations/jenkins/triggerjob.h"

#include <QTimer>
#include <QUrl>
#include <QUuid>

#include "integrations/jenkins/client.h"
#include "integrations/jenkins/logging.h"

namespace Jenkins {

TriggerJob::TriggerJob(Client *client, const JobPath &job,
                       const QList<QPair<QString, QString>> &parameters)
    : QObject(client),
      m_client(client),
      m_job(job),
      m_parameters(parameters),
      m_requestId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_parameters.append({Client::requestIdParameter(), m_requestId});
}

void TriggerJob::start()
{
    postTrigger();
}

void TriggerJob::postTrigger()
{
    ++m_triggerAttempts;
    Request::Spec spec;
    spec.method = Request::Method::Post;
    spec.path = m_job.urlPath() + QLatin1String("buildWithParameters");
    // Parameters go in the form body (§3.1 allows either), which is sent so that it cannot be
    // re-sent by Qt's HTTP layer.
    QStringList pairs;
    for (const auto &[name, value] : qAsConst(m_parameters))
        pairs.append(QString::fromLatin1(QUrl::toPercentEncoding(name) + '='
                                         + QUrl::toPercentEncoding(value)));
    spec.body = pairs.join(QLatin1Char('&')).toLatin1();
    spec.contentType = "application/x-www-form-urlencoded; charset=UTF-8";
    spec.retry = Request::Retry::Never; // retried here, after the request-id check
    Request *request = m_client->send(spec);
    connect(request, &Request::finished, this, [this, request] { handleTriggerReply(request); });
}

void TriggerJob::handleTriggerReply(Request *request)
{
    request->deleteLater();
    const Request::Error error = request->error();
    if (error == Request::Error::NoError) {
        m_queueId = JenkinsJson::queueIdFromLocation(request->rawHeader("Location"));
        if (m_queueId < 0) {
            finish(Request::Error::NotScheduled,
                   QStringLiteral(
                           "Jenkins did not schedule a build of job %1: its answer (HTTP %2) "
                           "named no queue item.")
                           .arg(jobName())
                           .arg(request->statusCode()));
            return;
        }
        pollQueueItem();
        return;
    }
    const bool transient
            = error == Request::Error::ConnectionFailed || error == Request::Error::ServerError;
    if (!transient) {
        finish(error, request->errorString());
        return;
    }
    if (m_triggerAttempts >= m_client->retryPolicy().maxAttempts) {
        finish(error,
               request->errorString()
                       + QStringLiteral(" Gave up after %1 trigger attempts.")
                                 .arg(m_triggerAttempts));
        return;
    }
    m_lastTriggerError = error;
    m_lastTriggerErrorString = request->errorString();
    searchForRequestId();
}

void TriggerJob::searchForRequestId()
{
    // Jenkins may have queued the build before the connection broke: look before re-sending.
    Request::Spec spec;
    spec.path = QStringLiteral("queue/api/json");
    spec.query = {{QStringLiteral("tree"),
                   QStringLiteral("items[id,params,actions[parameters[name,value]]]")}};
    spec.parse = [](int, const QByteArray &body) -> Core::Result<QVariant> {
        auto items = JenkinsJson::parseQueue(body);
        if (!items)
            return items.error();
        return QVariant::fromValue(items.value());
    };
    Request *request = m_client->send(spec);
    connect(request, &Request::finished, this, [this, request] { handleQueueSearch(request); });
}

void TriggerJob::handleQueueSearch(Request *request)
{
    request->deleteLater();
    if (request->error() != Request::Error::NoError) {
        finish(m_lastTriggerError, m_lastTriggerErrorString);
        return;
    }
    const auto items = request->result<QVector<QueueItem>>();
    for (const QueueItem &item : items) {
        if (item.parameters.value(Client::requestIdParameter()) == m_requestId) {
            qCInfo(lcJenkins, "trigger of %s had reached Jenkins as queue item %lld",
                   qUtf8Printable(jobName()), item.id);
            m_queueId = item.id;
            pollQueueItem();
            return;
        }
    }
    Request *builds = m_client->builds(m_job);
    connect(builds, &Request::finished, this, [this, builds] { handleBuildSearch(builds); });
}

void TriggerJob::handleBuildSearch(Request *request)
{
    request->deleteLater();
    if (request->error() != Request::Error::NoError) {
        finish(m_lastTriggerError, m_lastTriggerErrorString);
        return;
    }
    const auto builds = request->result<QVector<BuildInfo>>();
    for (const BuildInfo &build : builds) {
        if (build.parameters.value(Client::requestIdParameter()) == m_requestId) {
            m_queueId = build.queueId;
            m_buildNumber = build.number;
            finish(Request::Error::NoError, {});
            return;
        }
    }
    const int delay = m_client->retryPolicy().delayBeforeAttempt(m_triggerAttempts + 1);
    qCInfo(lcJenkins, "trigger of %s did not reach Jenkins; retrying in %d ms",
           qUtf8Printable(jobName()), delay);
    QTimer::singleShot(delay, this, &TriggerJob::postTrigger);
}

void TriggerJob::pollQueueItem()
{
    Request *request = m_client->queueItem(m_queueId);
    connect(request, &Request::finished, this, [this, request] { handleQueueItem(request); });
}

void TriggerJob::handleQueueItem(Request *request)
{
    request->deleteLater();
    if (request->error() == Request::Error::NotFound) {
        searchBuildsForQueueId();
        return;
    }
    if (request->error() != Request::Error::NoError) {
        finish(request->error(), request->errorString());
        return;
    }
    const auto item = request->result<QueueItem>();
    switch (item.state) {
    case JenkinsJson::QueueState::Started:
        m_buildNumber = item.buildNumber;
        finish(Request::Error::NoError, {});
        return;
    case JenkinsJson::QueueState::Cancelled:
        finish(Request::Error::Cancelled,
               QStringLiteral("Queue item %1 for job %2 was cancelled before its build started.")
                       .arg(m_queueId)
                       .arg(jobName()));
        return;
    default:
        Q_EMIT queued(item.state, item.why);
        schedulePoll();
    }
}

void TriggerJob::searchBuildsForQueueId()
{
    Request *request = m_client->builds(m_job);
    connect(request, &Request::finished, this, [this, request] { handleQueueIdSearch(request); });
}

void TriggerJob::handleQueueIdSearch(Request *request)
{
    request->deleteLater();
    if (request->error() != Request::Error::NoError) {
        finish(request->error(), request->errorString());
        return;
    }
    const auto builds = request->result<QVector<BuildInfo>>();
    for (const BuildInfo &build : builds) {
        if (build.queueId == m_queueId) {
            m_buildNumber = build.number;
            finish(Request::Error::NoError, {});
            return;
        }
    }
    finish(Request::Error::QueueItemLost,
           QStringLiteral("Queue item %1 for job %2 is gone and no build of the job came from it.")
                   .arg(m_queueId)
                   .arg(jobName()));
}

void TriggerJob::schedulePoll()
{
    QTimer::singleShot(m_client->pollIntervals().queueMs, this, &TriggerJob::pollQueueItem);
}

void TriggerJob::finish(Request::Error error, const QString &message)
{
    Q_ASSERT(!m_finished);
    m_error = error;
    m_errorString = message;
    m_finished = true;
    Q_EMIT finished(QPrivateSignal());
}

} // namespace Jenkins
