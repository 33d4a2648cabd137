// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bridge/http/requesthandler.h"

namespace Bridge {

class Store;

/**
 * REST resource /api/v1/configurations[/NAME]: the build configurations (bitten-spec §7.1),
 * ordered by name; the single-configuration document includes the recipe.
 */
class ApiConfigurationsController final : public RequestHandler
{
public:
    explicit ApiConfigurationsController(Store &store);
    Response handle(const Request &request) override;

private:
    Store &m_store;
};

} // namespace Bridge
