// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bridge/http/requesthandler.h"

namespace Bridge {

class Store;

/**
 * REST resource /api/v1/platforms[/ID] (filter ?config=) and
 * /api/v1/configurations/NAME/platforms: target platforms with their rules.
 */
class ApiPlatformsController final : public RequestHandler
{
public:
    explicit ApiPlatformsController(Store &store);
    Response handle(const Request &request) override;

private:
    Store &m_store;
};

} // namespace Bridge
