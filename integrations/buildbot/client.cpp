// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrations/buildbot/client.h"

#include <algorithm>

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

#include "integrations/buildbot/buildfollower.h"
#include "integrations/buildbot/forcejob.h"

namespace Buildbot {

namespace {

const QString sessionCookie = QStringLiteral("TWISTED_SESSION");

/// A parser for a REST list: every object of `key` through @p map.
template<typename T>
Request::Parser listParser(const QString &key, T (*map)(const QJsonObject &))
{
    return [key, map](const QByteArray &body) -> Core::Result<QVariant> {
        const auto objects = BuildbotJson::list(body, key);
        if (!objects)
            return objects.error();
        QVector<T> out;
        for (const QJsonObject &object : objects.value())
            out += map(object);
        return QVariant::fromValue(out);
    };
}

/// A parser for a REST list of which the first element is the result.
template<typename T>
Request::Parser firstParser(const QString &key, T (*map)(const QJsonObject &), const QString &what)
{
    return [key, map, what](const QByteArray &body) -> Core::Result<QVariant> {
        const auto objects = BuildbotJson::list(body, key);
        if (!objects)
            return objects.error();
        if (objects.value().isEmpty()) {
            return Core::makeError(Core::ErrorCode::NotFound,
                                   QStringLiteral("Buildbot has no %1.").arg(what));
        }
        return QVariant::fromValue(map(objects.value().first()));
    };
}

Request::Spec get(const QString &path, const QString &what, Request::Parser parse,
                  const QList<QPair<QString, QString>> &query = {})
{
    Request::Spec spec;
    spec.path = path;
    spec.what = what;
    spec.parse = std::move(parse);
    spec.query = query;
    return spec;
}

} // namespace

Client::Client(const QUrl &baseUrl, const Credentials &credentials, QObject *parent)
    : QObject(parent),
      m_baseUrl(baseUrl),
      m_credentials(credentials),
      m_network(new QNetworkAccessManager(this))
{
    if (!m_baseUrl.path().endsWith(QLatin1Char('/')))
        m_baseUrl.setPath(m_baseUrl.path() + QLatin1Char('/'));
}

Client::~Client() = default;

Request *Client::send(const Request::Spec &spec)
{
    auto *request = new Request(this, spec);
    request->start();
    return request;
}

QNetworkReply *Client::sendRaw(const Request::Spec &spec)
{
    QUrl url = m_baseUrl.resolved(QUrl(spec.path));
    if (!spec.query.isEmpty()) {
        QUrlQuery query;
        query.setQueryItems(spec.query);
        url.setQuery(query);
    }
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("Accept", "application/json");
    if (spec.login) {
        const QByteArray pair
                = (m_credentials.user + QLatin1Char(':') + m_credentials.password).toUtf8();
        request.setRawHeader("Authorization", "Basic " + pair.toBase64());
    } else if (!m_session.isEmpty()) {
        request.setRawHeader("Cookie", sessionCookie.toLatin1() + '=' + m_session);
    }
    if (spec.method == Request::Method::Get)
        return m_network->get(request);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    return m_network->post(request, spec.body);
}

bool Client::needsLogin() const
{
    return !m_credentials.user.isEmpty() && m_session.isEmpty();
}

Request *Client::ensureLogin()
{
    if (!m_loginRequest || m_loginRequest->isFinished()) {
        m_loginRequest = login();
        connect(m_loginRequest, &Request::finished, m_loginRequest, &QObject::deleteLater);
    }
    return m_loginRequest;
}

bool Client::takeSession(QNetworkReply *reply)
{
    // /auth/login sets an anonymous session first and the logged-in one last.
    const auto cookies
            = reply->header(QNetworkRequest::SetCookieHeader).value<QList<QNetworkCookie>>();
    QByteArray session;
    for (const QNetworkCookie &cookie : cookies) {
        if (cookie.name() == sessionCookie.toLatin1())
            session = cookie.value();
    }
    if (session.isEmpty())
        return false;
    m_session = session;
    return true;
}

Request *Client::login()
{
    Request::Spec spec;
    spec.path = QStringLiteral("auth/login");
    spec.what = QStringLiteral("the login of %1").arg(m_credentials.user);
    spec.login = true;
    return send(spec);
}

Request *Client::builders()
{
    return send(get(QStringLiteral("api/v2/builders"), QStringLiteral("the builder list"),
                    listParser(QStringLiteral("builders"), &BuildbotJson::builder)));
}

Request *Client::control(const QString &path, const QString &method, const QJsonObject &params,
                         Request::Retry retry, const QString &what, Request::Parser parse)
{
    Request::Spec spec;
    spec.method = Request::Method::Post;
    spec.path = path;
    spec.body = BuildbotJson::rpcCall(method, params);
    spec.retry = retry;
    spec.what = what;
    spec.parse
            = parse ? std::move(parse) : [what](const QByteArray &body) -> Core::Result<QVariant> {
        const auto result = BuildbotJson::rpcResult(body, what);
        if (!result)
            return result.error();
        return result.value().toVariant();
    };
    return send(spec);
}

Request *Client::force(const ForceRequest &request)
{
    const QJsonObject params{
            {QStringLiteral("builderNames"), QJsonArray::fromStringList(request.builderNames)},
            {QStringLiteral("reason"), request.reason},
            {QStringLiteral("revision"), request.revision},
            {QStringLiteral("bittern_request_id"), request.requestId}};
    const QString what
            = QStringLiteral("the force of %1").arg(request.builderNames.join(QLatin1String(", ")));
    return control(QStringLiteral("api/v2/forceschedulers/") + request.scheduler,
                   QStringLiteral("force"), params, Request::Retry::Never, what,
                   [what](const QByteArray &body) -> Core::Result<QVariant> {
                       const auto result = BuildbotJson::rpcResult(body, what);
                       if (!result)
                           return result.error();
                       const auto force = BuildbotJson::forceResult(result.value());
                       if (!force)
                           return force.error();
                       return QVariant::fromValue(force.value());
                   });
}

ForceJob *Client::forceBuild(const ForceRequest &request)
{
    auto *job = new ForceJob(this, request);
    job->start();
    return job;
}

Request *Client::buildRequest(qint64 buildRequestId)
{
    const QString id = QString::number(buildRequestId);
    return send(get(QStringLiteral("api/v2/buildrequests/") + id,
                    QStringLiteral("build request %1").arg(id),
                    firstParser(QStringLiteral("buildrequests"), &BuildbotJson::buildRequest,
                                QStringLiteral("build request %1").arg(id))));
}

Request *Client::buildRequestsOfBuildset(qint64 buildsetId)
{
    const QString id = QString::number(buildsetId);
    return send(get(QStringLiteral("api/v2/buildrequests"),
                    QStringLiteral("the build requests of buildset %1").arg(id),
                    listParser(QStringLiteral("buildrequests"), &BuildbotJson::buildRequest),
                    {{QStringLiteral("buildsetid"), id}}));
}

Request *Client::buildsOfRequest(qint64 buildRequestId)
{
    const QString id = QString::number(buildRequestId);
    return send(get(QStringLiteral("api/v2/builds"),
                    QStringLiteral("the builds of request %1").arg(id),
                    listParser(QStringLiteral("builds"), &BuildbotJson::build),
                    {{QStringLiteral("buildrequestid"), id},
                     {QStringLiteral("property"), QStringLiteral("*")}}));
}

Request *Client::build(qint64 buildId)
{
    const QString id = QString::number(buildId);
    return send(get(QStringLiteral("api/v2/builds/") + id, QStringLiteral("build %1").arg(id),
                    firstParser(QStringLiteral("builds"), &BuildbotJson::build,
                                QStringLiteral("build %1").arg(id)),
                    {{QStringLiteral("property"), QStringLiteral("*")}}));
}

Request *Client::steps(qint64 buildId)
{
    const QString id = QString::number(buildId);
    return send(get(QStringLiteral("api/v2/builds/%1/steps").arg(id),
                    QStringLiteral("the steps of build %1").arg(id),
                    listParser(QStringLiteral("steps"), &BuildbotJson::step)));
}

Request *Client::logs(qint64 stepId)
{
    const QString id = QString::number(stepId);
    return send(get(QStringLiteral("api/v2/steps/%1/logs").arg(id),
                    QStringLiteral("the logs of step %1").arg(id),
                    listParser(QStringLiteral("logs"), &BuildbotJson::log)));
}

Request *Client::logLines(const LogInfo &log, int offset)
{
    const QString id = QString::number(log.id);
    const QChar type = log.type;
    return send(get(QStringLiteral("api/v2/logs/%1/contents").arg(id),
                    QStringLiteral("log %1").arg(id),
                    [type](const QByteArray &body) -> Core::Result<QVariant> {
                        const auto lines = BuildbotJson::logLines(body, type);
                        if (!lines)
                            return lines.error();
                        return QVariant::fromValue(lines.value());
                    },
                    {{QStringLiteral("offset"), QString::number(offset)}}));
}

Request *Client::rawLog(qint64 logId)
{
    const QString id = QString::number(logId);
    return send(get(QStringLiteral("api/v2/logs/%1/raw").arg(id), QStringLiteral("log %1").arg(id),
                    nullptr));
}

Request *Client::testResultSets(qint64 buildId)
{
    const QString id = QString::number(buildId);
    return send(get(QStringLiteral("api/v2/builds/%1/test_result_sets").arg(id),
                    QStringLiteral("the test result sets of build %1").arg(id),
                    listParser(QStringLiteral("test_result_sets"), &BuildbotJson::testResultSet)));
}

Request *Client::testResults(qint64 testResultSetId)
{
    const QString id = QString::number(testResultSetId);
    return send(get(QStringLiteral("api/v2/test_result_sets/%1/results").arg(id),
                    QStringLiteral("the results of test result set %1").arg(id),
                    listParser(QStringLiteral("test_results"), &BuildbotJson::testResult)));
}

Request *Client::buildsetsAfter(qint64 afterBuildsetId)
{
    return send(get(QStringLiteral("api/v2/buildsets"), QStringLiteral("the buildset list"),
                    [](const QByteArray &body) -> Core::Result<QVariant> {
                        const auto objects = BuildbotJson::list(body, QStringLiteral("buildsets"));
                        if (!objects)
                            return objects.error();
                        QVariantList ids;
                        for (const QJsonObject &object : objects.value())
                            ids += object.value(QStringLiteral("bsid")).toVariant();
                        return QVariant(ids);
                    },
                    {{QStringLiteral("bsid__gt"), QString::number(afterBuildsetId)},
                     {QStringLiteral("order"), QStringLiteral("-bsid")},
                     {QStringLiteral("limit"), QStringLiteral("50")}}));
}

Request *Client::buildsetProperties(qint64 buildsetId)
{
    const QString id = QString::number(buildsetId);
    return send(get(QStringLiteral("api/v2/buildsets/%1/properties").arg(id),
                    QStringLiteral("the properties of buildset %1").arg(id),
                    [](const QByteArray &body) -> Core::Result<QVariant> {
                        const auto objects = BuildbotJson::list(body, QStringLiteral("properties"));
                        if (!objects)
                            return objects.error();
                        return QVariant(BuildbotJson::properties(objects.value().value(0)));
                    }));
}

Request *Client::stopBuild(qint64 buildId, const QString &reason)
{
    const QString id = QString::number(buildId);
    return control(QStringLiteral("api/v2/builds/") + id, QStringLiteral("stop"),
                   {{QStringLiteral("reason"), reason}}, Request::Retry::Transient,
                   QStringLiteral("the stop of build %1").arg(id));
}

Request *Client::cancelBuildRequest(qint64 buildRequestId, const QString &reason)
{
    const QString id = QString::number(buildRequestId);
    return control(QStringLiteral("api/v2/buildrequests/") + id, QStringLiteral("cancel"),
                   {{QStringLiteral("reason"), reason}}, Request::Retry::Transient,
                   QStringLiteral("the cancel of build request %1").arg(id));
}

BuildFollower *Client::follow(qint64 buildRequestId)
{
    auto *follower = new BuildFollower(this, buildRequestId);
    follower->start();
    return follower;
}

} // namespace Buildbot
