// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrations/jenkins/request.h"

#include <QMetaEnum>
#include <QNetworkReply>
#include <QTimer>
#include <QUrl>

#include "integrations/jenkins/client.h"
#include "integrations/jenkins/logging.h"

namespace Jenkins {

namespace {

const QByteArray crumbRejection = QByteArrayLiteral("No valid crumb was included in the request");

} // namespace

Request::Request(Client *client, Spec spec)
    : QObject(client), m_client(client), m_spec(std::move(spec))
{ }

QByteArray Request::rawHeader(const QByteArray &name) const
{
    for (const auto &[key, value] : m_headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString Request::description() const
{
    const char *verb = QMetaEnum::fromType<Method>().valueToKey(int(m_spec.method));
    return QString::fromLatin1(verb).toUpper() + QLatin1Char(' ') + m_spec.path;
}

void Request::start()
{
    send();
}

void Request::send()
{
    if (!m_client) {
        finish(Error::ConnectionFailed,
               QStringLiteral("The Jenkins client of %1 is gone.").arg(description()));
        return;
    }
    if (m_client->needsCrumbFetch(m_spec)) {
        fetchCrumb();
        return;
    }
    ++m_attempts;
    m_reply = m_client->sendRaw(m_spec);
    connect(m_reply, &QNetworkReply::finished, this, &Request::handleReply);
}

void Request::fetchCrumb()
{
    Spec crumbSpec;
    crumbSpec.path = QStringLiteral("crumbIssuer/api/json");
    m_reply = m_client->sendRaw(crumbSpec);
    connect(m_reply, &QNetworkReply::finished, this, &Request::handleCrumbReply);
}

void Request::handleCrumbReply()
{
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 200) {
        const auto crumb = JenkinsJson::parseCrumb(reply->readAll());
        if (!crumb) {
            finish(Error::InvalidResponse, crumb.error().message);
            return;
        }
        m_client->rememberCrumb(crumb.value());
    } else if (status == 404) {
        m_client->rememberCrumb(std::nullopt); // no crumb issuer configured: none needed (§1.3)
    } else {
        // The crumb request failed like the call itself would: report it as the call's failure.
        m_status = status;
        m_headers = reply->rawHeaderPairs();
        m_networkErrorString = reply->errorString();
        if ((status == 0 || status >= 500) && retryLater())
            return;
        finishWithStatus();
        return;
    }
    send();
}

void Request::handleReply()
{
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_headers = reply->rawHeaderPairs();
    m_body = reply->readAll();
    m_networkErrorString = reply->errorString();
    m_client->noteServerVersion(rawHeader("X-Jenkins"));
    qCDebug(lcJenkins, "%s answered %d (attempt %d)", qUtf8Printable(description()), m_status,
            m_attempts);

    if (isTransient() && m_spec.retry == Retry::Transient && retryLater())
        return;
    if (m_status == 403 && isCrumbRejection() && !m_crumbRefreshed) {
        // The session or the crumb expired: fetch a fresh one once (§1.4).
        m_crumbRefreshed = true;
        m_client->forgetCrumb();
        send();
        return;
    }
    finishWithStatus();
}

bool Request::isTransient() const
{
    return m_status == 0 || m_status >= 500; // 0: no HTTP answer at all
}

bool Request::isSuccess(int status) const
{
    if (status >= 200 && status < 300)
        return true;
    if (status >= 300 && status < 400 && m_spec.method != Method::Get)
        return true;
    return m_spec.alsoSuccess.contains(status);
}

bool Request::isCrumbRejection() const
{
    return m_body.contains(crumbRejection);
}

bool Request::retryLater()
{
    if (!m_client || m_attempts >= m_client->retryPolicy().maxAttempts)
        return false;
    const int delay = m_client->retryPolicy().delayBeforeAttempt(m_attempts + 1);
    qCInfo(lcJenkins, "%s failed with status %d; retrying in %d ms", qUtf8Printable(description()),
           m_status, delay);
    QTimer::singleShot(delay, this, &Request::send);
    return true;
}

void Request::finishWithStatus()
{
    const QString what = description();
    const QUrl location = QUrl(QString::fromLatin1(rawHeader("Location")));
    if (m_status == 0) {
        finish(Error::ConnectionFailed,
               QStringLiteral("Could not reach Jenkins for %1: %2.").arg(what, m_networkErrorString)
                       + gaveUp());
    } else if (m_spec.method == Method::Post && (m_status == 301 || m_status == 302)
               && location.path().endsWith(QLatin1Char('/') + m_spec.path + QLatin1Char('/'))) {
        // Stapler adds a trailing slash to an unknown action; the GET that follows is a 404.
        finish(Error::Unsupported,
               QStringLiteral("Jenkins does not offer %1 for this object (term and kill exist only "
                              "for Pipeline runs).")
                       .arg(what));
    } else if (isSuccess(m_status)) {
        finishWithResult();
    } else {
        failWithStatus();
    }
}

void Request::finishWithResult()
{
    if (!m_spec.parse) {
        finish(Error::NoError, {});
        return;
    }
    auto parsed = m_spec.parse(m_status, m_body);
    if (!parsed) {
        finish(Error::InvalidResponse,
               QStringLiteral("Jenkins answered %1 with an unreadable body: %2")
                       .arg(description(), parsed.error().message));
        return;
    }
    m_result = std::move(parsed).value();
    finish(Error::NoError, {});
}

void Request::failWithStatus()
{
    const QString what = description();
    const QString user = m_client ? m_client->userName() : QString();
    if (m_status == 401) {
        finish(Error::Unauthorized,
               QStringLiteral("Jenkins rejected the credentials of user '%1' for %2 (HTTP 401).")
                       .arg(user, what));
    } else if (m_status == 403 && isCrumbRejection()) {
        finish(Error::Forbidden,
               QStringLiteral("Jenkins rejected the crumb for %1 (HTTP 403): %2.")
                       .arg(what, QString::fromLatin1(crumbRejection)));
    } else if (m_status == 403) {
        const QString permission = QString::fromLatin1(rawHeader("X-Required-Permission"));
        finish(Error::Forbidden,
               permission.isEmpty()
                       ? QStringLiteral("Jenkins denied %1 to user '%2' (HTTP 403).")
                                 .arg(what, user)
                       : QStringLiteral("Jenkins denied %1 to user '%2' (HTTP 403; required "
                                        "permission: %3).")
                                 .arg(what, user, permission));
    } else if (m_status == 404) {
        finish(Error::NotFound,
               QStringLiteral("Jenkins found nothing for %1 (HTTP 404).").arg(what));
    } else if (m_status >= 500) {
        finish(Error::ServerError,
               QStringLiteral("Jenkins failed on %1 (HTTP %2).").arg(what).arg(m_status)
                       + gaveUp());
    } else {
        // 400 and 409 carry Jenkins' message in X-Error (Latin-1; other characters arrive as '?').
        const QString xError = QString::fromLatin1(rawHeader("X-Error"));
        const Error error = m_status == 400 ? Error::BadRequest
                : m_status == 409           ? Error::Conflict
                                            : Error::UnexpectedStatus;
        finish(error,
               QStringLiteral("Jenkins refused %1 (HTTP %2)%3.")
                       .arg(what)
                       .arg(m_status)
                       .arg(xError.isEmpty() ? QString() : QLatin1String(": ") + xError));
    }
}

QString Request::gaveUp() const
{
    return m_attempts > 1 ? QStringLiteral(" Gave up after %1 attempts.").arg(m_attempts)
                          : QString();
}

void Request::finish(Error error, const QString &message)
{
    Q_ASSERT(!m_finished);
    m_error = error;
    m_errorString = message;
    m_finished = true;
    if (error != Error::NoError)
        qCDebug(lcJenkins, "%s", qUtf8Printable(message));
    Q_EMIT finished(QPrivateSignal());
}

} // namespace Jenkins
