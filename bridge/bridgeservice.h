// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QHostAddress>
#include <QObject>

#include "bridge/http/connection.h"
#include "bridge/protocol/protocolcontext.h"
#include "bridge/protocol/slaveauthenticator.h"
#include "core/result.h"

namespace Bridge {

class BittenProtocol;
class Router;
class Server;
class Store;
class UnixSignalWatcher;

/// How `bittern serve` runs.
struct ServiceSettings
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8080; ///< 0: any free port
    QByteArray tlsCertificate; ///< PEM; empty: plain HTTP
    QByteArray tlsKey;
    qint64 slaveTimeout = 3600;
    QString attachmentDir;
    QString publicUrl; ///< empty: from each request's Host header
    SlaveAuthenticator authenticator;
    ConnectionSettings connection;
    std::function<qint64()> clock; ///< empty: the system clock
};

/**
 * The bridge daemon: wires the HTTP server, the router (Bitten protocol at /builds and
 * /login; the web frontend's API, metrics and status pages) and the store. stop() — also on
 * SIGTERM/SIGINT once watchSignals() was called — closes the listener, lets requests in progress
 * finish, closes the store and emits stopped().
 */
class BridgeService final : public QObject
{
    Q_OBJECT
public:
    BridgeService(std::unique_ptr<Store> store, const ServiceSettings &settings,
                  QObject *parent = nullptr);
    ~BridgeService() override;
    Q_DISABLE_COPY_MOVE(BridgeService)

    Core::Result<void> start();
    /// The port listened on (the chosen one when settings.port was 0).
    quint16 port() const;
    /// "http://ADDRESS:PORT" (https with TLS).
    QString baseUrl() const;
    /// Routes SIGTERM and SIGINT to stop().
    void watchSignals();
    /// Graceful shutdown; stopped() follows.
    void stop();
    Store *store() const { return m_store.get(); }
    int connectionCount() const;
    BittenProtocol &protocol() { return *m_protocol; }

Q_SIGNALS:
    void stopped();

private:
    void handleShutdownFinished();

    std::unique_ptr<Store> m_store;
    ServiceSettings m_settings;
    std::unique_ptr<BittenProtocol> m_protocol;
    std::unique_ptr<Router> m_router;
    Server *m_server = nullptr;
    UnixSignalWatcher *m_signals = nullptr;
    bool m_stopping = false;
};

} // namespace Bridge
