// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/api/apiservice.h"

#include "bridge/api/apiagentscontroller.h"
#include "bridge/api/apibuildrequestscontroller.h"
#include "bridge/api/apibuildscontroller.h"
#include "bridge/api/apiconfigurationscontroller.h"
#include "bridge/api/apilogscontroller.h"
#include "bridge/api/apimetricseriescontroller.h"
#include "bridge/api/apiplatformscontroller.h"
#include "bridge/api/apireply.h"
#include "bridge/api/apireportscontroller.h"
#include "bridge/api/apistepscontroller.h"

namespace Bridge {

namespace {

template<typename T, typename... Args>
RequestHandler *keep(std::vector<std::unique_ptr<RequestHandler>> &owner, Args &&...args)
{
    owner.push_back(std::make_unique<T>(std::forward<Args>(args)...));
    return owner.back().get();
}

} // namespace

ApiService::ApiService(Store &store, TokenTable tokens, std::function<qint64()> clock)
    : m_tokens(std::move(tokens))
{
    const QString name = QStringLiteral("[^/]+");
    const QString id = QStringLiteral("[0-9]+");
    RequestHandler *configs = keep<ApiConfigurationsController>(m_controllers, store);
    RequestHandler *platforms = keep<ApiPlatformsController>(m_controllers, store);
    RequestHandler *builds = keep<ApiBuildsController>(m_controllers, store);
    RequestHandler *requests = keep<ApiBuildRequestsController>(m_controllers, store, clock);
    m_requests = static_cast<ApiBuildRequestsController *>(requests);
    addRoute("GET", QStringLiteral("configurations"), ApiRole::Read, configs);
    addRoute("GET", QStringLiteral("configurations/%1").arg(name), ApiRole::Read, configs);
    addRoute("GET", QStringLiteral("configurations/%1/platforms").arg(name), ApiRole::Read,
             platforms);
    addRoute("GET", QStringLiteral("configurations/%1/metrics").arg(name), ApiRole::Read,
             keep<ApiMetricSeriesController>(m_controllers, store));
    addRoute("GET", QStringLiteral("platforms(/%1)?").arg(id), ApiRole::Read, platforms);
    addRoute("GET", QStringLiteral("builds(/%1)?").arg(id), ApiRole::Read, builds);
    addRoute("POST", QStringLiteral("builds"), ApiRole::Build, requests);
    addRoute("DELETE", QStringLiteral("builds/%1").arg(id), ApiRole::Admin, builds);
    addRoute("GET", QStringLiteral("builds/%1/steps").arg(id), ApiRole::Read,
             keep<ApiStepsController>(m_controllers, store));
    RequestHandler *logs = keep<ApiLogsController>(m_controllers, store);
    addRoute("GET", QStringLiteral("builds/%1/logs").arg(id), ApiRole::Read, logs);
    addRoute("GET", QStringLiteral("logs/%1").arg(id), ApiRole::Read, logs);
    addRoute("GET", QStringLiteral("builds/%1/reports").arg(id), ApiRole::Read,
             keep<ApiReportsController>(m_controllers, store));
    addRoute("GET", QStringLiteral("agents"), ApiRole::Read,
             keep<ApiAgentsController>(m_controllers, store));
    addRoute("GET", QStringLiteral("build-requests"), ApiRole::Read, requests);
    addRoute("POST", QStringLiteral("build-requests"), ApiRole::Build, requests);
}

ApiService::~ApiService() = default;

void ApiService::setBuildsQueuedHook(std::function<void()> hook)
{
    m_requests->setQueuedHook(std::move(hook));
}

void ApiService::addRoute(const QByteArray &method, const QString &pattern, ApiRole role,
                          RequestHandler *handler)
{
    m_routes.append({method, QRegularExpression(QStringLiteral("\\A/api/v1/%1/?\\z").arg(pattern)),
                     role, handler});
}

Response ApiService::handle(const Request &request)
{
    const QString path = request.path();
    const QByteArray method = request.method == "HEAD" ? QByteArrayLiteral("GET") : request.method;
    QByteArrayList allowed;
    for (const Route &route : qAsConst(m_routes)) {
        if (!route.pattern.match(path).hasMatch())
            continue;
        if (route.method != method) {
            allowed += route.method;
            continue;
        }
        if (std::optional<Response> refused = refuse(request, route.role))
            return *refused;
        return route.handler->handle(request);
    }
    if (allowed.isEmpty())
        return ApiReply::error(404, QStringLiteral("No API resource at %1.").arg(path));
    Response response = ApiReply::error(405,
                                        QStringLiteral("Method %1 is not allowed on %2.")
                                                .arg(QString::fromLatin1(request.method), path));
    response.setHeader(QByteArrayLiteral("Allow"), allowed.join(", "));
    return response;
}

std::optional<Response> ApiService::refuse(const Request &request, ApiRole role) const
{
    const QByteArray authorization = request.header(QByteArrayLiteral("Authorization"));
    const QByteArray scheme = QByteArrayLiteral("Bearer ");
    std::optional<ApiToken> token;
    if (authorization.left(scheme.size()).compare(scheme, Qt::CaseInsensitive) == 0)
        token = m_tokens.find(QString::fromUtf8(authorization.mid(scheme.size()).trimmed()));
    if (!token) {
        Response response = ApiReply::error(
                401,
                authorization.isEmpty()
                        ? QStringLiteral("The API needs a bearer token (Authorization: Bearer "
                                         "TOKEN).")
                        : QStringLiteral("The bearer token is not valid."));
        response.setHeader(
                QByteArrayLiteral("WWW-Authenticate"),
                authorization.isEmpty()
                        ? QByteArrayLiteral("Bearer realm=\"bittern\"")
                        : QByteArrayLiteral("Bearer realm=\"bittern\", error=\"invalid_token\""));
        return response;
    }
    if (int(token->role) < int(role))
        return ApiReply::error(403,
                               QStringLiteral("Token '%1' has the role %2; this request "
                                              "needs the role %3.")
                                       .arg(token->name, TokenTable::roleName(token->role),
                                            TokenTable::roleName(role)));
    return std::nullopt;
}

} // namespace Bridge
