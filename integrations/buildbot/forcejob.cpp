// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrations/buildbot/forcejob.h"

#include <QTimer>
#include <QUuid>

#include "integrations/buildbot/logging.h"

namespace Buildbot {

namespace {

/// Calls @p handle with the request once it finished, then deletes the request.
template<typename F>
void whenDone(Request *request, QObject *context, F handle)
{
    QObject::connect(request, &Request::finished, context, [request, handle]() {
        handle(request);
        request->deleteLater();
    });
}

bool ambiguous(Request::Error error)
{
    return error == Request::Error::ConnectionFailed || error == Request::Error::ServerError;
}

} // namespace

ForceJob::ForceJob(Client *client, const ForceRequest &request)
    : QObject(client), m_client(client), m_request(request)
{
    // Without an id an ambiguous failure could never be resolved: make one.
    if (m_request.requestId.isEmpty())
        m_request.requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void ForceJob::start()
{
    // Remember the newest buildset so a later search only looks at newer ones.
    whenDone(m_client->buildsetsAfter(0), this, [this](Request *request) {
        if (request->error() != Request::Error::NoError) {
            finish(request->error(), request->errorString());
            return;
        }
        const QVariantList ids = request->result().toList();
        m_lastBuildsetId = ids.isEmpty() ? 0 : ids.first().toLongLong();
        sendForce();
    });
}

void ForceJob::sendForce()
{
    ++m_forceAttempts;
    whenDone(m_client->force(m_request), this, [this](Request *request) { handleForce(request); });
}

void ForceJob::handleForce(Request *request)
{
    if (request->error() == Request::Error::NoError) {
        m_result = request->result().value<ForceResult>();
        finish(Request::Error::NoError, QString());
        return;
    }
    if (!ambiguous(request->error())) {
        finish(request->error(), request->errorString());
        return;
    }
    m_lastForceError = request->errorString();
    qCInfo(lcBuildbot, "%s Checking whether the build was recorded.",
           qUtf8Printable(m_lastForceError));
    lookForRequest();
}

void ForceJob::lookForRequest()
{
    whenDone(m_client->buildsetsAfter(m_lastBuildsetId), this, [this](Request *request) {
        if (request->error() != Request::Error::NoError) {
            finish(request->error(),
                   QStringLiteral("%1 Whether Buildbot recorded the build is unknown: %2")
                           .arg(m_lastForceError, request->errorString()));
            return;
        }
        checkBuildsets(request->result().toList(), 0);
    });
}

void ForceJob::checkBuildsets(const QVariantList &ids, int index)
{
    if (index >= ids.size()) {
        if (m_forceAttempts >= m_client->retryPolicy().maxAttempts) {
            finish(Request::Error::ConnectionFailed, m_lastForceError);
            return;
        }
        const int delay = m_client->retryPolicy().delayBeforeAttempt(m_forceAttempts + 1);
        QTimer::singleShot(delay, this, &ForceJob::sendForce);
        return;
    }
    const qint64 id = ids.at(index).toLongLong();
    whenDone(m_client->buildsetProperties(id), this, [this, ids, index, id](Request *request) {
        if (request->error() != Request::Error::NoError) {
            finish(request->error(),
                   QStringLiteral("%1 Whether Buildbot recorded the build is unknown: %2")
                           .arg(m_lastForceError, request->errorString()));
            return;
        }
        const QVariantMap properties = request->result().toMap();
        if (properties.value(QStringLiteral("bittern_request_id")).toString()
            == m_request.requestId)
            adopt(id);
        else
            checkBuildsets(ids, index + 1);
    });
}

void ForceJob::adopt(qint64 buildsetId)
{
    whenDone(m_client->buildRequestsOfBuildset(buildsetId), this,
             [this, buildsetId](Request *request) {
                 if (request->error() != Request::Error::NoError) {
                     finish(request->error(), request->errorString());
                     return;
                 }
                 m_adopted = true;
                 m_result.buildsetId = buildsetId;
                 const auto requests = request->result().value<QVector<BuildRequestInfo>>();
                 for (const BuildRequestInfo &info : requests)
                     m_result.requests += {info.builderId, info.id};
                 finish(Request::Error::NoError, QString());
             });
}

void ForceJob::finish(Request::Error error, const QString &message)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_errorString = message;
    Q_EMIT finished();
}

} // namespace Buildbot
