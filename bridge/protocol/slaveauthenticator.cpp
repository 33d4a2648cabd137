// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/protocol/slaveauthenticator.h"

#include <QCryptographicHash>

#include "bridge/protocol/slavesession.h"

namespace Bridge {

namespace {

const QString sha256Prefix = QStringLiteral("{SHA256}");

bool passwordMatches(const QString &stored, const QString &given)
{
    if (stored.startsWith(sha256Prefix)) {
        const QByteArray hash
                = QCryptographicHash::hash(given.toUtf8(), QCryptographicHash::Sha256);
        return QString::fromLatin1(hash.toHex())
                       .compare(stored.mid(sha256Prefix.size()), Qt::CaseInsensitive)
                == 0;
    }
    return stored == given;
}

} // namespace

Core::Result<SlaveAuthenticator> SlaveAuthenticator::fromUsersFile(const QByteArray &text)
{
    SlaveAuthenticator authenticator;
    const QList<QByteArray> lines = text.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines.at(i)).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const int colon = line.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            return Core::makeError(Core::ErrorCode::ParseFailed,
                                   QStringLiteral("Line %1 of the users file is not "
                                                  "\"user:password\".")
                                           .arg(i + 1),
                                   i + 1);
        }
        authenticator.m_users.insert(line.left(colon), line.mid(colon + 1));
    }
    return authenticator;
}

std::optional<QString> SlaveAuthenticator::checkBasic(const QByteArray &authorization) const
{
    if (!authorization.startsWith("Basic "))
        return std::nullopt;
    const QString decoded
            = QString::fromUtf8(QByteArray::fromBase64(authorization.mid(6).trimmed()));
    const int colon = decoded.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return std::nullopt;
    const QString user = decoded.left(colon);
    const auto found = m_users.constFind(user);
    if (found == m_users.constEnd() || !passwordMatches(found.value(), decoded.mid(colon + 1)))
        return std::nullopt;
    return user;
}

std::optional<QString> SlaveAuthenticator::authenticate(const Request &request) const
{
    if (!isEnabled())
        return QStringLiteral("anonymous");
    if (auto user = checkBasic(request.header("Authorization")))
        return user;
    const QString cookie = QString::fromLatin1(request.cookie(SlaveSession::authCookieName()));
    const auto found = m_authCookies.constFind(cookie);
    if (!cookie.isEmpty() && found != m_authCookies.constEnd())
        return found.value();
    return std::nullopt;
}

Response SlaveAuthenticator::challenge()
{
    Response response = Response::text(401, QStringLiteral("Authentication required."));
    response.setHeader("WWW-Authenticate", "Basic realm=\"bittern\"");
    return response;
}

Response SlaveAuthenticator::login(const Request &request)
{
    const std::optional<QString> user = isEnabled() ? checkBasic(request.header("Authorization"))
                                                    : QStringLiteral("anonymous");
    if (!user)
        return challenge();
    QString referer = request.queryValue(QStringLiteral("referer"));
    if (referer.isEmpty())
        referer = QStringLiteral("/");
    Response response = Response::empty(302);
    response.setHeader("Location", referer.toUtf8());
    if (isEnabled()) {
        const QString cookie = SlaveSession::newSessionId();
        m_authCookies.insert(cookie, *user);
        response.addHeader("Set-Cookie",
                           SlaveSession::authCookieName() + '=' + cookie.toLatin1() + "; Path=/");
    }
    return response;
}

} // namespace Bridge
