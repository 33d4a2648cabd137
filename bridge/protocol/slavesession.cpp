// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/protocol/slavesession.h"

#include <QRandomGenerator>

namespace Bridge {

SlaveSession::SlaveSession(const Request &request)
{
    QByteArray value = request.cookie(authCookieName());
    if (value.isEmpty())
        value = request.cookie(sessionCookieName());
    if (value.isEmpty()) {
        m_token = newSessionId();
        m_new = true;
    } else {
        m_token = QString::fromLatin1(value);
    }
}

void SlaveSession::apply(Response &response) const
{
    if (m_new) {
        response.addHeader("Set-Cookie",
                           sessionCookieName() + '=' + m_token.toLatin1() + "; Path=/");
    }
}

QString SlaveSession::newSessionId()
{
    QByteArray bytes(12, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          bytes.size() / int(sizeof(quint32)));
    return QString::fromLatin1(bytes.toHex());
}

} // namespace Bridge
