// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QVector>

#include "bridge/http/requesthandler.h"
#include "bridge/store/storetypes.h"
#include "core/result.h"

namespace Bridge {

class Store;

/// What /metrics reports, gathered from the store in one pass.
struct MetricsSnapshot
{
    QMap<BuildStatus, qint64> buildsByStatus;
    qint64 queueLength = 0; ///< pending builds
    qint64 agents = 0;
    qint64 configurations = 0;
    /// The latest finished revision's totals (platforms summed) per configuration, by configuration
    /// name.
    QVector<QPair<QString, MetricPoint>> latest;
};

/**
 * GET /metrics: the store's state in the Prometheus text exposition format 0.0.4 (HELP and
 * TYPE lines, gauges of builds by status, queue length, agents, configurations and per
 * configuration the latest tests, coverage and lint totals). render() is pure; handle() only
 * gathers a snapshot.
 */
class MetricsExporter final : public RequestHandler
{
public:
    explicit MetricsExporter(Store &store);
    Response handle(const Request &request) override;

    static Core::Result<MetricsSnapshot> snapshot(Store &store);
    static QByteArray render(const MetricsSnapshot &snapshot);
    /// Adds the totals of @p point to @p sum (platforms of one revision).
    static void add(MetricPoint &sum, const MetricPoint &point);
    /// The totals of the last revision in @p points (oldest first), summed over its builds.
    static MetricPoint latestRevision(const QVector<MetricPoint> &points);
    /// A label value escaped for the exposition format: backslash, double quote, newline.
    static QString escapeLabelValue(const QString &value);

private:
    Store &m_store;
};

} // namespace Bridge
