// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QHash>
#include <QString>

#include "core/result.h"

namespace Bridge {

/// What an API bearer token may do; each role includes the ones before it.
enum class ApiRole {
    Read, ///< GET everything under /api/v1
    Build, ///< also request builds (POST /api/v1/builds, /api/v1/build-requests)
    Admin, ///< also invalidate builds (DELETE /api/v1/builds/ID)
};

/// One bearer token of the tokens file.
struct ApiToken
{
    QString token;
    ApiRole role = ApiRole::Read;
    QString name; ///< who holds it (for logs)
};

/**
 * The REST API's bearer tokens, parsed from a tokens file of `TOKEN ROLE NAME` lines (ROLE is
 * read, build or admin; NAME may contain spaces; blank lines and lines starting with '#' are
 * ignored). Pure: the caller reads the file.
 */
class TokenTable
{
public:
    /// Parses the file's text; an error names the line and what is wrong with it.
    static Core::Result<TokenTable> parse(const QByteArray &text);
    /// The role's name as written in the tokens file, and back.
    static QString roleName(ApiRole role);
    static std::optional<ApiRole> roleFromName(const QString &name);

    void add(const ApiToken &token);
    /// The token's entry, if the table has it.
    std::optional<ApiToken> find(const QString &token) const;
    int size() const { return m_tokens.size(); }

private:
    QHash<QString, ApiToken> m_tokens;
};

} // namespace Bridge
