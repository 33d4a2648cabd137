// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

#include "bridge/http/requestparser.h"

class QTcpSocket;

namespace Bridge {

class RequestHandler;

/// Per-connection bounds of the server.
struct ConnectionSettings
{
    RequestLimits limits;
    int idleTimeoutMs = 60 * 1000; ///< an open connection with no request in progress
    int requestTimeoutMs = 30 * 1000; ///< from a request's first byte to its last → 408
    int maxConnections = 1000; ///< the server answers 503 and closes beyond this many
};

/**
 * One client connection: reads bytes into a RequestParser, hands each complete request to the
 * handler and writes the response; keeps the connection alive between requests (pipelined
 * requests are answered in order), closes it after an error, on Connection: close, when idle
 * too long, and answers 408 to a request that takes longer than requestTimeoutMs to arrive.
 * drain() makes it finish the request in progress and close.
 */
class Connection final : public QObject
{
    Q_OBJECT
public:
    /// Takes ownership of @p socket, which is connected (and for TLS, encrypting).
    Connection(QTcpSocket *socket, RequestHandler &handler, const ConnectionSettings &settings,
               QObject *parent = nullptr);
    ~Connection() override;
    Q_DISABLE_COPY_MOVE(Connection)

    /// Graceful shutdown: no new requests; the one in progress is answered, then the
    /// connection closes.
    void drain();
    bool isSecure() const { return m_secure; }

Q_SIGNALS:
    /// The connection is closed; the server deletes it.
    void closed();

private:
    void handleReadyRead();
    void handleBytesWritten();
    void handleIdleTimeout();
    void handleRequestTimeout();
    void handleDisconnected();
    void processBuffer();
    void respond(const Request &request);
    void sendErrorAndClose(int status, const QString &message);
    void closeWhenWritten();
    void updateTimers();

    QTcpSocket *m_socket;
    RequestHandler &m_handler;
    ConnectionSettings m_settings;
    RequestParser m_parser;
    QByteArray m_buffer;
    QTimer m_idleTimer;
    QTimer m_requestTimer;
    bool m_secure = false;
    bool m_draining = false;
    bool m_closing = false;
    bool m_closedEmitted = false;
};

} // namespace Bridge
