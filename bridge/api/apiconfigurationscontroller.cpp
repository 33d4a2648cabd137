// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/api/apiconfigurationscontroller.h"

#include "bridge/api/apijson.h"
#include "bridge/api/apireply.h"
#include "bridge/store/store.h"

namespace Bridge {

ApiConfigurationsController::ApiConfigurationsController(Store &store) : m_store(store) { }

Response ApiConfigurationsController::handle(const Request &request)
{
    const QStringList path = ApiReply::segments(request);
    if (path.size() == 2) {
        const Core::Result<Configuration> config = m_store.configuration(path.at(1));
        if (!config)
            return ApiReply::storeError(config.error());
        return ApiReply::json(
                200, ApiJson::configuration(config.value(), ApiJson::RecipeField::Include));
    }
    const Core::Result<ApiReply::Paging> paging = ApiReply::paging(request);
    if (!paging)
        return ApiReply::storeError(paging.error());
    const Core::Result<QVector<Configuration>> configs = m_store.configurations();
    if (!configs)
        return ApiReply::storeError(configs.error());
    QJsonArray items;
    for (const Configuration &config : configs.value())
        items.append(ApiJson::configuration(config));
    return ApiReply::pagedList(items, paging.value());
}

} // namespace Bridge
