// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include "core/result.h"
#include "core/toolreport.h"

namespace Core {

/**
 * <php:phpunit> (bitten-spec §4.6): turns PHPUnit's JUnit-style XML (nested test suites) into
 * a "test" report and the "N of M test(s) failed" step error, counted from the top-level
 * suites' tests/failures/errors attributes. An unreadable or malformed file becomes a log
 * message, not an error.
 */
class PhpUnitParser
{
public:
    /// @p input: the file's bytes, or the error from reading it. @p basedir: absolute.
    static Result<ToolReport> parse(const Result<QByteArray> &input, const QString &basedir);
};

} // namespace Core
