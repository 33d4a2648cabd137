// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/protocol/keepalivecontroller.h"

#include "bridge/protocol/vacaterequest.h"
#include "bridge/store/store.h"

namespace Bridge {

Response KeepaliveController::handle(const Request &request, qint64 build,
                                     const SlaveSession &session)
{
    if (request.method != "POST") {
        return Response::text(
                405,
                QStringLiteral("Method %1 not allowed").arg(QString::fromLatin1(request.method)));
    }
    auto done = m_context.store->keepalive(build, session.token(), m_context.now());
    if (!done)
        return ProtocolContext::errorResponse(done.error());
    Response response = Response::text(200, QStringLiteral("Keepalive processed"));
    VacateRequest::apply(m_context, build, &response); // preemption (issue 8 item 5)
    return response;
}

} // namespace Bridge
