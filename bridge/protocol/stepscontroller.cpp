// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/protocol/stepscontroller.h"

#include <QUrl>

#include "bridge/store/store.h"
#include "core/stepresultreader.h"

namespace Bridge {

Response StepsController::handle(const Request &request, qint64 build, const SlaveSession &session)
{
    if (request.method != "POST") {
        return Response::text(
                405,
                QStringLiteral("Method %1 not allowed").arg(QString::fromLatin1(request.method)));
    }
    auto result = Core::StepResultReader::read(request.body);
    if (!result) {
        switch (result.error().code) {
        case Core::ErrorCode::ParseFailed:
            return Response::text(400, QStringLiteral("XML parser error"));
        case Core::ErrorCode::LimitExceeded:
            return Response::text(413, result.error().message);
        default:
            return Response::text(500, result.error().message);
        }
    }
    auto outcome = m_context.store->storeStepResult(build, session.token(), result.value(),
                                                    m_context.now());
    if (!outcome)
        return ProtocolContext::errorResponse(outcome.error());
    Response response = Response::text(201, QStringLiteral("Build step processed"));
    const QString step = QString::fromLatin1(QUrl::toPercentEncoding(result.value().step));
    response.setHeader(
            "Location",
            m_context
                    .absoluteUrl(request,
                                 QStringLiteral("/builds/%1/steps/%2").arg(build).arg(step))
                    .toUtf8());
    return response;
}

} // namespace Bridge
