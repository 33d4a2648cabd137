// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bridge/http/request.h"
#include "bridge/http/response.h"
#include "bridge/store/storetypes.h"

namespace Bridge {

class Store;

/**
 * The build status page (`/build/CONFIG/ID`): the build's revision, platform, slave, status and
 * times; its steps with status, duration and errors; each step's logs (a page of
 * linesPerPage lines, `?log=ID&offset=N` for the others); report summaries (tests per
 * fixture, coverage per file, lint per category) and attachments.
 */
class BuildResultsPage
{
public:
    static Response render(Store &store, const Request &request, const QString &config, qint64 id);
    static constexpr qint64 linesPerPage = 500;
};

} // namespace Bridge
