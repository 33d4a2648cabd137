// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/api/apilogscontroller.h"

#include "bridge/api/apijson.h"
#include "bridge/api/apireply.h"
#include "bridge/store/store.h"

namespace Bridge {

ApiLogsController::ApiLogsController(Store &store) : m_store(store) { }

Response ApiLogsController::handle(const Request &request)
{
    const QStringList path = ApiReply::segments(request);
    const Core::Result<ApiReply::Paging> paging = ApiReply::paging(request);
    if (!paging)
        return ApiReply::storeError(paging.error());
    if (path.value(0) == QLatin1String("logs")) {
        const qint64 id = ApiReply::idFrom(path.value(1));
        const Core::Result<LogRecord> record = m_store.logRecord(id);
        if (!record)
            return ApiReply::storeError(record.error());
        const Core::Result<QVector<Core::LogMessage>> messages
                = m_store.logMessages(id, paging.value().offset, paging.value().limit);
        if (!messages)
            return ApiReply::storeError(messages.error());
        QJsonArray items;
        for (const Core::LogMessage &message : messages.value())
            items.append(ApiJson::logMessage(message));
        return ApiReply::json(200,
                              QJsonObject{{QStringLiteral("log"), ApiJson::log(record.value())},
                                          {QStringLiteral("offset"), paging.value().offset},
                                          {QStringLiteral("limit"), paging.value().limit},
                                          {QStringLiteral("messages"), items}});
    }
    const Core::Result<BuildDetail> detail = m_store.buildDetail(ApiReply::idFrom(path.value(1)));
    if (!detail)
        return ApiReply::storeError(detail.error());
    QJsonArray items;
    for (const LogRecord &log : detail.value().logs)
        items.append(ApiJson::log(log));
    return ApiReply::pagedList(items, paging.value());
}

} // namespace Bridge
