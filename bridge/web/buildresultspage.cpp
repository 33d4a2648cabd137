// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/web/buildresultspage.h"

#include "bridge/store/store.h"
#include "bridge/web/htmlpage.h"
#include "bridge/web/reportsummary.h"

namespace Bridge {

namespace {

QString summary(const BuildDetail &detail)
{
    const Build &build = detail.build;
    const qint64 duration = build.stopped > 0 ? build.stopped - build.started : -1;
    const auto row = [](const QString &name, const QString &cellHtml) -> QString {
        return QStringLiteral("<tr><th>") + HtmlPage::escape(name) + QStringLiteral("</th><td>")
                + cellHtml + QStringLiteral("</td></tr>\n");
    };
    return QStringLiteral("<table class=\"summary\">\n")
            + row(QStringLiteral("Configuration"),
                  HtmlPage::link(QStringLiteral("/build/") + HtmlPage::urlSegment(build.config),
                                 build.config))
            + row(QStringLiteral("Revision"), HtmlPage::escape(build.revision))
            + row(QStringLiteral("Platform"), HtmlPage::escape(detail.platform.name))
            + row(QStringLiteral("Status"), HtmlPage::status(build.status))
            + row(QStringLiteral("Slave"), HtmlPage::escape(build.slave))
            + row(QStringLiteral("Operating system"),
                  HtmlPage::escape(QStringLiteral("%1 %2 %3")
                                           .arg(detail.slave.value(QStringLiteral("os")),
                                                detail.slave.value(QStringLiteral("version")),
                                                detail.slave.value(QStringLiteral("machine")))
                                           .trimmed()))
            + row(QStringLiteral("Started"), HtmlPage::escape(HtmlPage::time(build.started)))
            + row(QStringLiteral("Stopped"), HtmlPage::escape(HtmlPage::time(build.stopped)))
            + row(QStringLiteral("Duration"), HtmlPage::escape(HtmlPage::duration(duration)))
            + QStringLiteral("</table>\n");
}

QString stepTable(const BuildDetail &detail)
{
    QString html = QStringLiteral("<table class=\"steps\"><tr><th>Step</th><th>Status</th><th>"
                                  "Duration</th><th>Errors</th></tr>\n");
    for (const BuildStep &step : detail.steps) {
        QString errors;
        for (const StepError &error : detail.errors) {
            if (error.step == step.name)
                errors += HtmlPage::element(QStringLiteral("li"), error.message);
        }
        const qint64 duration = step.stopped > 0 ? step.stopped - step.started : -1;
        html += QStringLiteral("<tr><td>")
                + HtmlPage::link(QStringLiteral("#step-") + HtmlPage::urlSegment(step.name),
                                 step.name)
                + QStringLiteral("</td><td>") + HtmlPage::status(step.status)
                + QStringLiteral("</td>")
                + HtmlPage::element(QStringLiteral("td"), HtmlPage::duration(duration))
                + QStringLiteral("<td>")
                + (errors.isEmpty() ? QString()
                                    : QStringLiteral("<ul class=\"errors\">") + errors
                                   + QStringLiteral("</ul>"))
                + QStringLiteral("</td></tr>\n");
    }
    return html + QStringLiteral("</table>\n");
}

Core::Result<QString> logHtml(Store &store, const Request &request, const LogRecord &log)
{
    const bool selected = request.queryValue(QStringLiteral("log")) == QString::number(log.id);
    const qint64 offset = selected
            ? qMax<qint64>(0, request.queryValue(QStringLiteral("offset")).toLongLong())
            : 0;
    const Core::Result<QVector<Core::LogMessage>> messages
            = store.logMessages(log.id, offset, BuildResultsPage::linesPerPage);
    if (!messages)
        return messages.error();
    QString html
            = HtmlPage::element(QStringLiteral("p"),
                                QStringLiteral("Log of %1 (lines %2–%3 of %4)")
                                        .arg(log.generator.isEmpty() ? QStringLiteral("the step")
                                                                     : log.generator)
                                        .arg(messages.value().isEmpty() ? offset : offset + 1)
                                        .arg(offset + messages.value().size())
                                        .arg(log.messageCount),
                                QStringLiteral("muted"))
            + QStringLiteral("<pre class=\"log\">");
    for (const Core::LogMessage &message : messages.value())
        html += HtmlPage::element(QStringLiteral("span"), message.text, message.level)
                + QLatin1Char('\n');
    html += QStringLiteral("</pre>\n");
    const QString base = QStringLiteral("?log=%1&offset=").arg(log.id);
    if (offset > 0)
        html += HtmlPage::link(base
                                       + QString::number(qMax<qint64>(
                                               0, offset - BuildResultsPage::linesPerPage)),
                               QStringLiteral("« Earlier lines"))
                + QLatin1Char(' ');
    if (offset + BuildResultsPage::linesPerPage < log.messageCount)
        html += HtmlPage::link(base + QString::number(offset + BuildResultsPage::linesPerPage),
                               QStringLiteral("Later lines »"));
    return html;
}

Core::Result<QString> stepSections(Store &store, const Request &request, const BuildDetail &detail)
{
    QString html;
    for (const BuildStep &step : detail.steps) {
        html += QStringLiteral("<h2 id=\"step-%1\">Step ")
                        .arg(HtmlPage::escape(HtmlPage::urlSegment(step.name)))
                + HtmlPage::escape(step.name) + QStringLiteral(" ") + HtmlPage::status(step.status)
                + QStringLiteral("</h2>\n");
        for (const LogRecord &log : detail.logs) {
            if (log.step != step.name)
                continue;
            const Core::Result<QString> logPart = logHtml(store, request, log);
            if (!logPart)
                return logPart.error();
            html += logPart.value();
        }
        for (const ReportRecord &report : detail.reports) {
            if (report.step == step.name)
                html += ReportSummary::html(report);
        }
    }
    return html;
}

QString attachmentList(const BuildDetail &detail)
{
    if (detail.attachments.isEmpty())
        return QString();
    QString html = QStringLiteral("<h2>Attachments</h2>\n<ul class=\"attachments\">");
    for (const Attachment &file : detail.attachments)
        html += HtmlPage::element(QStringLiteral("li"),
                                  QStringLiteral("%1 (%2 bytes) %3")
                                          .arg(file.filename)
                                          .arg(file.size)
                                          .arg(file.description));
    return html + QStringLiteral("</ul>\n");
}

} // namespace

Response BuildResultsPage::render(Store &store, const Request &request, const QString &config,
                                  qint64 id)
{
    const Core::Result<BuildDetail> detail = store.buildDetail(id);
    if (!detail && detail.error().code != Core::ErrorCode::NotFound)
        return HtmlPage::error(500, detail.error().message);
    if (!detail || detail.value().build.config != config)
        return HtmlPage::error(404,
                               QStringLiteral("Configuration %1 has no build %2.")
                                       .arg(config, QString::number(id)));
    const Core::Result<QString> steps = stepSections(store, request, detail.value());
    if (!steps)
        return HtmlPage::error(500, steps.error().message);
    HtmlPage page(QStringLiteral("Build %1 of %2").arg(id).arg(config));
    page.raw(HtmlPage::element(
            QStringLiteral("h1"),
            QStringLiteral("Build %1 of %2 [%3]")
                    .arg(QString::number(id), config, detail.value().build.revision)));
    page.raw(summary(detail.value()));
    page.raw(QStringLiteral("<h2>Steps</h2>\n") + stepTable(detail.value()));
    page.raw(steps.value());
    page.raw(attachmentList(detail.value()));
    return page.toResponse();
}

} // namespace Bridge
