// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include "bridge/store/sqlstore.h"

/**
 * A store seeded through the Store API for the REST API and status page tests: configuration
 * "alpha" (active, platforms linux id 1 and mac id 2, hostile label and description), "beta"
 * (inactive, no platforms), imported builds 1 (r1 linux success: tests, coverage, lint; log 1),
 * 2 (r2 linux failure: a hostile error and a 3-line hostile log, log 2), 3 (r2 mac success),
 * a pending build 4 (r3 linux) and one agent.
 */
namespace WebTestSeed {

/// Strings that must never reach a page unescaped.
inline const char *hostileScript = "<script>alert(\"x\")</script>";
inline const char *hostileQuotes = "\"'&";

std::unique_ptr<Bridge::SqlStore> seededStore();

} // namespace WebTestSeed
