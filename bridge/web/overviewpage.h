// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bridge/http/request.h"
#include "bridge/http/response.h"

namespace Bridge {

class Store;

/**
 * The overview status page (`/`, `/build`): every active configuration (all with
 * `?show=all`) with its label, description and the latest build on each platform.
 */
class OverviewPage
{
public:
    static Response render(Store &store, const Request &request);
};

} // namespace Bridge
