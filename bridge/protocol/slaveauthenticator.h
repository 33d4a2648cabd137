// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QHash>
#include <QString>

#include "bridge/http/request.h"
#include "bridge/http/response.h"
#include "core/result.h"

namespace Bridge {

/**
 * Who may use the slave protocol (bitten-spec §5.2). Without a users file every client is
 * accepted (Trac's anonymous BUILD_EXEC). With one, a request must carry HTTP Basic
 * credentials of a listed user, or the `trac_auth` cookie that `HEAD|GET /login` issued after a
 * successful Basic login (what bitten-slave does before its first poll).
 *
 * Users file: one `user:password` per line; the password is plain text or `{SHA256}` followed
 * by the hex SHA-256 of the password; blank lines and lines starting with `#` are ignored.
 */
class SlaveAuthenticator
{
public:
    SlaveAuthenticator() = default;
    /// Parses a users file (pure); a line without ':' is an error naming its line number.
    static Core::Result<SlaveAuthenticator> fromUsersFile(const QByteArray &text);

    bool isEnabled() const { return !m_users.isEmpty(); }
    /// The authenticated user name, "anonymous" when authentication is off, nullopt when
    /// the request has no valid credentials.
    std::optional<QString> authenticate(const Request &request) const;
    /// 401 with a Basic challenge.
    static Response challenge();
    /// `/login?referer=URL`: valid Basic credentials get a trac_auth cookie and a 302 to the
    /// referer; others the challenge.
    Response login(const Request &request);

private:
    std::optional<QString> checkBasic(const QByteArray &authorization) const;

    QHash<QString, QString> m_users; ///< user → password or {SHA256}hex
    QHash<QString, QString> m_authCookies; ///< trac_auth value → user
};

} // namespace Bridge
