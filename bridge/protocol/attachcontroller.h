// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bridge/http/request.h"
#include "bridge/http/response.h"
#include "bridge/protocol/protocolcontext.h"
#include "bridge/protocol/slavesession.h"

namespace Bridge {

/**
 * `/builds/ID/attach/build|config` (bitten-spec §5.7): a multipart/form-data upload with the
 * fields `file`, `description` and `__FORM_TOKEN` (the recipe's form_token). The bytes go to
 * attachmentDir/CONFIG[/BUILD]/FILENAME, replacing a file of the same name; 201
 * "Attachment created".
 */
class AttachController
{
public:
    explicit AttachController(ProtocolContext &context) : m_context(context) { }
    Response handle(const Request &request, qint64 build, const QString &resource,
                    const SlaveSession &session, const QString &author);

private:
    Core::Result<Build> checkedBuild(qint64 build, const SlaveSession &session);
    Core::Result<QString> save(const Attachment &attachment, const QByteArray &data);

    ProtocolContext &m_context;
};

} // namespace Bridge
