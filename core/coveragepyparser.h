// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "core/result.h"
#include "core/toolreport.h"

namespace Core {

/**
 * <python:coverage> (bitten-spec §4.7, trunk): turns a coverage.py text report
 * (`module stmts exec cover% [missing] file`) into a "coverage" report; with a coverdir, each
 * module's `<coverdir>/<module with . → _>.py,cover` annotate file gives line_hits. FileSet
 * .py files missing from the report get percentage 0. A missing summary is only a local
 * warning.
 */
class CoveragePyParser
{
public:
    struct Options
    {
        QString basedir; ///< absolute
        QString coverdir; ///< the coverdir attribute; empty: no line_hits
        /// The FileSet (include/exclude, bitten-spec §4.11): relative "/"-separated paths in
        /// walk order.
        QStringList fileset;
    };

    /**
     * @p summary: the summary file's bytes or the error from reading it. @p read is called
     * with the absolute path of each module's ",cover" file (only when coverdir is set).
     */
    static Result<ToolReport> parse(const Result<QByteArray> &summary, const Options &options,
                                    const FileReader &read);

    /// line_hits of a coverage.py annotate file: ">" → 1, "!" → 0, anything else "-".
    static QString lineHits(const QByteArray &annotated);
};

} // namespace Core
