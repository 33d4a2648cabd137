// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QPair>
#include <QString>
#include <QVector>

namespace Bridge {

/**
 * One parsed HTTP/1.x request as the handlers see it: method, target, headers in arrival
 * order (names case-insensitive), the whole body (de-chunked) and the peer's address.
 */
struct Request
{
    QByteArray method; ///< "GET", "POST", …
    QByteArray target; ///< the request target as sent ("/builds/1?x=y")
    int httpMajor = 1;
    int httpMinor = 1;
    QVector<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool keepAlive = true; ///< what the client asked for (HTTP version + Connection header)
    QHostAddress peerAddress;
    bool secure = false; ///< came over TLS

    /// The first header of that name (case-insensitive), or an empty array.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    /// The target's path, percent-decoded.
    QString path() const;
    /// The raw query string (after '?'), empty when none.
    QByteArray query() const;
    /// A query parameter, percent-decoded ('+' as space); empty when absent.
    QString queryValue(const QString &name) const;
    /// The value of a cookie from the Cookie headers, or an empty array.
    QByteArray cookie(const QByteArray &name) const;
};

} // namespace Bridge
