// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/api/apistepscontroller.h"

#include "bridge/api/apijson.h"
#include "bridge/api/apireply.h"
#include "bridge/store/store.h"

namespace Bridge {

ApiStepsController::ApiStepsController(Store &store) : m_store(store) { }

Response ApiStepsController::handle(const Request &request)
{
    const Core::Result<ApiReply::Paging> paging = ApiReply::paging(request);
    if (!paging)
        return ApiReply::storeError(paging.error());
    const Core::Result<BuildDetail> detail
            = m_store.buildDetail(ApiReply::idFrom(ApiReply::segments(request).value(1)));
    if (!detail)
        return ApiReply::storeError(detail.error());
    QJsonArray items;
    for (const BuildStep &step : detail.value().steps)
        items.append(ApiJson::step(step, detail.value().errors));
    return ApiReply::pagedList(items, paging.value());
}

} // namespace Bridge
