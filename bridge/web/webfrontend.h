// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>

#include <QObject>

#include "bridge/api/tokentable.h"

namespace Bridge {

class ApiService;
class MetricsExporter;
class Router;
class StatusSite;
class Store;

/**
 * The bridge's read side for people and tools: the REST API (/api/v1), the Prometheus
 * /metrics and the status pages (/, /build, /build/CONFIG, /build/CONFIG/ID). Owns their
 * handlers; mount() adds their routes to the service's router.
 */
class WebFrontend final : public QObject
{
    Q_OBJECT
public:
    WebFrontend(Store &store, TokenTable tokens, std::function<qint64()> clock,
                QObject *parent = nullptr);
    ~WebFrontend() override;
    Q_DISABLE_COPY_MOVE(WebFrontend)

    /// Routes /api/v1…, /metrics, / and /build… to the handlers (add before catch-alls).
    void mount(Router &router);
    /// Called after the REST API queued builds (issue 8: the matchmaker reserves them).
    void setBuildsQueuedHook(std::function<void()> hook);
    /// The tokens file named by @p path read and parsed; an empty path gives no tokens.
    static Core::Result<TokenTable> loadTokens(const QString &path);

private:
    std::unique_ptr<ApiService> m_api;
    std::unique_ptr<MetricsExporter> m_metrics;
    std::unique_ptr<StatusSite> m_site;
};

} // namespace Bridge
