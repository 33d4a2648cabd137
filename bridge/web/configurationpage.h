// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVector>

#include "bridge/http/request.h"
#include "bridge/http/response.h"
#include "bridge/store/storetypes.h"

namespace Bridge {

class Store;

/**
 * The configuration status page (`/build/CONFIG`): its description, platforms, three SVG trend
 * charts across builds (tests passed/failed, line-weighted coverage %, lint problems by
 * category — Bitten's test, coverage and lint charts) and the builds, newest first, 20 per
 * page (`?page=N`).
 */
class ConfigurationPage
{
public:
    static Response render(Store &store, const Request &request, const QString &config);
    /// The three charts as SVG elements, one data point per revision (platforms summed), oldest
    /// first (pure).
    static QString charts(const QVector<MetricPoint> &points);
    static constexpr int buildsPerPage = 20;
};

} // namespace Bridge
