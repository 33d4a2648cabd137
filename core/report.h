// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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

TestTotals testTotals(const Report &report);
CoverageTotals coverageTotals(const Report &report);
LintTotals lintTotals(const Report &report);

} // namespace Core
