// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bridge/http/requesthandler.h"

namespace Bridge {

class Store;

/**
 * REST resource /api/v1/agents: the agents (bittern-agent, bitten-slave) the bridge has seen.
 */
class ApiAgentsController final : public RequestHandler
{
public:
    explicit ApiAgentsController(Store &store);
    Response handle(const Request &request) override;

private:
    Store &m_store;
};

} // namespace Bridge
