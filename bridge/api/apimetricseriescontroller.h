// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bridge/http/requesthandler.h"

namespace Bridge {

class Store;

/**
 * REST resource /api/v1/configurations/NAME/metrics: test, coverage and lint totals of every
 * finished build of a configuration, oldest first (the data behind the trend charts).
 */
class ApiMetricSeriesController final : public RequestHandler
{
public:
    explicit ApiMetricSeriesController(Store &store);
    Response handle(const Request &request) override;

private:
    Store &m_store;
};

} // namespace Bridge
