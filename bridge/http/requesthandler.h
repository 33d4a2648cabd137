// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bridge/http/request.h"
#include "bridge/http/response.h"

namespace Bridge {

/**
 * What the HTTP server calls for each complete request: a synchronous (Request) → Response
 * function (HOUSE-STYLE rule 24). Controllers and the router implement it; tests fake it.
 */
class RequestHandler
{
public:
    virtual ~RequestHandler() = default;
    virtual Response handle(const Request &request) = 0;
};

} // namespace Bridge
