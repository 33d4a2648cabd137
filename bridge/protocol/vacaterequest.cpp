// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/protocol/vacaterequest.h"

namespace Bridge {

void VacateRequest::apply(const ProtocolContext &context, qint64 build, Response *response)
{
    if (!context.vacateCheck || response->status >= 300)
        return;
    const std::optional<QString> reason = context.vacateCheck(build);
    if (!reason)
        return;
    // A header value is one line of Latin-1 text.
    QString line = reason->simplified();
    if (line.isEmpty())
        line = QStringLiteral("vacate");
    response->setHeader(header, line.toLatin1());
}

} // namespace Bridge
