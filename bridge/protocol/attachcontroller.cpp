// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/protocol/attachcontroller.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include "bridge/protocol/multipartparser.h"
#include "bridge/store/store.h"

namespace Bridge {

namespace {

const MultipartPart *findPart(const QVector<MultipartPart> &parts, const QString &name)
{
    for (const MultipartPart &part : parts) {
        if (part.name == name)
            return &part;
    }
    return nullptr;
}

} // namespace

Core::Result<Build> AttachController::checkedBuild(qint64 build, const SlaveSession &session)
{
    auto detail = m_context.store->buildDetail(build);
    if (!detail)
        return detail.error();
    const QString expected = detail.value().slave.token();
    if (expected != session.token()) {
        return Core::makeError(Core::ErrorCode::Conflict,
                               QStringLiteral("Token mismatch (wrong slave): slave=%1, build=%2")
                                       .arg(session.token(), expected));
    }
    return detail.value().build;
}

Core::Result<QString> AttachController::save(const Attachment &attachment, const QByteArray &data)
{
    QString dir = QDir(m_context.attachmentDir).filePath(attachment.config);
    if (attachment.resource == AttachmentResource::Build)
        dir = QDir(dir).filePath(QString::number(attachment.build));
    const QString path = QDir(dir).filePath(attachment.filename);
    QSaveFile file(path);
    if (!QDir().mkpath(dir) || !file.open(QIODevice::WriteOnly) || file.write(data) != data.size()
        || !file.commit()) {
        return Core::makeError(
                Core::ErrorCode::WriteFailed,
                QStringLiteral("Could not store attachment %1: %2.").arg(path, file.errorString()));
    }
    return path;
}

Response AttachController::handle(const Request &request, qint64 build, const QString &resource,
                                  const SlaveSession &session, const QString &author)
{
    if (request.method != "POST") {
        return Response::text(
                405,
                QStringLiteral("Method %1 not allowed").arg(QString::fromLatin1(request.method)));
    }
    auto found = checkedBuild(build, session);
    if (!found)
        return ProtocolContext::errorResponse(found.error());
    auto parts = MultipartParser::parse(request.header("Content-Type"), request.body,
                                        m_context.maxAttachmentBytes);
    if (!parts)
        return Response::text(parts.error().code == Core::ErrorCode::LimitExceeded ? 413 : 400,
                              parts.error().message);
    const MultipartPart *token = findPart(parts.value(), QStringLiteral("__FORM_TOKEN"));
    if (!token || QString::fromUtf8(token->data) != session.token())
        return Response::text(400, QStringLiteral("Missing or invalid form token."));
    const MultipartPart *file = findPart(parts.value(), QStringLiteral("file"));
    const QString filename = file ? QFileInfo(file->filename).fileName() : QString();
    if (filename.isEmpty() || filename == QLatin1String("..") || filename == QLatin1String("."))
        return Response::text(400, QStringLiteral("No file uploaded."));
    const MultipartPart *description = findPart(parts.value(), QStringLiteral("description"));
    Attachment attachment;
    attachment.resource = resource == QLatin1String("config") ? AttachmentResource::Config
                                                              : AttachmentResource::Build;
    attachment.config = found.value().config;
    attachment.build = attachment.resource == AttachmentResource::Build ? build : 0;
    attachment.filename = filename;
    attachment.description = description ? QString::fromUtf8(description->data) : QString();
    attachment.author = author;
    attachment.size = file->data.size();
    attachment.created = m_context.now();
    auto path = save(attachment, file->data);
    if (!path)
        return Response::text(500, path.error().message);
    attachment.filePath = path.value();
    if (auto added = m_context.store->addAttachment(attachment); !added)
        return ProtocolContext::errorResponse(added.error());
    return Response::text(201, QStringLiteral("Attachment created"));
}

} // namespace Bridge
