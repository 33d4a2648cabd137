// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bridge/http/request.h"
#include "bridge/http/response.h"
#include "bridge/protocol/protocolcontext.h"
#include "bridge/protocol/slavesession.h"

namespace Bridge {

/// `/builds/ID/keepalive/` (bitten-spec §5.6): last_activity = now; 200 "Keepalive processed".
class KeepaliveController
{
public:
    explicit KeepaliveController(ProtocolContext &context) : m_context(context) { }
    Response handle(const Request &request, qint64 build, const SlaveSession &session);

private:
    ProtocolContext &m_context;
};

} // namespace Bridge
