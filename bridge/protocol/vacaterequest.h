// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include "bridge/http/response.h"
#include "bridge/protocol/protocolcontext.h"

namespace Bridge {

/**
 * The master's side of a vacate request (docs/PROTOCOL.md "Preemption"): when
 * ProtocolContext::vacateCheck names a reason for a build, the answer to its agent's keepalive
 * or step post carries `X-Bittern-Vacate: REASON`, and a Bittern agent then stops the running
 * step and posts it as preempted. A Bitten slave ignores the header.
 */
class VacateRequest
{
public:
    static constexpr const char *header = "X-Bittern-Vacate";
    /// Adds the header to @p response when the context asks to vacate @p build.
    static void apply(const ProtocolContext &context, qint64 build, Response *response);
};

} // namespace Bridge
