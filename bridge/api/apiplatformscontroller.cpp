// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/api/apiplatformscontroller.h"

#include "bridge/api/apijson.h"
#include "bridge/api/apireply.h"
#include "bridge/store/store.h"

namespace Bridge {

ApiPlatformsController::ApiPlatformsController(Store &store) : m_store(store) { }

Response ApiPlatformsController::handle(const Request &request)
{
    const QStringList path = ApiReply::segments(request);
    QString config = request.queryValue(QStringLiteral("config"));
    if (path.value(0) == QLatin1String("configurations")) {
        config = path.value(1);
        const Core::Result<Configuration> known = m_store.configuration(config);
        if (!known)
            return ApiReply::storeError(known.error());
    }
    const Core::Result<QVector<TargetPlatform>> platforms = m_store.platforms(config);
    if (!platforms)
        return ApiReply::storeError(platforms.error());
    if (path.value(0) == QLatin1String("platforms") && path.size() == 2) {
        const qint64 id = ApiReply::idFrom(path.at(1));
        for (const TargetPlatform &platform : platforms.value()) {
            if (platform.id == id)
                return ApiReply::json(200, ApiJson::platform(platform));
        }
        return ApiReply::error(404, QStringLiteral("No such platform (%1).").arg(path.at(1)));
    }
    const Core::Result<ApiReply::Paging> paging = ApiReply::paging(request);
    if (!paging)
        return ApiReply::storeError(paging.error());
    QJsonArray items;
    for (const TargetPlatform &platform : platforms.value())
        items.append(ApiJson::platform(platform));
    return ApiReply::pagedList(items, paging.value());
}

} // namespace Bridge
