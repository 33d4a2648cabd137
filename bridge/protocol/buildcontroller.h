// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bridge/http/request.h"
#include "bridge/http/response.h"
#include "bridge/protocol/protocolcontext.h"
#include "bridge/protocol/slavesession.h"
#include "bridge/store/store.h"

namespace Bridge {

/**
 * `/builds/ID` (bitten-spec §5.4, §5.8): GET starts the build and answers with the recipe in
 * the master's form (RecipeWriter::masterForm) as an attachment; DELETE puts the build back in
 * the queue (204); other methods 405 "Method M not allowed". A build that was preempted
 * resumes at its first unfinished step (RecipeResume).
 */
class BuildController
{
public:
    /// The response header by which the recipe tells a Bittern agent that this master takes
    /// preempted steps (docs/PROTOCOL.md "Preemption"); a Bitten master never sends it.
    static constexpr const char *preemptionHeader = "X-Bittern-Preemption";

    explicit BuildController(ProtocolContext &context) : m_context(context) { }
    Response handle(const Request &request, qint64 build, const SlaveSession &session);

private:
    Response start(qint64 build, const SlaveSession &session);
    /// A preempted build resumes: its finished steps, setup steps excepted, are left out of
    /// @p masterForm, and its first unfinished step is now in progress.
    Core::Result<QByteArray> resumedForm(const Store::BuildStart &start,
                                         const SlaveSession &session, const QByteArray &masterForm);
    Response cancel(qint64 build, const SlaveSession &session);

    ProtocolContext &m_context;
};

} // namespace Bridge
