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

namespace Buildbot {

class Client;

/**
 * One call to Buildbot's REST API or JSON-RPC as an asynchronous job. Logs in first when the
 * client has credentials but no session yet, retries connection errors and 5xx answers with the
 * client's backoff when the call is safe to repeat, maps the status to an Error and parses the
 * body into a typed result(). Emits finished() exactly once; the caller deletes it.
 */
class Request : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Request)
public:
    enum class Error {
        NoError,
        ConnectionFailed, ///< no HTTP answer (refused, reset, timed out)
        Unauthorized, ///< 401: wrong user or password at /auth/login
        Forbidden, ///< 403: the user lacks a role
        NotFound, ///< 404
        BadRequest, ///< 400, e.g. a force parameter failed validation
        ServerError, ///< 5xx without a JSON-RPC error
        Refused, ///< a JSON-RPC error answer (unknown builder, …)
        UnexpectedStatus,
        InvalidResponse, ///< the body could not be parsed
    };
    Q_ENUM(Error)

    enum class Method {
        Get,
        Post,
    };

    /// Whether repeating the call after a transient failure is harmless.
    enum class Retry {
        Transient, ///< reads, stop, cancel, login
        Never, ///< force: ForceJob decides, after checking what the master recorded
    };

    using Parser = std::function<Core::Result<QVariant>(const QByteArray &body)>;

    struct Spec
    {
        Method method = Method::Get;
        QString path; ///< relative to the base URL, e.g. "api/v2/builds"
        QList<QPair<QString, QString>> query;
        QByteArray body; ///< JSON for POST
        Retry retry = Retry::Transient;
        QString what; ///< names the call in messages: "the build list of request 7"
        Parser parse; ///< null: result() is the body
        bool login = false; ///< this is the /auth/login call itself
    };

    Request(Client *client, const Spec &spec);
    ~Request() override;

    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    bool isFinished() const { return m_finished; }
    QVariant result() const { return m_result; }
    int httpStatus() const { return m_status; }
    QByteArray body() const { return m_body; }
    int attempts() const { return m_attempt; }
    const Spec &spec() const { return m_spec; }
    void abort();

Q_SIGNALS:
    void finished();

private:
    friend class Client;
    void start();
    void send();
    void handleReply();
    void finish(Error error, const QString &message);
    bool retryIfAllowed(Error error, const QString &message);
    Error classify(int status, const QByteArray &body, QString &message) const;

    QPointer<Client> m_client;
    Spec m_spec;
    QPointer<QNetworkReply> m_reply;
    Error m_error = Error::NoError;
    QString m_errorString;
    QVariant m_result;
    QByteArray m_body;
    int m_status = 0;
    int m_attempt = 0;
    bool m_finished = false;
};

} // namespace Buildbot
