// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Core {

/**
 * Exponential backoff for transient failures of the CI clients: attempt 1 waits nothing,
 * attempt n (n ≥ 2) waits min(initialDelayMs · 2^(n−2), maxDelayMs); at most maxAttempts.
 */
struct RetryPolicy
{
    int maxAttempts = 5;
    int initialDelayMs = 250;
    int maxDelayMs = 10000;
    int delayBeforeAttempt(int attempt) const;
};

} // namespace Core
