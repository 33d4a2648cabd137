// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/api/apibuildrequestscontroller.h"

#include <QJsonDocument>
#include <QUuid>

#include "bridge/api/apijson.h"
#include "bridge/api/apireply.h"
#include "bridge/store/store.h"

namespace Bridge {

namespace {

Core::Result<BuildRequest> parseBody(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject())
        return Core::makeError(Core::ErrorCode::InvalidInput,
                               QStringLiteral("The build request body is not a JSON object: %1.")
                                       .arg(parseError.error == QJsonParseError::NoError
                                                    ? QStringLiteral("found another JSON value")
                                                    : parseError.errorString()));
    const QJsonObject object = document.object();
    BuildRequest request;
    request.config = object.value(QStringLiteral("config")).toString();
    request.revision = object.value(QStringLiteral("revision")).toString();
    request.revisionTime = qint64(object.value(QStringLiteral("revision_time")).toDouble());
    request.requestId = object.value(QStringLiteral("request_id")).toString();
    if (request.config.isEmpty() || request.revision.isEmpty())
        return Core::makeError(Core::ErrorCode::InvalidInput,
                               QStringLiteral("The build request needs the string fields "
                                              "'config' and 'revision'."));
    return request;
}

} // namespace

ApiBuildRequestsController::ApiBuildRequestsController(Store &store, std::function<qint64()> clock)
    : m_store(store), m_clock(std::move(clock))
{ }

Response ApiBuildRequestsController::handle(const Request &request)
{
    if (request.method == "POST")
        return create(request);
    const Core::Result<ApiReply::Paging> paging = ApiReply::paging(request);
    if (!paging)
        return ApiReply::storeError(paging.error());
    const Core::Result<QVector<BuildRequest>> requests
            = m_store.buildRequests(paging.value().offset, paging.value().limit);
    if (!requests)
        return ApiReply::storeError(requests.error());
    QJsonArray items;
    for (const BuildRequest &stored : requests.value())
        items.append(ApiJson::buildRequest(stored));
    return ApiReply::json(200,
                          QJsonObject{{QStringLiteral("items"), items},
                                      {QStringLiteral("offset"), paging.value().offset},
                                      {QStringLiteral("limit"), paging.value().limit}});
}

Response ApiBuildRequestsController::create(const Request &request)
{
    Core::Result<BuildRequest> wanted = parseBody(request.body);
    if (!wanted)
        return ApiReply::storeError(wanted.error());
    BuildRequest &buildRequest = wanted.value();
    const QByteArray key = request.header(QByteArrayLiteral("Idempotency-Key"));
    if (buildRequest.requestId.isEmpty() && !key.isEmpty())
        buildRequest.requestId = QString::fromUtf8(key);
    if (buildRequest.requestId.isEmpty())
        buildRequest.requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    buildRequest.created = m_clock();
    if (buildRequest.revisionTime <= 0)
        buildRequest.revisionTime = buildRequest.created;
    const Core::Result<BuildRequest> stored = m_store.requestBuild(buildRequest);
    if (!stored)
        return ApiReply::storeError(stored.error());
    if (stored.value().builds.isEmpty())
        return ApiReply::error(409,
                               QStringLiteral("Configuration '%1' has no target platforms; "
                                              "no build was queued.")
                                       .arg(buildRequest.config));
    if (m_queued)
        m_queued();
    return ApiReply::json(202, ApiJson::buildRequest(stored.value()));
}

} // namespace Bridge
