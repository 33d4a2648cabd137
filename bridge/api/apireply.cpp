// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/api/apireply.h"

#include <limits>

#include <QJsonDocument>

namespace Bridge::ApiReply {

namespace {

Core::Result<qint64> integerParameter(const Request &request, const QString &name, qint64 fallback,
                                      qint64 minimum, qint64 maximum)
{
    const QString text = request.queryValue(name);
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < minimum || value > maximum)
        return Core::makeError(Core::ErrorCode::InvalidInput,
                               QStringLiteral("Query parameter '%1' must be an integer from %2 "
                                              "to %3.")
                                       .arg(name)
                                       .arg(minimum)
                                       .arg(maximum));
    return value;
}

} // namespace

Response json(int status, const QJsonObject &body)
{
    Response response;
    response.status = status;
    response.setHeader(QByteArrayLiteral("Content-Type"),
                       QByteArrayLiteral("application/json; charset=utf-8"));
    response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return response;
}

Response error(int status, const QString &message)
{
    return json(
            status,
            QJsonObject{{QStringLiteral("error"), message}, {QStringLiteral("status"), status}});
}

Response storeError(const Core::Error &failure)
{
    switch (failure.code) {
    case Core::ErrorCode::NotFound:
        return error(404, failure.message);
    case Core::ErrorCode::InvalidInput:
    case Core::ErrorCode::InvalidArgument:
        return error(400, failure.message);
    case Core::ErrorCode::Conflict:
        return error(409, failure.message);
    case Core::ErrorCode::Unsupported:
        return error(501, failure.message);
    default:
        return error(500, failure.message);
    }
}

Response list(const QJsonArray &items, qint64 total, const Paging &paging)
{
    return json(200,
                QJsonObject{{QStringLiteral("items"), items},
                            {QStringLiteral("total"), total},
                            {QStringLiteral("offset"), paging.offset},
                            {QStringLiteral("limit"), paging.limit}});
}

Response pagedList(const QJsonArray &all, const Paging &paging)
{
    QJsonArray page;
    for (qint64 i = paging.offset; i < all.size() && i < paging.offset + paging.limit; ++i)
        page.append(all.at(int(i)));
    return list(page, all.size(), paging);
}

Core::Result<Paging> paging(const Request &request)
{
    const Core::Result<qint64> limit
            = integerParameter(request, QStringLiteral("limit"), 50, 1, maxLimit);
    if (!limit)
        return limit.error();
    const Core::Result<qint64> offset = integerParameter(request, QStringLiteral("offset"), 0, 0,
                                                         std::numeric_limits<int>::max());
    if (!offset)
        return offset.error();
    return Paging{offset.value(), limit.value()};
}

QStringList segments(const Request &request)
{
    static const QString prefix = QStringLiteral("/api/v1/");
    const QString path = request.path();
    if (!path.startsWith(prefix))
        return {};
    return path.mid(prefix.size()).split(QLatin1Char('/'), Qt::SkipEmptyParts);
}

qint64 idFrom(const QString &segment)
{
    bool ok = false;
    const qint64 id = segment.toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}

} // namespace Bridge::ApiReply
