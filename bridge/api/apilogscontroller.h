// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bridge/http/requesthandler.h"

namespace Bridge {

class Store;

/**
 * REST resources /api/v1/builds/ID/logs (the log records of a build) and
 * /api/v1/logs/ID (one log's messages, paged by ?offset= and ?limit= lines).
 */
class ApiLogsController final : public RequestHandler
{
public:
    explicit ApiLogsController(Store &store);
    Response handle(const Request &request) override;

private:
    Store &m_store;
};

} // namespace Bridge
