// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bridge/http/request.h"
#include "bridge/http/response.h"
#include "bridge/protocol/protocolcontext.h"
#include "bridge/protocol/slavesession.h"

namespace Bridge {

/**
 * `/builds/ID/steps/` (bitten-spec §5.5): stores a step result posted in recipe order and
 * answers 201 "Build step processed" with the step's Location. A body that is not XML gets
 * 400 "XML parser error"; the store's rules give 404, 409 and 403. Bittern agents also post
 * a preempted step here, with its own content type (preempted()).
 */
class StepsController
{
public:
    /// Content type of Bittern's preempted-step report (docs/PROTOCOL.md "Preemption").
    static constexpr const char *preemptedContentType = "application/x-bittern-preempted+xml";

    explicit StepsController(ProtocolContext &context) : m_context(context) { }
    Response handle(const Request &request, qint64 build, const SlaveSession &session);

private:
    /// `<preempted step="ID" reason="…"/>`: the build goes back to the queue with its
    /// finished steps kept (Store::preemptBuild); 200 "Build step preempted; build requeued".
    Response preempted(const Request &request, qint64 build, const SlaveSession &session);

    ProtocolContext &m_context;
};

} // namespace Bridge
