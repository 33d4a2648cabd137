// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/protocol/multipartparser.h"

namespace Bridge {

namespace {

Core::Error malformed(const QString &why)
{
    return Core::makeError(Core::ErrorCode::InvalidInput,
                           QStringLiteral("The multipart body is malformed: %1.").arg(why));
}

/// The value of `key=` in a header like `form-data; name="file"; filename="a.txt"`.
QByteArray parameter(const QByteArray &header, const QByteArray &key)
{
    for (const QByteArray &item : header.split(';')) {
        const QByteArray trimmed = item.trimmed();
        const int equals = trimmed.indexOf('=');
        if (equals <= 0 || trimmed.left(equals).trimmed().toLower() != key)
            continue;
        QByteArray value = trimmed.mid(equals + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        return value;
    }
    return {};
}

} // namespace

QByteArray MultipartParser::boundary(const QByteArray &contentType)
{
    if (!contentType.trimmed().toLower().startsWith("multipart/form-data"))
        return {};
    return parameter(contentType, "boundary");
}

Core::Result<MultipartPart> MultipartParser::parsePart(const QByteArray &part)
{
    const int headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return malformed(QStringLiteral("a part has no blank line after its headers"));
    MultipartPart result;
    for (const QByteArray &line : part.left(headerEnd).split('\n')) {
        const int colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-disposition") {
            result.name = QString::fromUtf8(parameter(value, "name"));
            result.filename = QString::fromUtf8(parameter(value, "filename"));
        } else if (name == "content-type") {
            result.contentType = value;
        }
    }
    if (result.name.isEmpty())
        return malformed(QStringLiteral("a part has no form field name"));
    result.data = part.mid(headerEnd + 4);
    return result;
}

Core::Result<QVector<MultipartPart>>
MultipartParser::parse(const QByteArray &contentType, const QByteArray &body, qint64 maxPartBytes)
{
    const QByteArray mark = boundary(contentType);
    if (mark.isEmpty()) {
        return Core::makeError(Core::ErrorCode::InvalidInput,
                               QStringLiteral("The request is not multipart/form-data with a "
                                              "boundary."));
    }
    const QByteArray delimiter = "--" + mark;
    int position = body.indexOf(delimiter);
    if (position < 0)
        return malformed(QStringLiteral("the boundary does not occur"));
    QVector<MultipartPart> parts;
    while (true) {
        position += delimiter.size();
        if (body.mid(position, 2) == "--")
            return parts; // closing delimiter
        if (body.mid(position, 2) != "\r\n")
            return malformed(QStringLiteral("a boundary is not followed by a line break"));
        position += 2;
        const int next = body.indexOf("\r\n" + delimiter, position);
        if (next < 0)
            return malformed(QStringLiteral("the closing boundary is missing"));
        if (next - position > maxPartBytes) {
            return Core::makeError(Core::ErrorCode::LimitExceeded,
                                   QStringLiteral("A multipart part is larger than the limit of "
                                                  "%1 bytes.")
                                           .arg(maxPartBytes));
        }
        auto part = parsePart(body.mid(position, next - position));
        if (!part)
            return part.error();
        parts.append(part.value());
        position = next + 2;
    }
}

} // namespace Bridge
