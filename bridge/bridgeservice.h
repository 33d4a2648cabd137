// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <optional>

#include <QHostAddress>
#include <QObject>

#include "bridge/api/tokentable.h"
#include "bridge/http/connection.h"
#include "bridge/protocol/protocolcontext.h"
#include "bridge/protocol/slaveauthenticator.h"
#include "core/result.h"

namespace Bridge {

class BittenProtocol;
class MatchService;
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
    TokenTable apiTokens; ///< REST API bearer tokens; empty: every API request answers 401
    qint64 pollInterval = 60; ///< seconds between queue populations on slave polls (§7.2)
    qint64 matchInterval = 30; ///< seconds between full matchmaking passes; 0: none (issue 8)
    /// Rank preemption margin (MatchServiceSettings::preemptRankMargin); unset: never
    std::optional<double> preemptRankMargin;
    qint64 agentIdleTimeout = 600; ///< an idle agent unseen this long leaves the matchmaker
    QString repository; ///< git:URL|svn:URL|hg:URL polled for new revisions; empty: none
    bool buildAll = false; ///< [bitten] build_all: queue and keep older revisions too
    qint64 stabilizeWait = 0; ///< [bitten] stabilize_wait: seconds a changeset ages before queueing
    ConnectionSettings connection;
    std::function<qint64()> clock; ///< empty: the system clock
};

/**
 * The bridge daemon: wires the HTTP server, the router (Bitten protocol at /builds and
 * /login; the web frontend's API, metrics and status pages) and the store. stop() — also on
 * SIGTERM/SIGINT once watchSignals() was called — closes the listener, lets requests in progress
 * finish, closes the store and emits stopped(). With settings.repository, slave polls fill the
 * queue from that repository (rate-limited by settings.pollInterval).
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
    /// §7.2 on a slave poll: queues new revisions of settings.repository, at most once per
    /// settings.pollInterval seconds.
    void populateQueue();
    /// Builds were queued through the REST API: the matchmaker reserves them (issue 8).
    void buildsQueued();

    std::unique_ptr<Store> m_store;
    ServiceSettings m_settings;
    MatchService *m_match = nullptr; ///< issue 8: matches polls, runs the periodic pass
    std::unique_ptr<BittenProtocol> m_protocol;
    std::unique_ptr<Router> m_router;
    Server *m_server = nullptr;
    UnixSignalWatcher *m_signals = nullptr;
    bool m_stopping = false;
    std::optional<qint64> m_lastPopulation; ///< master time of the last queue population
};

} // namespace Bridge
