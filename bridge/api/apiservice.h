// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include <QRegularExpression>

#include "bridge/api/tokentable.h"
#include "bridge/http/requesthandler.h"

namespace Bridge {

class ApiBuildRequestsController;
class Store;

/**
 * The REST API under /api/v1 (docs/API.md): checks the bearer token and its role (401 with
 * WWW-Authenticate: Bearer when missing or unknown, 403 when the role is too low), then sends
 * the request to the controller of its resource (405 for a method the resource lacks, 404 for
 * an unknown path). Owns one controller per resource.
 */
class ApiService final : public RequestHandler
{
public:
    /// @p clock gives the current Unix time.
    ApiService(Store &store, TokenTable tokens, std::function<qint64()> clock);
    ~ApiService() override;
    Q_DISABLE_COPY_MOVE(ApiService)

    Response handle(const Request &request) override;
    /// Called after a build request queued builds (BridgeService: MatchService::buildsQueued).
    void setBuildsQueuedHook(std::function<void()> hook);

private:
    struct Route
    {
        QByteArray method;
        QRegularExpression pattern; ///< over the path after /api/v1
        ApiRole role;
        RequestHandler *handler;
    };
    void addRoute(const QByteArray &method, const QString &pattern, ApiRole role,
                  RequestHandler *handler);
    /// The error response when @p request may not use @p role, else an empty optional.
    std::optional<Response> refuse(const Request &request, ApiRole role) const;

    TokenTable m_tokens;
    std::vector<std::unique_ptr<RequestHandler>> m_controllers;
    QVector<Route> m_routes;
    ApiBuildRequestsController *m_requests = nullptr;
};

} // namespace Bridge
