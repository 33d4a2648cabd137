// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QVector>

#include "core/result.h"
#include "core/toolreport.h"

namespace Core {

/**
 * <mono:nunit> (bitten-spec §4.5): turns NUnit 2.x TestResult.xml files into one "test" report
 * and the "N of M test(s) failed" step error. Faithful to Bitten's bug: items carry no test
 * name. An unreadable or malformed file is only a local warning (and drops the whole report).
 */
class NUnitParser
{
public:
    /// @p files: the contents (or read errors) of the files the glob matched, in glob order.
    static Result<ToolReport> parse(const QVector<Result<QByteArray>> &files);
};

} // namespace Core
