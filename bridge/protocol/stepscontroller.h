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
 * 400 "XML parser error"; the store's rules give 404, 409 and 403.
 */
class StepsController
{
public:
    explicit StepsController(ProtocolContext &context) : m_context(context) { }
    Response handle(const Request &request, qint64 build, const SlaveSession &session);

private:
    ProtocolContext &m_context;
};

} // namespace Bridge
