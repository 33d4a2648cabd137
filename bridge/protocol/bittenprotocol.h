// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bridge/http/requesthandler.h"
#include "bridge/protocol/attachcontroller.h"
#include "bridge/protocol/buildcontroller.h"
#include "bridge/protocol/buildscontroller.h"
#include "bridge/protocol/keepalivecontroller.h"
#include "bridge/protocol/protocolcontext.h"
#include "bridge/protocol/slaveauthenticator.h"
#include "bridge/protocol/stepscontroller.h"

namespace Bridge {

/**
 * The Bitten master protocol v5 (bitten-spec §5) as one RequestHandler for `/builds…` and
 * `/login`: authenticates the slave, derives its session token (SlaveSession), matches the
 * URL grammar (BittenUrl) and dispatches to one controller per resource. A path outside the
 * grammar — `/builds/1/steps` without its trailing slash, say — gets 404
 * "No handler matched request to PATH", an unknown collection 404 "No such collection 'C'".
 */
class BittenProtocol final : public RequestHandler
{
public:
    BittenProtocol(const ProtocolContext &context,
                   const SlaveAuthenticator &authenticator = SlaveAuthenticator());
    Response handle(const Request &request) override;

    ProtocolContext &context() { return m_context; }

private:
    Response dispatch(const Request &request, const SlaveSession &session, const QString &user);

    ProtocolContext m_context;
    SlaveAuthenticator m_authenticator;
    BuildsController m_builds;
    BuildController m_build;
    StepsController m_steps;
    KeepaliveController m_keepalive;
    AttachController m_attach;
};

} // namespace Bridge
