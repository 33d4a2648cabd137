// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/web/configurationpage.h"

#include <QHash>

#include "bridge/api/metricsexporter.h"
#include "bridge/store/store.h"
#include "bridge/web/htmlpage.h"
#include "bridge/web/svgchart.h"

namespace Bridge {

namespace {

/// Metric points summed per revision, in order of first appearance.
QVector<MetricPoint> perRevision(const QVector<MetricPoint> &points)
{
    QVector<MetricPoint> merged;
    QHash<QString, int> index;
    for (const MetricPoint &point : points) {
        if (!index.contains(point.revision)) {
            index.insert(point.revision, merged.size());
            merged.append(point);
            continue;
        }
        MetricsExporter::add(merged[index.value(point.revision)], point);
    }
    return merged;
}

QString platformList(const QVector<TargetPlatform> &platforms)
{
    QString html = QStringLiteral("<h2>Target platforms</h2>\n<ul class=\"platforms\">");
    for (const TargetPlatform &platform : platforms) {
        QStringList rules;
        for (const PlatformRule &rule : platform.rules)
            rules += rule.property + QStringLiteral(" ~ ") + rule.pattern;
        html += QStringLiteral("<li>") + HtmlPage::escape(platform.name)
                + (rules.isEmpty() ? QString()
                                   : HtmlPage::element(QStringLiteral("span"),
                                                       QStringLiteral(" (%1)").arg(
                                                               rules.join(QStringLiteral(", "))),
                                                       QStringLiteral("muted")))
                + QStringLiteral("</li>");
    }
    return html + QStringLiteral("</ul>\n");
}

QString buildTable(const QString &config, const BuildPage &page,
                   const QVector<TargetPlatform> &platforms)
{
    QHash<qint64, QString> names;
    for (const TargetPlatform &platform : platforms)
        names.insert(platform.id, platform.name);
    QString html = QStringLiteral("<table class=\"builds\"><tr><th>Build</th><th>Revision</th>"
                                  "<th>Platform</th><th>Status</th><th>Slave</th><th>Started</th>"
                                  "<th>Duration</th></tr>\n");
    for (const Build &build : page.builds) {
        const qint64 duration = build.stopped > 0 ? build.stopped - build.started : -1;
        html += QStringLiteral("<tr><td>")
                + HtmlPage::link(
                        QStringLiteral("/build/%1/%2")
                                .arg(HtmlPage::urlSegment(config), QString::number(build.id)),
                        QStringLiteral("#%1").arg(build.id))
                + QStringLiteral("</td>") + HtmlPage::element(QStringLiteral("td"), build.revision)
                + HtmlPage::element(QStringLiteral("td"), names.value(build.platform))
                + QStringLiteral("<td>") + HtmlPage::status(build.status) + QStringLiteral("</td>")
                + HtmlPage::element(QStringLiteral("td"), build.slave)
                + HtmlPage::element(QStringLiteral("td"), HtmlPage::time(build.started))
                + HtmlPage::element(QStringLiteral("td"), HtmlPage::duration(duration))
                + QStringLiteral("</tr>\n");
    }
    return html + QStringLiteral("</table>\n");
}

QString pager(const QString &config, qint64 pageNumber, qint64 total)
{
    const qint64 pages
            = (total + ConfigurationPage::buildsPerPage - 1) / ConfigurationPage::buildsPerPage;
    if (pages <= 1)
        return QString();
    const QString base
            = QStringLiteral("/build/") + HtmlPage::urlSegment(config) + QStringLiteral("?page=");
    QString html = QStringLiteral("<p class=\"pager\">");
    if (pageNumber > 1)
        html += HtmlPage::link(base + QString::number(pageNumber - 1), QStringLiteral("« Newer"))
                + QLatin1Char(' ');
    html += HtmlPage::escape(QStringLiteral("Page %1 of %2").arg(pageNumber).arg(pages));
    if (pageNumber < pages)
        html += QLatin1Char(' ')
                + HtmlPage::link(base + QString::number(pageNumber + 1), QStringLiteral("Older »"));
    return html + QStringLiteral("</p>\n");
}

} // namespace

QString ConfigurationPage::charts(const QVector<MetricPoint> &points)
{
    const QVector<MetricPoint> merged = perRevision(points);
    QStringList labels;
    SvgChart::Series passed{QStringLiteral("Passed"), QStringLiteral("#1b7a2e"), {}};
    SvgChart::Series failed{QStringLiteral("Failed"), QStringLiteral("#b3261e"), {}};
    SvgChart::Series covered{QStringLiteral("Coverage"), QStringLiteral("#2d6fb3"), {}};
    SvgChart::Series total{QStringLiteral("Total"), QStringLiteral("#444444"), {}};
    SvgChart::Series errors{QStringLiteral("Error"), QStringLiteral("#b3261e"), {}};
    SvgChart::Series warnings{QStringLiteral("Warning"), QStringLiteral("#d98e04"), {}};
    SvgChart::Series conventions{QStringLiteral("Convention"), QStringLiteral("#2d6fb3"), {}};
    SvgChart::Series refactors{QStringLiteral("Refactor"), QStringLiteral("#7b4fb3"), {}};
    for (const MetricPoint &point : merged) {
        labels += QStringLiteral("[%1]").arg(point.revision);
        passed.values += double(point.tests.success);
        failed.values += double(point.tests.failed() + point.tests.other);
        covered.values += point.coverage.percentage();
        total.values += double(point.lint.total());
        errors.values += double(point.lint.error);
        warnings.values += double(point.lint.warning);
        conventions.values += double(point.lint.convention);
        refactors.values += double(point.lint.refactor);
    }
    SvgChart tests(QStringLiteral("Unit tests"));
    tests.setXLabels(labels);
    tests.addSeries(passed);
    tests.addSeries(failed);
    SvgChart coverage(QStringLiteral("Test coverage"));
    coverage.setXLabels(labels);
    coverage.setYMaximum(100);
    coverage.setYUnit(QStringLiteral("%"));
    coverage.addSeries(covered);
    SvgChart lint(QStringLiteral("Lint problems"));
    lint.setXLabels(labels);
    for (const SvgChart::Series &series : {total, errors, warnings, conventions, refactors})
        lint.addSeries(series);
    return QStringLiteral("<div class=\"charts\">\n") + tests.toSvg() + coverage.toSvg()
            + lint.toSvg() + QStringLiteral("</div>\n");
}

Response ConfigurationPage::render(Store &store, const Request &request, const QString &name)
{
    const Core::Result<Configuration> config = store.configuration(name);
    if (!config)
        return HtmlPage::error(config.error().code == Core::ErrorCode::NotFound ? 404 : 500,
                               config.error().message);
    const qint64 pageNumber
            = qMax<qint64>(1, request.queryValue(QStringLiteral("page")).toLongLong());
    BuildQuery query;
    query.config = name;
    query.limit = buildsPerPage;
    query.offset = (pageNumber - 1) * buildsPerPage;
    const Core::Result<BuildPage> builds = store.builds(query);
    const Core::Result<QVector<TargetPlatform>> platforms = store.platforms(name);
    const Core::Result<QVector<MetricPoint>> points = store.metrics(name);
    if (!builds || !platforms || !points)
        return HtmlPage::error(500,
                               !builds              ? builds.error().message
                                       : !platforms ? platforms.error().message
                                                    : points.error().message);
    const Configuration &c = config.value();
    HtmlPage page(c.label.isEmpty() ? c.name : c.label);
    page.raw(HtmlPage::element(QStringLiteral("h1"), c.label.isEmpty() ? c.name : c.label));
    if (!c.description.isEmpty())
        page.raw(HtmlPage::element(QStringLiteral("p"), c.description));
    page.raw(HtmlPage::element(
            QStringLiteral("p"),
            QStringLiteral("Repository path: %1%2")
                    .arg(c.path, c.active ? QString() : QStringLiteral(" (inactive)")),
            QStringLiteral("muted")));
    page.raw(platformList(platforms.value()));
    page.raw(QStringLiteral("<h2>Trends</h2>\n") + charts(points.value()));
    page.raw(QStringLiteral("<h2>Builds</h2>\n"));
    if (builds.value().builds.isEmpty())
        page.raw(QStringLiteral("<p class=\"muted\">No builds yet.</p>\n"));
    else
        page.raw(buildTable(name, builds.value(), platforms.value()));
    page.raw(pager(name, pageNumber, builds.value().total));
    return page.toResponse();
}

} // namespace Bridge
