// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/bridgeservice.h"

#include <csignal>

#include <QDateTime>

#include "bridge/http/router.h"
#include "bridge/http/server.h"
#include "bridge/logging.h"
#include "bridge/matchmaker/matchservice.h"
#include "bridge/protocol/bittenprotocol.h"
#include "bridge/scheduler/repositorypoller.h"
#include "bridge/scheduler/scheduler.h"
#include "bridge/store/store.h"
#include "bridge/unixsignalwatcher.h"
#include "bridge/web/webfrontend.h" // H13

namespace Bridge {

namespace {
/// Revisions read per configuration and poll (older ones can be queued with `bittern build`).
constexpr int historyLimit = 100;
} // namespace

BridgeService::BridgeService(std::unique_ptr<Store> store, const ServiceSettings &settings,
                             QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_settings(settings)
{
    MatchServiceSettings matching;
    matching.passInterval = m_settings.matchInterval;
    matching.idleTimeout = m_settings.agentIdleTimeout;
    matching.slaveTimeout = m_settings.slaveTimeout;
    matching.buildAll = m_settings.buildAll;
    matching.clock = m_settings.clock;
    matching.preemptRankMargin = m_settings.preemptRankMargin;
    m_match = new MatchService(*m_store, matching, this);
    ProtocolContext context;
    context.store = m_store.get();
    context.matchService = m_match;
    context.clock = m_settings.clock;
    context.slaveTimeout = m_settings.slaveTimeout;
    context.buildAll = m_settings.buildAll;
    context.attachmentDir = m_settings.attachmentDir;
    context.publicUrl = m_settings.publicUrl;
    if (m_settings.preemptRankMargin)
        context.vacateCheck = [this](qint64 build) { return m_match->vacateReason(build); };
    if (!m_settings.repository.isEmpty())
        context.populate = [this] { populateQueue(); };
    m_protocol = std::make_unique<BittenProtocol>(context, m_settings.authenticator);
    m_router = std::make_unique<Router>();
    m_router->addRoute(QStringLiteral("^/(builds(/.*)?|login)$"), m_protocol.get());
    // --- H13: REST API (/api/v1), Prometheus /metrics and the status pages (/, /build,
    // /build/CONFIG, /build/CONFIG/ID). They replace the placeholder BuildStatusPage mount.
    // API tokens: ServiceSettings::apiTokens (`bittern serve --api-tokens FILE`, default
    // $BITTERN_API_TOKENS); without tokens every API request answers 401.
    {
        auto *frontend = new WebFrontend(*m_store, m_settings.apiTokens, m_settings.clock, this);
        frontend->setBuildsQueuedHook([this] { buildsQueued(); });
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
    auto started = m_server->start(m_settings.address, m_settings.port);
    if (started)
        m_match->start();
    return started;
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
    m_match->stop();
    m_server->shutdown();
}

void BridgeService::handleShutdownFinished()
{
    m_store.reset(); // closes the database cleanly (WAL checkpoint on SQLite)
    Q_EMIT stopped();
}

void BridgeService::buildsQueued()
{
    if (auto reserved = m_match->buildsQueued(); !reserved)
        qCWarning(lcBridgeHttp, "Could not match the queued builds: %s",
                  qPrintable(reserved.error().message));
}

void BridgeService::populateQueue()
{
    const qint64 now = m_settings.clock ? m_settings.clock() : QDateTime::currentSecsSinceEpoch();
    if (m_lastPopulation && now - *m_lastPopulation < m_settings.pollInterval)
        return;
    m_lastPopulation = now;
    const Core::Result<RepositoryLocation> repository
            = RepositoryLocation::parse(m_settings.repository);
    if (!repository) {
        qCWarning(lcBridgeHttp, "%s", qPrintable(repository.error().message));
        return;
    }
    QueueSettings queue;
    queue.slaveTimeout = m_settings.slaveTimeout;
    queue.buildAll = m_settings.buildAll;
    queue.stabilizeWait = m_settings.stabilizeWait;
    queue.ruleCase = Qt::CaseInsensitive; // 0.6.1, as BuildsController
    Scheduler scheduler(*m_store, queue);
    const RepositoryLocation location = repository.value();
    const Core::Result<int> queued = scheduler.populateAll(
            [&location](const Configuration &config) {
                return RepositoryPoller::history(location, config.path, historyLimit);
            },
            now);
    if (!queued)
        qCWarning(lcBridgeHttp, "Could not populate the build queue: %s",
                  qPrintable(queued.error().message));
    else if (queued.value() > 0)
        qCInfo(lcBridgeHttp, "Queued %d builds from %s.", queued.value(),
               qPrintable(m_settings.repository));
}

} // namespace Bridge
