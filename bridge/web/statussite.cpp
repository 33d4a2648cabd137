// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/web/statussite.h"

#include "bridge/web/buildresultspage.h"
#include "bridge/web/configurationpage.h"
#include "bridge/web/htmlpage.h"
#include "bridge/web/overviewpage.h"

namespace Bridge {

StatusSite::StatusSite(Store &store) : m_store(store) { }

Response StatusSite::handle(const Request &request)
{
    if (request.method != "GET" && request.method != "HEAD") {
        Response response = HtmlPage::error(405, QStringLiteral("The status pages are read-only."));
        response.setHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("GET, HEAD"));
        return response;
    }
    const QString path = request.path();
    if (path == QLatin1String("/") || path == QLatin1String("/build")
        || path == QLatin1String("/build/"))
        return OverviewPage::render(m_store, request);
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.value(0) == QLatin1String("build") && parts.size() == 2)
        return ConfigurationPage::render(m_store, request, parts.at(1));
    bool numeric = false;
    const qint64 id = parts.value(2).toLongLong(&numeric);
    if (parts.value(0) == QLatin1String("build") && parts.size() == 3 && numeric)
        return BuildResultsPage::render(m_store, request, parts.at(1), id);
    return HtmlPage::error(404, QStringLiteral("There is no status page at %1.").arg(path));
}

} // namespace Bridge
