// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrations/buildbot/request.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QTimer>

#include "integrations/buildbot/client.h"
#include "integrations/buildbot/logging.h"

namespace Buildbot {

namespace {

/// The message of a JSON-RPC or REST error body, if it has one.
QString errorMessage(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QJsonValue error = object.value(QStringLiteral("error"));
    if (error.isString())
        return error.toString();
    const QJsonValue message = error.toObject().value(QStringLiteral("message"));
    if (message.isString())
        return message.toString();
    if (message.isObject()) {
        QStringList parts;
        const QJsonObject fields = message.toObject();
        for (auto it = fields.begin(); it != fields.end(); ++it)
            parts += it.value().toString();
        return parts.join(QLatin1String("; "));
    }
    return QString();
}

} // namespace

Request::Request(Client *client, const Spec &spec) : QObject(client), m_client(client), m_spec(spec)
{ }

Request::~Request()
{
    if (m_reply)
        m_reply->abort();
}

void Request::start()
{
    if (m_spec.login || !m_client->needsLogin()) {
        send();
        return;
    }
    Request *login = m_client->ensureLogin();
    connect(login, &Request::finished, this, [this, login]() {
        if (login->error() != Error::NoError)
            finish(login->error(), login->errorString());
        else
            send();
    });
}

void Request::abort()
{
    if (m_reply)
        m_reply->abort();
    finish(Error::ConnectionFailed,
           QStringLiteral("The request for %1 was aborted.").arg(m_spec.what));
}

void Request::send()
{
    if (m_finished)
        return;
    if (!m_client) {
        finish(Error::ConnectionFailed, QStringLiteral("The Buildbot client is gone."));
        return;
    }
    ++m_attempt;
    m_reply = m_client->sendRaw(m_spec);
    connect(m_reply, &QNetworkReply::finished, this, &Request::handleReply);
}

Request::Error Request::classify(int status, const QByteArray &body, QString &message) const
{
    const QString server = m_client ? m_client->baseUrl().toString() : QString();
    const QString detail = errorMessage(body);
    message = QStringLiteral("Buildbot at %1 answered HTTP %2 to %3%4")
                      .arg(server, QString::number(status), m_spec.what,
                           detail.isEmpty() ? QStringLiteral(".") : QLatin1String(": ") + detail);
    if ((status >= 200 && status < 300) || (m_spec.login && status == 302))
        return Error::NoError;
    switch (status) {
    case 400:
        return Error::BadRequest;
    case 401:
        return Error::Unauthorized;
    case 403:
        return Error::Forbidden;
    case 404:
        return Error::NotFound;
    default:
        break;
    }
    if (status >= 500)
        return detail.isEmpty() ? Error::ServerError : Error::Refused;
    return Error::UnexpectedStatus;
}

void Request::handleReply()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_finished)
        return;
    reply->deleteLater();
    m_reply = nullptr;
    m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_body = reply->readAll();
    if (m_status == 0) {
        const QString message
                = QStringLiteral("Could not reach Buildbot at %1 for %2: %3.")
                          .arg(m_client->baseUrl().toString(), m_spec.what, reply->errorString());
        if (!retryIfAllowed(Error::ConnectionFailed, message))
            finish(Error::ConnectionFailed, message);
        return;
    }
    QString message;
    const Error error = classify(m_status, m_body, message);
    if (error != Error::NoError) {
        if (!retryIfAllowed(error, message))
            finish(error, message);
        return;
    }
    if (m_spec.login && !m_client->takeSession(reply)) {
        finish(Error::InvalidResponse,
               QStringLiteral("Buildbot at %1 set no session cookie at /auth/login.")
                       .arg(m_client->baseUrl().toString()));
        return;
    }
    if (m_spec.parse) {
        const Core::Result<QVariant> parsed = m_spec.parse(m_body);
        if (!parsed) {
            finish(parsed.error().code == Core::ErrorCode::InvalidInput ? Error::Refused
                                                                        : Error::InvalidResponse,
                   parsed.error().message);
            return;
        }
        m_result = parsed.value();
    } else {
        m_result = m_body;
    }
    finish(Error::NoError, QString());
}

bool Request::retryIfAllowed(Error error, const QString &message)
{
    if (!m_client || m_spec.retry != Retry::Transient
        || (error != Error::ConnectionFailed && error != Error::ServerError)
        || m_attempt >= m_client->retryPolicy().maxAttempts)
        return false;
    const int delay = m_client->retryPolicy().delayBeforeAttempt(m_attempt + 1);
    qCInfo(lcBuildbot, "%s Retrying in %d ms.", qUtf8Printable(message), delay);
    QTimer::singleShot(delay, this, &Request::send);
    return true;
}

void Request::finish(Error error, const QString &message)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_errorString = message;
    Q_EMIT finished();
}

} // namespace Buildbot
