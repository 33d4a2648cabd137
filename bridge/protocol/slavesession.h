// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include "bridge/http/request.h"
#include "bridge/http/response.h"

namespace Bridge {

/**
 * The slave identity of bitten-spec §5.1, as Trac derives it: the token is the `trac_auth`
 * cookie when the request carries one, else the `trac_session` cookie; a request with neither
 * gets a fresh session id, sent back with Set-Cookie on that response. A client that never
 * returns cookies therefore gets a new token per request and hits 409 after registering.
 * The token doubles as the recipe's form_token (the CSRF value of attachment uploads).
 */
class SlaveSession
{
public:
    explicit SlaveSession(const Request &request);

    QString token() const { return m_token; }
    bool isNew() const { return m_new; }
    /// Adds the Set-Cookie header when the session is new.
    void apply(Response &response) const;

    static QByteArray sessionCookieName() { return QByteArrayLiteral("trac_session"); }
    static QByteArray authCookieName() { return QByteArrayLiteral("trac_auth"); }
    /// 24 random hex digits, like a Trac sid.
    static QString newSessionId();

private:
    QString m_token;
    bool m_new = false;
};

} // namespace Bridge
