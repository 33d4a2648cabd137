// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QPair>
#include <QString>
#include <QVector>

namespace Bridge {

/// Whether the connection stays open after a response.
enum class ConnectionPersistence {
    KeepAlive,
    Close,
};

/**
 * An HTTP response a handler returns: status, headers and a complete body. serialize() adds
 * Content-Length (always, bitten-spec §5.1), Connection and Date.
 */
struct Response
{
    int status = 200;
    QVector<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    /// A text/plain response; the error texts of the Bitten protocol are sent this way.
    static Response text(int status, const QString &message);
    /// An empty response (204 and friends).
    static Response empty(int status);

    void setHeader(const QByteArray &name, const QByteArray &value);
    void addHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;

    /// The standard reason phrase of a status code ("Not Found").
    static QByteArray reasonPhrase(int status);
    /// Status line, headers and body, ready for the socket. The answer to a HEAD request
    /// (@p requestMethod) carries no body.
    QByteArray serialize(ConnectionPersistence persistence,
                         const QByteArray &requestMethod = QByteArrayLiteral("GET"),
                         int httpMinor = 1) const;
};

} // namespace Bridge
