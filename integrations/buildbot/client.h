// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>

#include "core/retrypolicy.h"
#include "integrations/buildbot/buildbotjson.h"
#include "integrations/buildbot/request.h"

class QNetworkAccessManager;
class QNetworkReply;

namespace Buildbot {

class BuildFollower;
class ForceJob;

/// Who the client logs in as (buildbot-notes.md §3); empty user: anonymous. Never logged.
struct Credentials
{
    QString user;
    QString password;
};

using RetryPolicy = Core::RetryPolicy;

/// What to force: the builders, and the values of the force scheduler's declared parameters.
struct ForceRequest
{
    QString scheduler = QStringLiteral("bittern");
    QStringList builderNames;
    QString requestId; ///< the Bittern request id (property bittern_request_id)
    QString revision;
    QString reason = QStringLiteral("forced by Bittern");
};

/**
 * The network shell around Buildbot's REST API and JSON-RPC control endpoints: one
 * QNetworkAccessManager, a session cookie from /auth/login (REST ignores Basic auth), and job
 * objects for every call. Payloads are built and parsed by the pure BuildbotJson.
 */
class Client : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Client)
public:
    /// @p baseUrl is the master's www root ("http://127.0.0.1:8010/").
    Client(const QUrl &baseUrl, const Credentials &credentials, QObject *parent = nullptr);
    ~Client() override;

    QUrl baseUrl() const { return m_baseUrl; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }
    RetryPolicy retryPolicy() const { return m_retryPolicy; }
    /// How often BuildFollower polls (ms).
    void setPollInterval(int ms) { m_pollIntervalMs = ms; }
    int pollInterval() const { return m_pollIntervalMs; }
    bool hasSession() const { return !m_session.isEmpty(); }

    Request *login();
    /// Result: QVector<BuilderInfo>.
    Request *builders();
    /// One force POST, never repeated (Result: ForceResult). Prefer forceBuild().
    Request *force(const ForceRequest &request);
    /// Forces once: after an ambiguous failure it looks for the request id before re-sending.
    ForceJob *forceBuild(const ForceRequest &request);
    /// Result: BuildRequestInfo.
    Request *buildRequest(qint64 buildRequestId);
    /// Result: QVector<BuildRequestInfo>.
    Request *buildRequestsOfBuildset(qint64 buildsetId);
    /// Result: QVector<BuildInfo> (with properties).
    Request *buildsOfRequest(qint64 buildRequestId);
    /// Result: BuildInfo (with properties).
    Request *build(qint64 buildId);
    /// Result: QVector<StepInfo>.
    Request *steps(qint64 buildId);
    /// Result: QVector<LogInfo>.
    Request *logs(qint64 stepId);
    /// Result: LogLines from line @p offset on.
    Request *logLines(const LogInfo &log, int offset);
    /// Result: QByteArray, the whole log as text.
    Request *rawLog(qint64 logId);
    /// Result: QVector<TestResultSetInfo>.
    Request *testResultSets(qint64 buildId);
    /// Result: QVector<TestResultInfo>.
    Request *testResults(qint64 testResultSetId);
    /// Result: QVariant (a list of {bsid}); buildsets after @p afterBuildsetId, newest first.
    Request *buildsetsAfter(qint64 afterBuildsetId);
    /// Result: QVariantMap, the buildset's properties.
    Request *buildsetProperties(qint64 buildsetId);
    Request *stopBuild(qint64 buildId, const QString &reason);
    Request *cancelBuildRequest(qint64 buildRequestId, const QString &reason);
    BuildFollower *follow(qint64 buildRequestId);

    /// Any call; the building block of the ones above.
    Request *send(const Request::Spec &spec);

private:
    friend class Request;
    QNetworkReply *sendRaw(const Request::Spec &spec);
    bool needsLogin() const;
    Request *ensureLogin();
    bool takeSession(QNetworkReply *reply);
    Request *control(const QString &path, const QString &method, const QJsonObject &params,
                     Request::Retry retry, const QString &what, Request::Parser parse = nullptr);

    QUrl m_baseUrl;
    Credentials m_credentials;
    QNetworkAccessManager *m_network;
    RetryPolicy m_retryPolicy;
    int m_pollIntervalMs = 300;
    QByteArray m_session;
    QPointer<Request> m_loginRequest;
};

} // namespace Buildbot
