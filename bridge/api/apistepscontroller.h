// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bridge/http/requesthandler.h"

namespace Bridge {

class Store;

/**
 * REST resource /api/v1/builds/ID/steps: the steps of a build in recipe order, each with
 * its status, times, duration and error messages.
 */
class ApiStepsController final : public RequestHandler
{
public:
    explicit ApiStepsController(Store &store);
    Response handle(const Request &request) override;

private:
    Store &m_store;
};

} // namespace Bridge
