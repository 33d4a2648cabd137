// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/protocol/stepscontroller.h"

#include <QUrl>
#include <QXmlStreamReader>

#include "bridge/logging.h"
#include "bridge/protocol/vacaterequest.h"
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
    if (request.header("Content-Type").startsWith(preemptedContentType))
        return preempted(request, build, session);
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
    VacateRequest::apply(m_context, build, &response);
    return response;
}

Response StepsController::preempted(const Request &request, qint64 build,
                                    const SlaveSession &session)
{
    QXmlStreamReader xml(request.body);
    while (!xml.atEnd() && !xml.isStartElement())
        xml.readNext();
    if (xml.hasError() || xml.name() != QLatin1String("preempted"))
        return Response::text(400, QStringLiteral("XML parser error"));
    const QString step = xml.attributes().value(QLatin1String("step")).toString();
    const QString reason = xml.attributes().value(QLatin1String("reason")).toString();
    auto count = m_context.store->preemptBuild(build, session.token(), step);
    if (!count)
        return ProtocolContext::errorResponse(count.error());
    qCInfo(lcBridgeProtocol, "Build %lld was preempted at step %s (%s); requeued (%d times now).",
           build, qUtf8Printable(step), qUtf8Printable(reason), count.value());
    return Response::text(200, QStringLiteral("Build step preempted; build requeued"));
}

} // namespace Bridge
