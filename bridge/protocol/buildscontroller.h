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
 * reads the `<slave>` body, checks the protocol version, lets the scheduler reset orphaned
 * builds (§5.9) and pick one (§7.3), and answers 201 with the build's Location, or 204.
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
    /// The scheduler's choice (bitten-spec §7.3), rules matched case-insensitively as 0.6.1.
    Core::Result<std::optional<Build>> assign(const SlaveInfo &slave);

    ProtocolContext &m_context;
};

} // namespace Bridge
