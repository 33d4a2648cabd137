// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/protocol/bittenprotocol.h"

#include "bridge/protocol/bittenurl.h"

namespace Bridge {

BittenProtocol::BittenProtocol(const ProtocolContext &context,
                               const SlaveAuthenticator &authenticator)
    : m_context(context),
      m_authenticator(authenticator),
      m_builds(m_context),
      m_build(m_context),
      m_steps(m_context),
      m_keepalive(m_context),
      m_attach(m_context)
{
    Q_ASSERT(m_context.store);
}

Response BittenProtocol::handle(const Request &request)
{
    if (request.path() == QLatin1String("/login"))
        return m_authenticator.login(request);
    const std::optional<QString> user = m_authenticator.authenticate(request);
    if (!user)
        return SlaveAuthenticator::challenge();
    const SlaveSession session(request);
    Response response = dispatch(request, session, *user);
    session.apply(response);
    return response;
}

Response BittenProtocol::dispatch(const Request &request, const SlaveSession &session,
                                  const QString &user)
{
    const std::optional<BittenUrl> url = BittenUrl::parse(request.path());
    if (!url) {
        return Response::text(
                404, QStringLiteral("No handler matched request to %1").arg(request.path()));
    }
    if (url->isBuildsCollection())
        return m_builds.handle(request, session);
    if (url->isBuild())
        return m_build.handle(request, url->build, session);
    if (url->collection == QLatin1String("steps"))
        return m_steps.handle(request, url->build, session);
    if (url->collection == QLatin1String("keepalive"))
        return m_keepalive.handle(request, url->build, session);
    if (url->collection == QLatin1String("attach"))
        return m_attach.handle(request, url->build, url->member, session, user);
    return Response::text(404, QStringLiteral("No such collection '%1'").arg(url->collection));
}

} // namespace Bridge
