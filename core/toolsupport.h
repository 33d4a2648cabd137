// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "core/error.h"
#include "core/report.h"
#include "core/stepresult.h"
#include "core/toolreport.h"

namespace Core {

/**
 * The small Python behaviours the tool-output parsers share, so each parser reads like the
 * Bitten command it mirrors: posixpath join/normpath, "relative to basedir", Python's int()
 * and str(float), file iteration by lines, and Bitten's "N of M tests failed" text.
 */
class ToolSupport
{
public:
    /// Bitten's step error for failed tests: "1 of 1 test failed", "2 of 3 tests failed".
    static QString testsFailed(qint64 failed, qint64 total);
    /// posixpath.join: a later absolute part discards the earlier ones; empty parts add "/".
    static QString joinPath(const QStringList &parts);
    /// posixpath.normpath: "." and ".." and duplicate slashes resolved textually.
    static QString normPath(const QString &path);
    /// The extension os.path.splitext finds ("" when none; dots leading the name do not count).
    static QString extension(const QString &path);
    /// @p path without its extension (os.path.splitext()[0]).
    static QString withoutExtension(const QString &path);
    /// Context.resolve: @p path joined to @p basedir and normalized (absolute paths kept).
    static QString resolve(const QString &basedir, const QString &path);
    /// Bitten's "if path.startswith(basedir): path = path[len(basedir) + 1:]".
    static QString stripBasedir(const QString &path, const QString &basedir);
    /// A coverage summary's file as a path relative to @p basedir when it lies inside basedir and
    /// is in @p fileset; a null string otherwise (python:trace and python:coverage).
    static QString filesetMember(const QString &basedir, const QString &path,
                                 const QStringList &fileset);
    /// The ".py" files of a coverage fileset: those a summary must mention, or they are reported
    /// as not covered (python:trace and python:coverage).
    static QStringList pythonFiles(const QStringList &fileset);
    /// Python's int(text): optional surrounding whitespace and sign, decimal digits only.
    static std::optional<qint64> toInt(const QString &text);
    /// str(int(digits)) for a string of decimal digits: leading zeros dropped, any length.
    static QString digitsString(const QString &digits);
    /// Python 2's str(float): 12 significant digits, ".0" added to integral values.
    static QString floatString(double value);
    /// The file's text split like Python's file iteration: each line keeps its "\n".
    static QStringList lines(const QByteArray &data);
    /// @p line without its trailing "\n" (as most Bitten regexes see it).
    static QString chopNewline(const QString &line);
    /// A new report item whose "type" field is the element name.
    static ReportItem item(const QString &elementName);
    static LogMessage message(const QString &level, const QString &text);
    /// The Error for Bitten's internal error path (an exception escaped the command).
    static Error internalError(const QString &message);
    /// A report-less result holding one warning log message: how the php parsers report an
    /// unreadable or unparsable input (Bitten logged a bare string; docs/COMPATIBILITY.md).
    static ToolReport warningOnly(const QString &text);
};

} // namespace Core
