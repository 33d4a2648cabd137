// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/web/reportsummary.h"

#include <QMap>
#include <QStringList>

#include "bridge/web/htmlpage.h"

namespace Bridge {

namespace {

QString cell(const QString &text)
{
    return HtmlPage::element(QStringLiteral("td"), text);
}

QString numberCell(double value)
{
    return HtmlPage::element(QStringLiteral("td"), QString::number(value, 'g', 10),
                             QStringLiteral("num"));
}

QString heading(const ReportRecord &report, const QString &what)
{
    return HtmlPage::element(QStringLiteral("h3"),
                             QStringLiteral("%1 (step %2)").arg(what, report.step));
}

/// Keys in order of first appearance with their accumulated value.
template<typename T>
struct Ordered
{
    QStringList keys;
    QMap<QString, T> values;
    T &operator[](const QString &key)
    {
        if (!values.contains(key))
            keys += key;
        return values[key];
    }
};

} // namespace

QString ReportSummary::html(const ReportRecord &report)
{
    if (report.category == QLatin1String("test"))
        return tests(report);
    if (report.category == QLatin1String("coverage"))
        return coverage(report);
    if (report.category == QLatin1String("lint"))
        return lint(report);
    return heading(report, QStringLiteral("Report “%1”").arg(report.category))
            + HtmlPage::element(QStringLiteral("p"),
                                QStringLiteral("%1 items (no summary for this category).")
                                        .arg(report.items.size()),
                                QStringLiteral("muted"));
}

QString ReportSummary::tests(const ReportRecord &report)
{
    Ordered<Core::TestTotals> fixtures;
    for (const Core::ReportItem &item : report.items) {
        const QString fixture = item.value(QStringLiteral("fixture"));
        if (!fixture.isEmpty())
            Core::addToTotals(fixtures[fixture], item);
    }
    QString html = heading(report, QStringLiteral("Test results"))
            + QStringLiteral("<table class=\"tests\"><tr><th>Fixture</th><th>Total</th><th>"
                             "Failed</th><th>Ignored</th></tr>\n");
    Core::TestTotals all;
    for (const QString &fixture : qAsConst(fixtures.keys)) {
        const Core::TestTotals &t = fixtures.values[fixture];
        all.success += t.success;
        all.failure += t.failure;
        all.error += t.error;
        all.ignore += t.ignore;
        all.other += t.other;
        html += QStringLiteral("<tr>") + cell(fixture) + numberCell(double(t.total()))
                + numberCell(double(t.failed() + t.other)) + numberCell(double(t.ignore))
                + QStringLiteral("</tr>\n");
    }
    html += QStringLiteral("<tr><th>Total</th>") + numberCell(double(all.total()))
            + numberCell(double(all.failed() + all.other)) + numberCell(double(all.ignore))
            + QStringLiteral("</tr></table>\n");
    return html;
}

QString ReportSummary::coverage(const ReportRecord &report)
{
    QString html = heading(report, QStringLiteral("Code coverage"))
            + QStringLiteral("<table class=\"coverage\"><tr><th>File</th><th>Lines</th><th>"
                             "Coverage</th></tr>\n");
    for (const Core::ReportItem &item : report.items) {
        const QString file = item.value(QStringLiteral("file"), item.value(QStringLiteral("name")));
        html += QStringLiteral("<tr>") + cell(file)
                + numberCell(item.value(QStringLiteral("lines")).toDouble())
                + HtmlPage::element(QStringLiteral("td"),
                                    item.value(QStringLiteral("percentage")) + QLatin1Char('%'),
                                    QStringLiteral("num"))
                + QStringLiteral("</tr>\n");
    }
    const Core::CoverageTotals totals
            = Core::coverageTotals(Core::Report{report.category, report.generator, report.items});
    html += QStringLiteral("<tr><th>Total</th>") + numberCell(double(totals.lines))
            + HtmlPage::element(QStringLiteral("td"),
                                QString::number(totals.percentage(), 'f', 1) + QLatin1Char('%'),
                                QStringLiteral("num"))
            + QStringLiteral("</tr></table>\n");
    return html;
}

QString ReportSummary::lint(const ReportRecord &report)
{
    Ordered<qint64> categories;
    Ordered<qint64> files;
    for (const Core::ReportItem &item : report.items) {
        ++categories[item.value(QStringLiteral("category"), QStringLiteral("other"))];
        ++files[item.value(QStringLiteral("file"))];
    }
    QString html = heading(report, QStringLiteral("Lint problems"))
            + QStringLiteral("<table class=\"lint\"><tr><th>Category</th><th>Problems</th>"
                             "</tr>\n");
    for (const QString &category : qAsConst(categories.keys))
        html += QStringLiteral("<tr>") + cell(category)
                + numberCell(double(categories.values[category])) + QStringLiteral("</tr>\n");
    html += QStringLiteral("<tr><th>Total</th>") + numberCell(double(report.items.size()))
            + QStringLiteral("</tr></table>\n<table class=\"lint-files\"><tr><th>File</th><th>"
                             "Problems</th></tr>\n");
    for (const QString &file : qAsConst(files.keys))
        html += QStringLiteral("<tr>") + cell(file) + numberCell(double(files.values[file]))
                + QStringLiteral("</tr>\n");
    return html + QStringLiteral("</table>\n");
}

} // namespace Bridge
