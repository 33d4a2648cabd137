// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "core/error.h"
#include "core/result.h"
#include "core/toolreport.h"
#include "slave-agent/stepcontext.h"

namespace Agent {

/**
 * Small helpers shared by the java, mono, php, python and xml command libraries: Bitten's
 * path resolution, relative file names for reports, globbing, file reading, the Python
 * interpreter choice and the step errors of processes that did not exit.
 */
class CommandSupport
{
public:
    /// Bitten's ctxt.resolve(): @p path joined to basedir and normalized; absolute paths kept.
    static QString resolve(const StepContext &context, const QString &path);
    /// Real path of @p path relative to basedir, '/'-separated; @p path unchanged (but
    /// '/'-separated) when outside.
    static QString relativeToBasedir(const StepContext &context, const QString &path);
    /// Files matching a glob pattern relative to basedir (Python glob: '*', '?', '[…]' per
    /// path component; names starting with '.' only match patterns starting with '.').
    static QStringList glob(const StepContext &context, const QString &pattern);
    /// The whole file; ErrorCode::NotFound with Python's IOError text when it does not exist.
    static Core::Result<QByteArray> readFile(const QString &path);
    /// Bitten's FileSet over basedir (bitten-spec §4.11): relative '/'-separated paths in walk
    /// order (a directory's files, then its subdirectories, each sorted by name).
    static Core::Result<QStringList> fileSet(const StepContext &context, const QString &include,
                                             const QString &exclude);
    /// Bitten's argument splitting (shlex in POSIX mode).
    static Core::Result<QStringList> splitArguments(const QString &text);
    /// The interpreter for python:*: slave property python.path if that file exists, else python3.
    static QString pythonInterpreter(const StepContext &context);
    /// The internal error of a missing required attribute (Bitten's AssertionError).
    static Core::Error missingAttribute(const QString &name);
    /// Items of a "test" report whose status is "failure" or "error" (Bitten's failed count).
    static qint64 failedTests(const Core::Report &report);
    /// Sends what a core tool parser produced (log, errors, report, local warnings) under
    /// @p generator; a parser Error is returned as the internal error.
    static Core::Result<void> apply(StepContext &context, const QString &generator,
                                    const Core::Result<Core::ToolReport> &result);
    /// Records the step error of a process that did not exit normally; false if it exited.
    static bool recordAbnormalEnd(StepContext &context, const QString &generator,
                                  const ProcessSpec &spec, const ProcessOutcome &outcome);
};

} // namespace Agent
