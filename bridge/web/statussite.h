// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bridge/http/requesthandler.h"

namespace Bridge {

class Store;

/**
 * The read-only status pages at Bitten's URLs (bitten-spec §7.6): `/` and `/build` (overview,
 * `?show=all` includes inactive configurations), `/build/CONFIG` (builds and trend charts) and
 * `/build/CONFIG/ID` (one build). GET and HEAD only; HTML error pages for anything else.
 */
class StatusSite final : public RequestHandler
{
public:
    explicit StatusSite(Store &store);
    Response handle(const Request &request) override;

private:
    Store &m_store;
};

} // namespace Bridge
