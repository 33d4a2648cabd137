// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/api/apimetricseriescontroller.h"

#include "bridge/api/apijson.h"
#include "bridge/api/apireply.h"
#include "bridge/store/store.h"

namespace Bridge {

ApiMetricSeriesController::ApiMetricSeriesController(Store &store) : m_store(store) { }

Response ApiMetricSeriesController::handle(const Request &request)
{
    const QString config = ApiReply::segments(request).value(1);
    const Core::Result<Configuration> known = m_store.configuration(config);
    if (!known)
        return ApiReply::storeError(known.error());
    const Core::Result<QVector<MetricPoint>> points = m_store.metrics(config);
    if (!points)
        return ApiReply::storeError(points.error());
    QJsonArray items;
    for (const MetricPoint &point : points.value())
        items.append(ApiJson::metricPoint(point));
    return ApiReply::json(
            200,
            QJsonObject{{QStringLiteral("config"), config}, {QStringLiteral("points"), items}});
}

} // namespace Bridge
