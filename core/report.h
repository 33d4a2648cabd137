// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <initializer_list>

#include <QPair>
#include <QString>
#include <QVector>

namespace Core {

/**
 * One report item (bitten-spec §9): a flat, ordered string map. The element name it was
 * written as is the field "type" unless an attribute "type" overrides it.
 */
struct ReportItem
{
    QVector<QPair<QString, QString>> fields;

    /// The field's value, or @p fallback when absent.
    QString value(const QString &name, const QString &fallback = QString()) const;
    bool has(const QString &name) const;
    /// Sets a field, replacing an existing one in place (later keys overwrite, as in Bitten).
    void set(const QString &name, const QString &value);
    /// The item type: the "type" field, e.g. "test", "coverage", "problem".
    QString type() const { return value(QStringLiteral("type")); }

    /// An item from field pairs in order (later pairs with the same name overwrite).
    static ReportItem of(std::initializer_list<QPair<QString, QString>> fields);
    bool operator==(const ReportItem &other) const { return fields == other.fields; }
    bool operator!=(const ReportItem &other) const { return fields != other.fields; }
};

/// A report of one category from one generator (a command's QName; empty for <report>).
struct Report
{
    QString category; ///< "test", "coverage", "lint" or any other string
    QString generator;
    QVector<ReportItem> items;
};

/// Test counts of a "test" report as Bitten's summarizer counts them (by status field).
struct TestTotals
{
    qint64 success = 0;
    qint64 failure = 0;
    qint64 error = 0;
    qint64 ignore = 0;
    qint64 other = 0;

    qint64 total() const { return success + failure + error + ignore + other; }
    qint64 failed() const { return failure + error; }
};

/// Line-weighted coverage of a "coverage" report, as Bitten's chart computes it.
struct CoverageTotals
{
    qint64 lines = 0;
    double coveredLines = 0; ///< sum of percentage × lines / 100
    qint64 files = 0;

    /// Percentage 0–100; 0 when there are no lines.
    double percentage() const { return lines > 0 ? coveredLines * 100.0 / double(lines) : 0.0; }
};

/// Problem counts of a "lint" report by category.
struct LintTotals
{
    qint64 convention = 0;
    qint64 refactor = 0;
    qint64 warning = 0;
    qint64 error = 0;
    qint64 other = 0;

    qint64 total() const { return convention + refactor + warning + error + other; }
};

/**
 * Bounds that every report and step result reader enforces, so hostile or broken input ends
 * with a LimitExceeded error instead of unbounded memory or recursion.
 */
struct ReportReadLimits
{
    int maxDepth = 64; ///< element nesting depth
    qint64 maxValueLength = 64 * 1024 * 1024; ///< characters of one attribute value or text
    qint64 maxTotalLength = qint64(1) << 30; ///< characters kept in memory by one document read
};

/// Adds @p item to a test total (Bitten's summarizer: only items with a fixture count).
void addToTotals(TestTotals &totals, const ReportItem &item);

TestTotals testTotals(const Report &report);
CoverageTotals coverageTotals(const Report &report);
LintTotals lintTotals(const Report &report);

/**
 * @p text without the characters Bitten deletes from step result text (bitten-spec §3.2:
 * U+0001–U+0008, U+000B, U+000C, U+000E–U+001F, U+007F, U+0080–U+009F except U+0085) and
 * without those XML 1.0 cannot carry at all (U+0000, U+FFFE, U+FFFF, unpaired surrogates).
 */
QString stripControlCharacters(const QString &text);

/// posixpath.join(@p base, @p path): @p path alone when absolute or when @p base is empty.
QString joinPosixPath(const QString &base, const QString &path);

/// The element name Bitten's own commands use for items of @p category: test, coverage, problem.
QString defaultItemElement(const QString &category);

} // namespace Core
