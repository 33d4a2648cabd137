// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.h"

namespace Core {

QString Error::toString() const
{
    if (line <= 0)
        return message;
    return QString::number(line) + QLatin1Char(':') + QString::number(column) + QLatin1String(": ")
            + message;
}

} // namespace Core
