// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/api/apiagentscontroller.h"

#include "bridge/api/apijson.h"
#include "bridge/api/apireply.h"
#include "bridge/store/store.h"

namespace Bridge {

ApiAgentsController::ApiAgentsController(Store &store) : m_store(store) { }

Response ApiAgentsController::handle(const Request &request)
{
    const Core::Result<ApiReply::Paging> paging = ApiReply::paging(request);
    if (!paging)
        return ApiReply::storeError(paging.error());
    const Core::Result<QVector<Agent>> agents = m_store.agents();
    if (!agents)
        return ApiReply::storeError(agents.error());
    QJsonArray items;
    for (const Agent &agent : agents.value())
        items.append(ApiJson::agent(agent));
    return ApiReply::pagedList(items, paging.value());
}

} // namespace Bridge
