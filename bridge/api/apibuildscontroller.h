// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bridge/http/requesthandler.h"

namespace Bridge {

class Store;

/**
 * REST resource /api/v1/builds[/ID]: builds newest first, filtered by ?config=, ?platform=
 * and ?status= (comma-separated names), paged; DELETE /api/v1/builds/ID invalidates a build
 * (back to pending, results deleted) like Bitten's admin action.
 */
class ApiBuildsController final : public RequestHandler
{
public:
    explicit ApiBuildsController(Store &store);
    Response handle(const Request &request) override;

private:
    Store &m_store;
};

} // namespace Bridge
