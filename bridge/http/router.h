// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRegularExpression>
#include <QVector>

#include "bridge/http/requesthandler.h"

namespace Bridge {

/**
 * Sends each request to the first handler whose path pattern matches the request path;
 * 404 "No resource at PATH." when none does. Does not own the handlers.
 */
class Router final : public RequestHandler
{
public:
    /// @p pattern is matched against the whole decoded path (anchor it yourself).
    void addRoute(const QString &pattern, RequestHandler *handler);
    Response handle(const Request &request) override;

private:
    struct Route
    {
        QRegularExpression pattern;
        RequestHandler *handler = nullptr;
    };
    QVector<Route> m_routes;
};

} // namespace Bridge
