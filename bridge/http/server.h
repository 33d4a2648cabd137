// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QVector>

#include "bridge/http/connection.h"
#include "core/result.h"

namespace Bridge {

class RequestHandler;

/**
 * The bridge's HTTP/1.1 server in the Qt event loop: accepts TCP connections (TLS with
 * QSslSocket when a certificate and key are set) and gives each to a Connection that parses
 * requests with libhttp-parser and calls the handler. shutdown() stops accepting, lets the
 * requests in progress finish and emits shutdownFinished() when the last connection closed.
 */
class Server final : public QTcpServer
{
    Q_OBJECT
public:
    explicit Server(RequestHandler &handler, const ConnectionSettings &settings = {},
                    QObject *parent = nullptr);
    ~Server() override;
    Q_DISABLE_COPY_MOVE(Server)

    /// Serves HTTPS with this PEM certificate (chain) and private key, read by the caller.
    Core::Result<void> setTls(const QByteArray &certificatePem, const QByteArray &keyPem);
    bool isTls() const { return !m_certificates.isEmpty(); }
    /// Starts listening; an error names the address and the cause.
    Core::Result<void> start(const QHostAddress &address, quint16 port);
    /// Stops accepting and drains the open connections.
    void shutdown();
    int connectionCount() const { return m_connections.size(); }

Q_SIGNALS:
    /// After shutdown(), once every connection is closed.
    void shutdownFinished();

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void handleConnectionClosed(Connection *connection);

    RequestHandler &m_handler;
    ConnectionSettings m_settings;
    QList<QSslCertificate> m_certificates;
    QSslKey m_key;
    QVector<Connection *> m_connections;
    bool m_shuttingDown = false;
};

} // namespace Bridge
