// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include "core/result.h"
#include "core/toolreport.h"

namespace Core {

/**
 * <python:unittest> (bitten-spec §4.7): turns the XML of Bitten's own test runner
 * (<unittest-results><test …><traceback>…) into a "test" report and the "N of M test(s)
 * failed" step error. File paths become relative to basedir; files outside it are dropped.
 * An unreadable or malformed file is only a local warning (the step succeeds).
 */
class UnittestXmlParser
{
public:
    /// @p input: the file's bytes, or the error from reading it. @p basedir: absolute.
    static Result<ToolReport> parse(const Result<QByteArray> &input, const QString &basedir);
};

} // namespace Core
