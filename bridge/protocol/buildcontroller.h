// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bridge/http/request.h"
#include "bridge/http/response.h"
#include "bridge/protocol/protocolcontext.h"
#include "bridge/protocol/slavesession.h"

namespace Bridge {

/**
 * `/builds/ID` (bitten-spec §5.4, §5.8): GET starts the build and answers with the recipe in
 * the master's form (RecipeWriter::masterForm) as an attachment; DELETE puts the build back in
 * the queue (204); other methods 405 "Method M not allowed".
 */
class BuildController
{
public:
    explicit BuildController(ProtocolContext &context) : m_context(context) { }
    Response handle(const Request &request, qint64 build, const SlaveSession &session);

private:
    Response start(qint64 build, const SlaveSession &session);
    Response cancel(qint64 build, const SlaveSession &session);

    ProtocolContext &m_context;
};

} // namespace Bridge
