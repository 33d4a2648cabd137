// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "core/result.h"
#include "core/toolreport.h"

namespace Core {

/**
 * <python:trace> (bitten-spec §4.7): turns a `trace.py --summary` report plus the per-module
 * `<coverdir>/<module>.cover` files into a "coverage" report with line_hits. FileSet .py files
 * missing from the summary get percentage 0 and their code-line count (PythonLocCounter).
 * A missing summary is only a local warning.
 */
class TraceParser
{
public:
    struct Options
    {
        QString basedir; ///< absolute
        QString coverdir; ///< the coverdir attribute, resolved against basedir
        /// The FileSet (include/exclude, bitten-spec §4.11): relative "/"-separated paths in
        /// walk order.
        QStringList fileset;
    };

    /**
     * @p summary: the summary file's bytes or the error from reading it. @p read is called with
     * absolute paths: each reported source file (to count its code lines) and its .cover file.
     */
    static Result<ToolReport> parse(const Result<QByteArray> &summary, const Options &options,
                                    const FileReader &read);
};

} // namespace Core
