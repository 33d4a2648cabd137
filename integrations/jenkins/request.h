// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QVariant>

#include "core/result.h"

class QNetworkReply;

namespace Jenkins {

class Client;

/**
 * One call to Jenkins' HTTP API as an asynchronous job: sends the request (with the client's
 * Basic header and, in password mode, the session-bound crumb), retries transient failures
 * (connection errors and 5xx) with exponential backoff when the call is safe to repeat, maps
 * the status to an Error, and parses the body into a typed result. Emits finished() exactly
 * once. Created by Client (its parent); the caller deletes it (deleteLater()) when done.
 */
class Request : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Request)
public:
    enum class Error {
        NoError,
        ConnectionFailed, ///< no HTTP answer (refused, reset, timed out)
        Unauthorized, ///< 401: bad user, token or password
        Forbidden, ///< 403: permission missing, or the crumb was rejected twice
        NotFound, ///< 404: missing or not visible
        BadRequest, ///< 400, with Jenkins' X-Error text
        Conflict, ///< 409: e.g. the job is disabled
        ServerError, ///< 5xx
        UnexpectedStatus, ///< any other status
        Unsupported, ///< the endpoint does not exist for this object (term/kill on Freestyle)
        NotScheduled, ///< a trigger was accepted without creating a queue item
        Cancelled, ///< the queue item was cancelled before the build started
        QueueItemLost, ///< the queue item expired and no build carries its id
        InvalidResponse, ///< the body could not be parsed
    };
    Q_ENUM(Error)

    enum class Method {
        Get,
        Post,
        Delete,
    };
    Q_ENUM(Method)

    /// Whether repeating the call after a transient failure is harmless.
    enum class Retry {
        Transient, ///< GET, DELETE, config.xml, validate: retry connection errors and 5xx
        Never, ///< creates something or acts once (createItem, triggers, stop)
    };

    /// Everything needed to send (and re-send) one call.
    struct Spec
    {
        Method method = Method::Get;
        QString path; ///< relative to the base URL, already percent-encoded ("job/a%20b/api/json")
        QList<QPair<QString, QString>> query; ///< decoded; encoded when sent
        QByteArray body;
        QByteArray contentType;
        Retry retry = Retry::Transient;
        /// Turns a successful answer (status, body) into the result; empty = no result.
        std::function<Core::Result<QVariant>(int, const QByteArray &)> parse;
        /// Statuses (besides 2xx, and 3xx for POSTs) that count as success, e.g. 404 for an
        /// optional plugin endpoint.
        QList<int> alsoSuccess;
    };

    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    int statusCode() const { return m_status; }
    QByteArray body() const { return m_body; }
    QByteArray rawHeader(const QByteArray &name) const;
    /// How many times the call was sent (1 + retries); crumb fetches are not counted.
    int attempts() const { return m_attempts; }
    bool isFinished() const { return m_finished; }
    /// "POST job/a/createItem": the call as named in messages.
    QString description() const;
    const Spec &spec() const { return m_spec; }

    QVariant resultVariant() const { return m_result; }
    template<typename T>
    T result() const
    {
        return m_result.value<T>();
    }

Q_SIGNALS:
    void finished(QPrivateSignal);

private:
    friend class Client;
    Request(Client *client, Spec spec);
    void start();
    void send();
    void fetchCrumb();
    void handleCrumbReply();
    void handleReply();
    bool isTransient() const;
    bool isSuccess(int status) const;
    bool isCrumbRejection() const;
    bool retryLater();
    void finishWithStatus();
    void finishWithResult();
    void failWithStatus();
    /// " Gave up after N attempts." when the call was retried.
    QString gaveUp() const;
    void finish(Error error, const QString &message);

    QPointer<Client> m_client;
    Spec m_spec;
    QNetworkReply *m_reply = nullptr;
    Error m_error = Error::NoError;
    QString m_errorString;
    QString m_networkErrorString;
    int m_status = 0;
    QByteArray m_body;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QVariant m_result;
    int m_attempts = 0;
    bool m_crumbRefreshed = false;
    bool m_finished = false;
};

} // namespace Jenkins
