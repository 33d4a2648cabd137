// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include "bridge/http/requesthandler.h"

namespace Bridge {

class Store;

/**
 * REST resource /api/v1/build-requests: POST (also accepted as POST /api/v1/builds) asks for a
 * build of {"config", "revision", optional "revision_time" and "request_id"} on every platform
 * of the configuration through Store::requestBuild() and answers 202 with the request and its
 * build ids. A request_id (or Idempotency-Key header) seen before returns the stored request;
 * without one the bridge assigns a UUID. GET lists requests newest first.
 */
class ApiBuildRequestsController final : public RequestHandler
{
public:
    /// @p clock gives the current Unix time (tests pass a fixed one).
    ApiBuildRequestsController(Store &store, std::function<qint64()> clock);
    Response handle(const Request &request) override;
    /// Called after builds were queued (the bridge's matchmaker reserves them; issue 8).
    void setQueuedHook(std::function<void()> hook) { m_queued = std::move(hook); }

private:
    Response create(const Request &request);

    Store &m_store;
    std::function<qint64()> m_clock;
    std::function<void()> m_queued;
};

} // namespace Bridge
