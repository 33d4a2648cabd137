// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include "core/result.h"
#include "core/toolreport.h"

namespace Core {

/**
 * <c:cunit> (bitten-spec §4.3): turns CUnit's automated XML output (CUnit-Results.xml) into a
 * "test" report, a log (suite banners, "Running T...", failures as "file(line): condition")
 * and the "N of M test(s) failed" step error. An unreadable or malformed file is only a local
 * warning. Bitten accepts a srcdir attribute but does not use it.
 */
class CUnitParser
{
public:
    /// @p input: the file's bytes, or the error from reading it.
    static Result<ToolReport> parse(const Result<QByteArray> &input);
};

} // namespace Core
