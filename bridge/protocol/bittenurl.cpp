// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/protocol/bittenurl.h"

#include <QRegularExpression>

namespace Bridge {

std::optional<BittenUrl> BittenUrl::parse(const QString &path)
{
    // Python's \w and \d are Unicode-aware in Bitten's regex; QRegularExpression's are too.
    static const QRegularExpression grammar(
            QStringLiteral("^/builds(/(\\d+)(/(\\w+)/([^/]+)?)?)?$"),
            QRegularExpression::UseUnicodePropertiesOption);
    const QRegularExpressionMatch match = grammar.match(path);
    if (!match.hasMatch())
        return std::nullopt;
    BittenUrl url;
    if (!match.captured(2).isEmpty()) {
        bool ok = false;
        url.build = match.captured(2).toLongLong(&ok);
        if (!ok || url.build <= 0)
            return std::nullopt;
    }
    url.collection = match.captured(4);
    url.member = match.captured(5);
    return url;
}

} // namespace Bridge
