// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QBuffer>
#include <QByteArray>

#include "core/result.h"

namespace Core {

/**
 * Gives the streaming writers (which write to a QIODevice) their in-memory form: runs
 * @p write on a buffer and returns the bytes it wrote, or its error.
 */
template<typename WriteToDevice>
Result<QByteArray> writeToBytes(WriteToDevice write)
{
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    const Result<void> written = write(&buffer);
    if (!written)
        return written.error();
    return data;
}

} // namespace Core
