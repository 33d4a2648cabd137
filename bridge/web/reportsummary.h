// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "bridge/store/storetypes.h"

namespace Bridge {

/**
 * HTML summaries of a build's reports as Bitten's summarizers show them (bitten-spec §9): tests
 * per fixture (items without a fixture are not counted), coverage per file with the
 * line-weighted total, lint problems per category and per file. Other categories get a line
 * with their item count. Pure; all values escaped.
 */
class ReportSummary
{
public:
    /// The summary of one report (heading and table).
    static QString html(const ReportRecord &report);
    static QString tests(const ReportRecord &report);
    static QString coverage(const ReportRecord &report);
    static QString lint(const ReportRecord &report);
};

} // namespace Bridge
