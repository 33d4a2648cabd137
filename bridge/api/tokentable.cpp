// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/api/tokentable.h"

#include <QRegularExpression>
#include <QStringList>

namespace Bridge {

Core::Result<TokenTable> TokenTable::parse(const QByteArray &text)
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    TokenTable table;
    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList words = line.split(whitespace);
        if (words.size() < 3)
            return Core::makeError(Core::ErrorCode::ParseFailed,
                                   QStringLiteral("Line %1 of the tokens file has %2 fields; "
                                                  "expected TOKEN ROLE NAME.")
                                           .arg(i + 1)
                                           .arg(words.size()),
                                   i + 1);
        const std::optional<ApiRole> role = roleFromName(words.at(1));
        if (!role)
            return Core::makeError(Core::ErrorCode::InvalidInput,
                                   QStringLiteral("Line %1 of the tokens file has the unknown role "
                                                  "'%2'; expected read, build or admin.")
                                           .arg(i + 1)
                                           .arg(words.at(1)),
                                   i + 1);
        if (table.find(words.at(0)))
            return Core::makeError(Core::ErrorCode::InvalidInput,
                                   QStringLiteral("Line %1 of the tokens file repeats a token of "
                                                  "an earlier line.")
                                           .arg(i + 1),
                                   i + 1);
        table.add(ApiToken{words.at(0), *role, words.mid(2).join(QLatin1Char(' '))});
    }
    return table;
}

QString TokenTable::roleName(ApiRole role)
{
    switch (role) {
    case ApiRole::Read:
        return QStringLiteral("read");
    case ApiRole::Build:
        return QStringLiteral("build");
    case ApiRole::Admin:
        return QStringLiteral("admin");
    }
    return QString();
}

std::optional<ApiRole> TokenTable::roleFromName(const QString &name)
{
    for (ApiRole role : {ApiRole::Read, ApiRole::Build, ApiRole::Admin}) {
        if (roleName(role) == name)
            return role;
    }
    return std::nullopt;
}

void TokenTable::add(const ApiToken &token)
{
    m_tokens.insert(token.token, token);
}

std::optional<ApiToken> TokenTable::find(const QString &token) const
{
    const auto it = m_tokens.constFind(token);
    if (it == m_tokens.constEnd())
        return std::nullopt;
    return *it;
}

} // namespace Bridge
