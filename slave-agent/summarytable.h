// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVector>

#include "core/reportjson.h"

namespace Agent {

/**
 * The table bittern-agent run prints at the end: one row per step that ran, with its status,
 * duration, test counts, coverage and lint problems. Pure: builds text from step summaries.
 */
class SummaryTable
{
public:
    static QString render(const QVector<Core::StepSummary> &steps);
    /// The status column: "success", "FAILED", or "failed (ignored)" for onerror="ignore".
    static QString statusText(const Core::StepSummary &step);
};

} // namespace Agent
