// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QJsonArray>
#include <QJsonObject>

#include "bridge/store/storetypes.h"
#include "core/stepresult.h"

/**
 * The JSON shapes of the REST API (docs/API.md): one function per store type, with stable
 * snake_case field names. Pure mappers, no I/O.
 */
namespace Bridge::ApiJson {

/// "pending", "in_progress", "success", "failure".
QString statusName(BuildStatus status);
QString statusName(StepStatus status);
std::optional<BuildStatus> buildStatusFromName(const QString &name);

/// Without the recipe unless @p withRecipe.
enum class RecipeField {
    Omit,
    Include,
};
QJsonObject configuration(const Configuration &config, RecipeField recipe = RecipeField::Omit);
QJsonObject platform(const TargetPlatform &platform);
QJsonObject build(const Build &build);
/// A step with its error messages (from @p errors, those of this step).
QJsonObject step(const BuildStep &step, const QVector<StepError> &errors);
QJsonObject log(const LogRecord &log);
QJsonObject logMessage(const Core::LogMessage &message);
/// A report with its items (flat objects) and the summary of its category.
QJsonObject report(const ReportRecord &report);
QJsonObject agent(const Agent &agent);
QJsonObject metricPoint(const MetricPoint &point);
QJsonObject buildRequest(const BuildRequest &request);
QJsonObject testTotals(const Core::TestTotals &totals);
QJsonObject coverageTotals(const Core::CoverageTotals &totals);
QJsonObject lintTotals(const Core::LintTotals &totals);

} // namespace Bridge::ApiJson
