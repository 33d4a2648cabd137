// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/http/response.h"

#include <QDateTime>
#include <QLocale>

namespace Bridge {

Response Response::text(int status, const QString &message)
{
    Response response;
    response.status = status;
    response.setHeader("Content-Type", "text/plain");
    response.body = message.toUtf8();
    return response;
}

Response Response::empty(int status)
{
    Response response;
    response.status = status;
    return response;
}

void Response::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
    headers.append({name, value});
}

void Response::addHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
}

QByteArray Response::header(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

QByteArray Response::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return status < 400 ? "OK" : "Error";
    }
}

QByteArray Response::serialize(ConnectionPersistence persistence, const QByteArray &requestMethod,
                               int httpMinor) const
{
    const bool headOnly = requestMethod == "HEAD";
    QByteArray out = "HTTP/1." + QByteArray::number(httpMinor) + ' ' + QByteArray::number(status)
            + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &header : headers)
        out += header.first + ": " + header.second + "\r\n";
    const bool noBody = status == 204 || status == 304 || (status >= 100 && status < 200);
    if (!noBody)
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Date: "
            + QLocale::c()
                      .toString(QDateTime::currentDateTimeUtc(),
                                QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                      .toLatin1()
            + "\r\n";
    out += persistence == ConnectionPersistence::Close ? "Connection: close\r\n"
                                                       : "Connection: keep-alive\r\n";
    out += "\r\n";
    if (!noBody && !headOnly)
        out += body;
    return out;
}

} // namespace Bridge
