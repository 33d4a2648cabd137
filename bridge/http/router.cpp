// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/http/router.h"

namespace Bridge {

void Router::addRoute(const QString &pattern, RequestHandler *handler)
{
    Q_ASSERT(handler);
    m_routes.append({QRegularExpression(pattern), handler});
}

Response Router::handle(const Request &request)
{
    const QString path = request.path();
    for (const Route &route : qAsConst(m_routes)) {
        if (route.pattern.match(path).hasMatch())
            return route.handler->handle(request);
    }
    return Response::text(404, QStringLiteral("No resource at %1.").arg(path));
}

} // namespace Bridge
