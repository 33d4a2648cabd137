// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include "core/result.h"
#include "core/toolreport.h"

namespace Core {

/**
 * <php:coverage> (bitten-spec §4.6): turns a Phing coverage snapshot (<snapshot><package>…) or
 * a PHPUnit clover file (<coverage><project>…) into a "coverage" report. Phing percentages are
 * Python floats ("42.8571428571"), clover ones integers. An unreadable or malformed file
 * becomes a log message, not an error.
 */
class PhpCoverageParser
{
public:
    /// @p input: the file's bytes, or the error from reading it. @p basedir: absolute.
    static Result<ToolReport> parse(const Result<QByteArray> &input, const QString &basedir);
};

} // namespace Core
