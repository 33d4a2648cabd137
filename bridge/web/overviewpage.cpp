// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/web/overviewpage.h"

#include "bridge/store/store.h"
#include "bridge/web/htmlpage.h"

namespace Bridge {

namespace {

/// "r42 on linux: Success" lines of the latest build of each platform.
Core::Result<QString> latestBuilds(Store &store, const Configuration &config)
{
    const Core::Result<QVector<TargetPlatform>> platforms = store.platforms(config.name);
    if (!platforms)
        return platforms.error();
    if (platforms.value().isEmpty())
        return QStringLiteral("<span class=\"muted\">no target platforms</span>");
    QString html;
    for (const TargetPlatform &platform : platforms.value()) {
        BuildQuery query;
        query.config = config.name;
        query.platform = platform.id;
        query.limit = 1;
        const Core::Result<BuildPage> page = store.builds(query);
        if (!page)
            return page.error();
        html += QStringLiteral("<div>") + HtmlPage::escape(platform.name) + QStringLiteral(": ");
        if (page.value().builds.isEmpty()) {
            html += QStringLiteral("<span class=\"muted\">no builds</span></div>");
            continue;
        }
        const Build &build = page.value().builds.constFirst();
        html += HtmlPage::link(
                        QStringLiteral("/build/%1/%2")
                                .arg(HtmlPage::urlSegment(config.name), QString::number(build.id)),
                        QStringLiteral("[%1]").arg(build.revision))
                + QLatin1Char(' ') + HtmlPage::status(build.status) + QStringLiteral("</div>");
    }
    return html;
}

} // namespace

Response OverviewPage::render(Store &store, const Request &request)
{
    const bool showAll = request.queryValue(QStringLiteral("show")) == QLatin1String("all");
    const Core::Result<QVector<Configuration>> configs = store.configurations();
    if (!configs)
        return HtmlPage::error(500, configs.error().message);
    HtmlPage page(QStringLiteral("Build status"));
    page.raw(QStringLiteral("<h1>Build status</h1>\n"));
    page.raw(showAll ? QStringLiteral("<p><a href=\"/build\">Show active configurations "
                                      "only</a></p>\n")
                     : QStringLiteral("<p><a href=\"/build?show=all\">Show all "
                                      "configurations</a></p>\n"));
    page.raw(QStringLiteral("<table class=\"configurations\"><tr><th>Configuration</th><th>"
                            "Description</th><th>Path</th><th>Latest builds</th></tr>\n"));
    int shown = 0;
    for (const Configuration &config : configs.value()) {
        if (!config.active && !showAll)
            continue;
        const Core::Result<QString> latest = latestBuilds(store, config);
        if (!latest)
            return HtmlPage::error(500, latest.error().message);
        ++shown;
        const QString label = config.label.isEmpty() ? config.name : config.label;
        page.raw(QStringLiteral("<tr><td>")
                 + HtmlPage::link(QStringLiteral("/build/") + HtmlPage::urlSegment(config.name),
                                  label)
                 + (config.active ? QString()
                                  : QStringLiteral(" <span class=\"muted\">(inactive)"
                                                   "</span>"))
                 + QStringLiteral("</td>")
                 + HtmlPage::element(QStringLiteral("td"), config.description)
                 + HtmlPage::element(QStringLiteral("td"), config.path) + QStringLiteral("<td>")
                 + latest.value() + QStringLiteral("</td></tr>\n"));
    }
    page.raw(QStringLiteral("</table>\n"));
    if (shown == 0)
        page.raw(QStringLiteral("<p class=\"muted\">No build configurations to show.</p>\n"));
    return page.toResponse();
}

} // namespace Bridge
