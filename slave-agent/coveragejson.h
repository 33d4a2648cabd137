// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

#include "core/result.h"

namespace Agent {

/**
 * A coverage.py JSON report (`coverage json`) and the files Bitten's test runner derived from
 * coverage data: the coverage.py 2 text summary with the file path appended (the input of
 * python:coverage) and the `,cover` annotations. Pure: callers read and write the files.
 */
class CoverageJson
{
public:
    /// Coverage of one measured source file.
    struct File
    {
        QString path; ///< as coverage.py reports it (relative to where it ran, or absolute)
        QVector<int> executedLines; ///< sorted
        QVector<int> missingLines; ///< sorted
        QVector<int> excludedLines; ///< sorted
        int statements = 0;
    };

    static Core::Result<CoverageJson> parse(const QByteArray &data);

    const QVector<File> &files() const { return m_files; }

    /// Python module name of a path relative to the project: "pkg/mod.py" → "pkg.mod",
    /// "pkg/__init__.py" → "pkg".
    static QString moduleName(const QString &relativePath);
    /// The summary as coverage.py 2 wrote it, filtered like Bitten's runner: a header, a rule,
    /// then "module stmts exec cover% missing file" per file (no TOTAL). @p modules and
    /// @p absolutePaths are parallel to files().
    QByteArray summary(const QStringList &modules, const QStringList &absolutePaths) const;
    /// A `,cover` annotation of @p source: "> " executed, "! " missing, "- " excluded, "  " other.
    static QByteArray annotate(const File &file, const QByteArray &source);
    /// "1-3, 7" (coverage.py 2's missing-line ranges).
    static QString ranges(const QVector<int> &lines);

private:
    QVector<File> m_files;
};

} // namespace Agent
