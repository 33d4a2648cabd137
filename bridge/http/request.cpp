// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/http/request.h"

#include <QUrl>
#include <QUrlQuery>

namespace Bridge {

QByteArray Request::header(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

bool Request::hasHeader(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString Request::path() const
{
    const int question = target.indexOf('?');
    const QByteArray raw = question < 0 ? target : target.left(question);
    return QUrl::fromPercentEncoding(raw);
}

QByteArray Request::query() const
{
    const int question = target.indexOf('?');
    return question < 0 ? QByteArray() : target.mid(question + 1);
}

QString Request::queryValue(const QString &name) const
{
    QByteArray plusless = query();
    plusless.replace('+', ' ');
    const QUrlQuery parsed(QString::fromLatin1(plusless));
    return parsed.queryItemValue(name, QUrl::FullyDecoded);
}

QByteArray Request::cookie(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare("Cookie", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &pair : header.second.split(';')) {
            const int equals = pair.indexOf('=');
            if (equals > 0 && pair.left(equals).trimmed() == name)
                return pair.mid(equals + 1).trimmed();
        }
    }
    return {};
}

} // namespace Bridge
