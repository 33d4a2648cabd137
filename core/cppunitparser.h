// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QString>

#include "core/result.h"
#include "core/toolreport.h"

namespace Core {

/**
 * <c:cppunit> (bitten-spec §4.3): turns a CppUnit XML result file into a "test" report and the
 * "N of M test(s) failed" step error. An unreadable or malformed file is only a local warning.
 */
class CppUnitParser
{
public:
    struct Options
    {
        /// The srcdir attribute; when set, each test's file is posixpath-joined to it.
        std::optional<QString> srcdir;
    };

    /// @p input: the file's bytes, or the error from reading it.
    static Result<ToolReport> parse(const Result<QByteArray> &input, const Options &options = {});
};

} // namespace Core
