// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "core/report.h"
#include "core/result.h"
#include "core/toolreport.h"

namespace Agent {

/**
 * python:figleaf's "coverage" report (bitten-spec §4.7). figleaf and its pickled summary no
 * longer exist; the agent's unittest runner writes coverage.py's JSON report in its place, and
 * this class computes from it what Bitten computed from the pickle: per FileSet .py file,
 * percentage = covered / interesting lines, lines, and line_hits (1, 0, '-').
 */
class FigleafReport
{
public:
    /// @p json: the summary file; @p fileset: relative '/'-separated paths; @p read reads the
    /// sources of files the report does not list. An Error when the summary is not a coverage.py
    /// JSON report (Bitten's unpickling failure, the internal error).
    static Core::Result<Core::Report> build(const QByteArray &json, const QString &basedir,
                                            const QStringList &fileset,
                                            const Core::FileReader &read);
};

} // namespace Agent
