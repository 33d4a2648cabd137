// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/retrypolicy.h"

#include <algorithm>

#include <QtGlobal>

namespace Core {

int RetryPolicy::delayBeforeAttempt(int attempt) const
{
    if (attempt < 2)
        return 0;
    qint64 delay = initialDelayMs;
    for (int n = 2; n < attempt && delay < maxDelayMs; ++n)
        delay *= 2;
    return int(std::min<qint64>(delay, maxDelayMs));
}

} // namespace Core
