// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include "bridge/http/request.h"
#include "bridge/http/response.h"
#include "core/error.h"
#include "core/result.h"

/**
 * Shared request and response helpers of the REST API controllers: JSON responses, the error
 * document {"error": MESSAGE, "status": CODE}, paging parameters and path segments. Pure.
 */
namespace Bridge::ApiReply {

/// limit/offset of a list request.
struct Paging
{
    qint64 offset = 0;
    qint64 limit = 50;
};
constexpr qint64 maxLimit = 500;

/// An application/json response of @p body.
Response json(int status, const QJsonObject &body);
/// The error document with @p status.
Response error(int status, const QString &message);
/// The error document for a store error (NotFound → 404, InvalidInput/InvalidArgument → 400,
/// Conflict → 409, Unsupported → 501, anything else → 500).
Response storeError(const Core::Error &error);
/// {"items": …, "total": …, "offset": …, "limit": …}.
Response list(const QJsonArray &items, qint64 total, const Paging &paging);
/// Items [offset, offset + limit) of an in-memory list as a list response.
Response pagedList(const QJsonArray &all, const Paging &paging);
/// The limit and offset query parameters; 400-worthy InvalidInput error when malformed.
Core::Result<Paging> paging(const Request &request);
/// The decoded path after "/api/v1/", split at '/' ("builds/3/steps" → builds, 3, steps).
QStringList segments(const Request &request);
/// A positive integer id from a path segment, or 0.
qint64 idFrom(const QString &segment);

} // namespace Bridge::ApiReply
