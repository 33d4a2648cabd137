// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bridge/http/request.h"
#include "bridge/http/response.h"
#include "bridge/protocol/protocolcontext.h"
#include "bridge/protocol/slavesession.h"

namespace Bridge {

/**
 * `/builds` (bitten-spec §5.3): a slave's registration and build request. Anything but POST
 * gets Bitten's 200 "Only POST allowed for build creation."; a POST populates the queue,
 * resets orphaned builds (§5.9), reads the `<slave>` body, checks the protocol version and
 * answers 201 with the build's Location, or 204 when no build matches.
 */
class BuildsController
{
public:
    explicit BuildsController(ProtocolContext &context) : m_context(context) { }
    Response handle(const Request &request, const SlaveSession &session);

    /// The slave's properties in the order Bitten stores them (name, ipnr, token, machine,
    /// processor, os, family, version, then package options sorted).
    static SlaveInfo slaveInfo(const QString &name, const QHash<QString, QString> &properties,
                               const QString &token);

private:
    void resetOrphans();

    ProtocolContext &m_context;
};

} // namespace Bridge
