// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "core/enums.h"

namespace Core {

/**
 * A failure as a value: a code for programs, a complete sentence for people, and where the
 * input was at fault, the position (1-based line and column; 0 when unknown).
 */
struct Error
{
    ErrorCode code = ErrorCode::None;
    QString message;
    qint64 line = 0;
    qint64 column = 0;

    /// "LINE:COL: message" when a position is known, else the message.
    QString toString() const;
};

} // namespace Core
