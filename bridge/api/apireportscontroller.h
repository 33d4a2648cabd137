// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bridge/http/requesthandler.h"

namespace Bridge {

class Store;

/**
 * REST resource /api/v1/builds/ID/reports (filter ?category=): the reports of a build with
 * their items and the summary of their category (test, coverage, lint totals).
 */
class ApiReportsController final : public RequestHandler
{
public:
    explicit ApiReportsController(Store &store);
    Response handle(const Request &request) override;

private:
    Store &m_store;
};

} // namespace Bridge
