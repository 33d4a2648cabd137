// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/protocol/protocolcontext.h"

#include <QDateTime>

namespace Bridge {

qint64 ProtocolContext::now() const
{
    return clock ? clock() : QDateTime::currentSecsSinceEpoch();
}

QString ProtocolContext::absoluteUrl(const Request &request, const QString &path) const
{
    if (!publicUrl.isEmpty())
        return publicUrl + path;
    QString host = QString::fromLatin1(request.header("Host"));
    if (host.isEmpty())
        host = QStringLiteral("localhost");
    return (request.secure ? QStringLiteral("https://") : QStringLiteral("http://")) + host + path;
}

Response ProtocolContext::errorResponse(const Core::Error &error)
{
    switch (error.code) {
    case Core::ErrorCode::NotFound:
        return Response::text(404, error.message);
    case Core::ErrorCode::Conflict:
        return Response::text(409, error.message);
    case Core::ErrorCode::InvalidInput:
        return Response::text(403, error.message);
    default:
        return Response::text(500, error.message);
    }
}

} // namespace Bridge
