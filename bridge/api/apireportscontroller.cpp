// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/api/apireportscontroller.h"

#include "bridge/api/apijson.h"
#include "bridge/api/apireply.h"
#include "bridge/store/store.h"

namespace Bridge {

ApiReportsController::ApiReportsController(Store &store) : m_store(store) { }

Response ApiReportsController::handle(const Request &request)
{
    const Core::Result<ApiReply::Paging> paging = ApiReply::paging(request);
    if (!paging)
        return ApiReply::storeError(paging.error());
    const Core::Result<BuildDetail> detail
            = m_store.buildDetail(ApiReply::idFrom(ApiReply::segments(request).value(1)));
    if (!detail)
        return ApiReply::storeError(detail.error());
    const QString category = request.queryValue(QStringLiteral("category"));
    QJsonArray items;
    for (const ReportRecord &report : detail.value().reports) {
        if (category.isEmpty() || report.category == category)
            items.append(ApiJson::report(report));
    }
    return ApiReply::pagedList(items, paging.value());
}

} // namespace Bridge
