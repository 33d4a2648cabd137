// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QVector>

#include "core/result.h"

namespace Bridge {

/// One part of a multipart/form-data body.
struct MultipartPart
{
    QString name; ///< the form field name
    QString filename; ///< for file fields; empty otherwise
    QByteArray contentType;
    QByteArray data;
};

/**
 * Reads multipart/form-data bodies (RFC 7578) as bitten-slave sends attachments (bitten-spec
 * §5.7). Pure. Errors: InvalidInput for a missing boundary or a malformed body,
 * LimitExceeded when a part is larger than the limit.
 */
class MultipartParser
{
public:
    static Core::Result<QVector<MultipartPart>> parse(const QByteArray &contentType,
                                                      const QByteArray &body,
                                                      qint64 maxPartBytes = 32 * 1024 * 1024);
    /// The boundary parameter of a Content-Type value; empty when absent.
    static QByteArray boundary(const QByteArray &contentType);

private:
    static Core::Result<MultipartPart> parsePart(const QByteArray &part);
};

} // namespace Bridge
