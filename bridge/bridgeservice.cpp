// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/bridgeservice.h"

#include <csignal>

#include "bridge/http/router.h"
#include "bridge/http/server.h"
#include "bridge/logging.h"
#include "bridge/protocol/bittenprotocol.h"
#include "bridge/store/store.h"
#include "bridge/unixsignalwatcher.h"
#include "bridge/web/webfrontend.h" // H13

namespace Bridge {

BridgeService::BridgeService(std::unique_ptr<Store> store, const ServiceSettings &settings,
                             QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_settings(settings)
{
    ProtocolContext context;
    context.store = m_store.get();
    context.clock = m_settings.clock;
    context.slaveTimeout = m_settings.slaveTimeout;
    context.attachmentDir = m_settings.attachmentDir;
    context.publicUrl = m_settings.publicUrl;
    m_protocol = std::make_unique<BittenProtocol>(context, m_settings.authenticator);
    m_router = std::make_unique<Router>();
    m_router->addRoute(QStringLiteral("^/(builds(/.*)?|login)$"), m_protocol.get());
    // --- H13: REST API (/api/v1), Prometheus /metrics and the status pages (/, /build,
    // /build/CONFIG, /build/CONFIG/ID). They replace the placeholder BuildStatusPage mount.
    // API tokens come from the file named by $BITTERN_API_TOKENS until `bittern serve` has an
    // option for it; without tokens every API request answers 401.
    {
        Core::Result<TokenTable> tokens
                = WebFrontend::loadTokens(qEnvironmentVariable("BITTERN_API_TOKENS"));
        if (!tokens)
            qCWarning(lcBridgeHttp, "%s The REST API accepts no tokens.",
                      qPrintable(tokens.error().message));
        auto *frontend = new WebFrontend(*m_store, tokens ? tokens.value() : TokenTable(),
                                         m_settings.clock, this);
        frontend->mount(*m_router);
    }
    // --- end H13
    m_server = new Server(*m_router, m_settings.connection, this);
    connect(m_server, &Server::shutdownFinished, this, &BridgeService::handleShutdownFinished);
}

BridgeService::~BridgeService()
{
    delete m_server; // connections refer to the router and the store: go first
    m_server = nullptr;
}

Core::Result<void> BridgeService::start()
{
    if (!m_settings.tlsCertificate.isEmpty()) {
        if (auto tls = m_server->setTls(m_settings.tlsCertificate, m_settings.tlsKey); !tls)
            return tls;
    }
    return m_server->start(m_settings.address, m_settings.port);
}

quint16 BridgeService::port() const
{
    return m_server->serverPort();
}

int BridgeService::connectionCount() const
{
    return m_server->connectionCount();
}

QString BridgeService::baseUrl() const
{
    QString host = m_settings.address.toString();
    if (m_settings.address.protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return (m_server->isTls() ? QStringLiteral("https://") : QStringLiteral("http://")) + host
            + QLatin1Char(':') + QString::number(port());
}

void BridgeService::watchSignals()
{
    if (m_signals)
        return;
    m_signals = new UnixSignalWatcher({SIGTERM, SIGINT}, this);
    connect(m_signals, &UnixSignalWatcher::signalReceived, this, [this](int number) {
        qCInfo(lcBridgeHttp, "Signal %d received: shutting down.", number);
        stop();
    });
}

void BridgeService::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_server->shutdown();
}

void BridgeService::handleShutdownFinished()
{
    m_store.reset(); // closes the database cleanly (WAL checkpoint on SQLite)
    Q_EMIT stopped();
}

} // namespace Bridge
