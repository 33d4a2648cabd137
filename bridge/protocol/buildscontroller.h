// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include "bridge/http/request.h"
#include "bridge/http/response.h"
#include "bridge/protocol/protocolcontext.h"
#include "bridge/protocol/slavesession.h"
#include "core/classad.h"

namespace Bridge {

/**
 * `/builds` (bitten-spec §5.3): a slave's registration and build request. Anything but POST
 * gets Bitten's 200 "Only POST allowed for build creation."; a POST populates the queue,
 * reads the `<slave>` body (with a Bittern agent's machine ad, Core::MachineAdXml), checks the
 * protocol version, lets the MatchService reset orphaned builds (§5.9) and pick the build both
 * sides accept (issue 8; §7.3 for plain Bitten slaves), and answers 201 with the build's
 * Location, or 204.
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
    /// The matchmaker's choice (issue 8; bitten-spec §7.3 for plain Bitten slaves, whose
    /// platform rules match case-insensitively as 0.6.1).
    Core::Result<std::optional<Build>> assign(const SlaveInfo &slave,
                                              const std::optional<Core::ClassAd> &machineAd);

    ProtocolContext &m_context;
};

} // namespace Bridge
