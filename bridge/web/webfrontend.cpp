// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/web/webfrontend.h"

#include <QDateTime>
#include <QFile>

#include "bridge/api/apiservice.h"
#include "bridge/api/metricsexporter.h"
#include "bridge/http/router.h"
#include "bridge/web/statussite.h"

namespace Bridge {

WebFrontend::WebFrontend(Store &store, TokenTable tokens, std::function<qint64()> clock,
                         QObject *parent)
    : QObject(parent)
{
    if (!clock)
        clock = [] { return QDateTime::currentSecsSinceEpoch(); };
    m_api = std::make_unique<ApiService>(store, std::move(tokens), clock);
    m_metrics = std::make_unique<MetricsExporter>(store);
    m_site = std::make_unique<StatusSite>(store);
}

WebFrontend::~WebFrontend() = default;

void WebFrontend::setBuildsQueuedHook(std::function<void()> hook)
{
    m_api->setBuildsQueuedHook(std::move(hook));
}

void WebFrontend::mount(Router &router)
{
    router.addRoute(QStringLiteral("^/api/v1(/.*)?$"), m_api.get());
    router.addRoute(QStringLiteral("^/metrics$"), m_metrics.get());
    router.addRoute(QStringLiteral("^/(build(/[^/]+(/[0-9]+)?)?/?)?$"), m_site.get());
}

Core::Result<TokenTable> WebFrontend::loadTokens(const QString &path)
{
    if (path.isEmpty())
        return TokenTable();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Core::makeError(Core::ErrorCode::ReadFailed,
                               QStringLiteral("Could not open the API tokens file %1: %2")
                                       .arg(path, file.errorString()));
    Core::Result<TokenTable> tokens = TokenTable::parse(file.readAll());
    if (!tokens)
        return Core::makeError(tokens.error().code,
                               QStringLiteral("%1: %2").arg(path, tokens.error().message),
                               tokens.error().line);
    return tokens;
}

} // namespace Bridge
