// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include "core/result.h"
#include "core/toolreport.h"

namespace Core {

/**
 * <php:phpcs> (bitten-spec §4.6, trunk): turns a PHP_CodeSniffer "full" text report into a
 * "lint" report of <problem> items (type, category and tag all "warning"/"error", msg child).
 * An unreadable file or an unparsable row is only a local warning and drops the report.
 */
class PhpCsParser
{
public:
    /// @p input: the file's bytes, or the error from reading it. @p basedir: absolute.
    static Result<ToolReport> parse(const Result<QByteArray> &input, const QString &basedir);
};

} // namespace Core
