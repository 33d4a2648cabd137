// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

#include "core/result.h"
#include "core/stepresult.h"
#include "core/toolreport.h"

namespace Core {

/**
 * <c:gcov> (bitten-spec §4.3, trunk behaviour with line_hits): the pure parts. The agent walks
 * the FileSet for *.c *.cpp *.cc *.cxx, asks objectPaths() where the object files must be,
 * checks they exist, runs `gcov -o <object> <source>` in basedir, reads the .gcov file, and
 * hands everything to report(), which builds the "coverage" report and the log exactly as
 * Bitten does. Never fails the step.
 */
class GcovParser
{
public:
    struct Options
    {
        QString basedir; ///< absolute
        std::optional<QString> prefix; ///< attribute prefix (set even when empty)
        std::optional<QString> relative; ///< attribute relative (set even when empty)
        QString root; ///< attribute root [""]
    };

    /// Where Bitten looks for a source file's outputs (os.path.join of root, dir, stem).
    struct ObjectPaths
    {
        QString object; ///< root/dir/stem.o, relative to basedir unless root is absolute
        QString gcno;
        QString gcda;
        QString gcovFile; ///< basedir-resolved root/<file name>.gcov (absolute)
    };

    /// Which required file the agent found missing (checked in this order).
    enum class Missing {
        Nothing,
        Object,
        Gcno,
        Gcda,
    };

    /// What the agent found for one source file, in FileSet order.
    struct SourceRun
    {
        QString sourceFile; ///< relative to basedir, as the FileSet yields it
        Missing missing = Missing::Nothing; ///< gcov is not run when something is missing
        QByteArray gcovStdout;
        int gcovExitCode = 0;
        /// The .gcov file at ObjectPaths::gcovFile; NotFound when absent.
        Result<QByteArray> gcovFile = makeError(ErrorCode::NotFound, QString());
    };

    struct Summary
    {
        qint64 lines = 0;
        qint64 covered = 0;
    };

    struct LineHits
    {
        QStringList hits; ///< per source line: count, "-" (not code), "0", "???" (unparsable)
        QVector<LogMessage> log;
    };

    static ObjectPaths objectPaths(const QString &sourceFile, const Options &options);
    /// The gcov arguments Bitten trunk uses (run in basedir).
    static QStringList gcovArguments(const QString &sourceFile, const Options &options);
    /// Sums the "Lines executed" blocks of gcov's stdout, skipping absolute-path files.
    static Summary parseStdout(const QByteArray &stdoutBytes);
    /// line_hits of a .gcov file; @p gcovPath only names the file in log messages.
    static LineHits lineHits(const QByteArray &gcovFile, const QString &gcovPath);
    /// The report and log for all source files; an unreadable (not missing) .gcov file is an
    /// internal error, as in Bitten.
    static Result<ToolReport> report(const QVector<SourceRun> &runs, const Options &options);
};

} // namespace Core
