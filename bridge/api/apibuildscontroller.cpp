// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/api/apibuildscontroller.h"

#include "bridge/api/apijson.h"
#include "bridge/api/apireply.h"
#include "bridge/store/store.h"

namespace Bridge {

namespace {

Core::Result<BuildQuery> buildQuery(const Request &request)
{
    const Core::Result<ApiReply::Paging> paging = ApiReply::paging(request);
    if (!paging)
        return paging.error();
    BuildQuery query;
    query.offset = paging.value().offset;
    query.limit = paging.value().limit;
    query.config = request.queryValue(QStringLiteral("config"));
    const QString platform = request.queryValue(QStringLiteral("platform"));
    if (!platform.isEmpty()) {
        query.platform = ApiReply::idFrom(platform);
        if (query.platform == 0)
            return Core::makeError(Core::ErrorCode::InvalidInput,
                                   QStringLiteral("Query parameter 'platform' must be a platform "
                                                  "id."));
    }
    const QStringList names = request.queryValue(QStringLiteral("status"))
                                      .split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &name : names) {
        const std::optional<BuildStatus> status = ApiJson::buildStatusFromName(name);
        if (!status)
            return Core::makeError(Core::ErrorCode::InvalidInput,
                                   QStringLiteral("Unknown build status '%1'; expected pending, "
                                                  "in_progress, success or failure.")
                                           .arg(name));
        query.statuses += *status;
    }
    return query;
}

} // namespace

ApiBuildsController::ApiBuildsController(Store &store) : m_store(store) { }

Response ApiBuildsController::handle(const Request &request)
{
    const QStringList path = ApiReply::segments(request);
    if (path.size() == 2) {
        const qint64 id = ApiReply::idFrom(path.at(1));
        if (request.method == "DELETE") {
            const Core::Result<QStringList> cancelled = m_store.cancelBuild(id, QString());
            if (!cancelled)
                return ApiReply::storeError(cancelled.error());
            return Response::empty(204);
        }
        const Core::Result<Build> build = m_store.build(id);
        if (!build)
            return ApiReply::storeError(build.error());
        return ApiReply::json(200, ApiJson::build(build.value()));
    }
    const Core::Result<BuildQuery> query = buildQuery(request);
    if (!query)
        return ApiReply::storeError(query.error());
    const Core::Result<BuildPage> page = m_store.builds(query.value());
    if (!page)
        return ApiReply::storeError(page.error());
    QJsonArray items;
    for (const Build &build : page.value().builds)
        items.append(ApiJson::build(build));
    return ApiReply::list(items, page.value().total,
                          ApiReply::Paging{query.value().offset, query.value().limit});
}

} // namespace Bridge
