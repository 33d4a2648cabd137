// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/web/htmlpage.h"

#include <QDateTime>
#include <QUrl>

#include "bridge/api/apijson.h"

namespace Bridge {

namespace {

const char styleSheet[] = R"(
body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{background:#2d4a5a;color:#fff;padding:8px 16px}
header a{color:#fff;text-decoration:none;margin-right:16px;font-weight:600}
main{padding:8px 16px 32px}
h1{font-size:22px;margin:12px 0}
h2{font-size:17px;margin:20px 0 8px;border-bottom:1px solid #ccc}
h3{font-size:15px;margin:14px 0 6px}
table{border-collapse:collapse;margin:4px 0 12px;background:#fff}
th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#eef2f4}
td.num{text-align:right}
.success{color:#1b7a2e;font-weight:600}
.failure{color:#b3261e;font-weight:600}
.in_progress{color:#a66b00;font-weight:600}
.pending{color:#666}
.muted{color:#777}
.charts{display:flex;flex-wrap:wrap;gap:12px}
.charts svg{background:#fff;border:1px solid #ddd}
pre.log{background:#fff;border:1px solid #ddd;padding:6px;overflow:auto;max-height:420px;margin:0}
.log .warning{color:#a66b00}
.log .error{color:#b3261e}
ul.errors{color:#b3261e;margin:0;padding-left:18px}
)";

} // namespace

HtmlPage::HtmlPage(const QString &title) : m_title(title) { }

QString HtmlPage::escape(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + text.size() / 8);
    for (QChar c : text) {
        switch (c.unicode()) {
        case '&':
            escaped += QLatin1String("&amp;");
            break;
        case '<':
            escaped += QLatin1String("&lt;");
            break;
        case '>':
            escaped += QLatin1String("&gt;");
            break;
        case '"':
            escaped += QLatin1String("&quot;");
            break;
        case '\'':
            escaped += QLatin1String("&#39;");
            break;
        default:
            escaped += c;
        }
    }
    return escaped;
}

QString HtmlPage::link(const QString &href, const QString &text)
{
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(escape(href), escape(text));
}

QString HtmlPage::urlSegment(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

QString HtmlPage::element(const QString &tag, const QString &text, const QString &cssClass)
{
    const QString open = cssClass.isEmpty()
            ? QStringLiteral("<%1>").arg(tag)
            : QStringLiteral("<%1 class=\"%2\">").arg(tag, escape(cssClass));
    return open + escape(text) + QStringLiteral("</%1>").arg(tag);
}

QString HtmlPage::time(qint64 seconds)
{
    if (seconds <= 0)
        return QStringLiteral("—");
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC)
                   .toString(Qt::ISODate)
                   .replace(QLatin1Char('T'), QLatin1Char(' '))
                   .remove(QLatin1Char('Z'))
            + QStringLiteral(" UTC");
}

QString HtmlPage::duration(qint64 seconds)
{
    if (seconds < 0)
        return QStringLiteral("—");
    QStringList parts;
    if (seconds >= 3600)
        parts += QStringLiteral("%1 h").arg(seconds / 3600);
    if (seconds >= 60)
        parts += QStringLiteral("%1 min").arg(seconds % 3600 / 60);
    parts += QStringLiteral("%1 s").arg(seconds % 60);
    return parts.join(QLatin1Char(' '));
}

Response HtmlPage::error(int status, const QString &message)
{
    HtmlPage page(QString::fromLatin1(Response::reasonPhrase(status)));
    page.raw(element(QStringLiteral("h1"), QString::fromLatin1(Response::reasonPhrase(status))))
            .raw(element(QStringLiteral("p"), message));
    return page.toResponse(status);
}

QString HtmlPage::status(BuildStatus status)
{
    static const char *const names[] = {"Pending", "In progress", "Success", "Failed"};
    return element(QStringLiteral("span"), QLatin1String(names[int(status)]),
                   ApiJson::statusName(status));
}

QString HtmlPage::status(StepStatus status)
{
    static const char *const names[] = {"In progress", "Success", "Failed"};
    return element(QStringLiteral("span"), QLatin1String(names[int(status)]),
                   ApiJson::statusName(status));
}

HtmlPage &HtmlPage::raw(const QString &markup)
{
    m_body += markup;
    return *this;
}

HtmlPage &HtmlPage::text(const QString &text)
{
    m_body += escape(text);
    return *this;
}

QByteArray HtmlPage::toHtml() const
{
    QString html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
                                  "charset=\"utf-8\">\n<meta name=\"viewport\" "
                                  "content=\"width=device-width\">\n<title>");
    html += escape(m_title) + QStringLiteral(" — Bittern</title>\n<style>");
    html += QLatin1String(styleSheet);
    html += QStringLiteral("</style>\n</head>\n<body>\n<header><a href=\"/build\">Bittern "
                           "builds</a></header>\n<main>\n");
    html += m_body;
    html += QStringLiteral("</main>\n</body>\n</html>\n");
    return html.toUtf8();
}

Response HtmlPage::toResponse(int status) const
{
    Response response;
    response.status = status;
    response.setHeader(QByteArrayLiteral("Content-Type"),
                       QByteArrayLiteral("text/html; charset=utf-8"));
    response.setHeader(QByteArrayLiteral("Content-Security-Policy"),
                       QByteArrayLiteral("default-src 'none'; style-src 'unsafe-inline'; "
                                         "img-src 'self'"));
    response.setHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    response.body = toHtml();
    return response;
}

} // namespace Bridge
