// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QtTest>

#include "core/toolreport.h"

/**
 * Shared checks for the tool-output parser tests (tst_*parser.cpp): a ToolReport is compared
 * as plain strings so each _data() row states every item field, error, warning and log line.
 * Items read "type=test; fixture=F; name=N", log lines "level: text".
 */
namespace ParserTest {

/// The common expected-result columns; fill them with addRow(…) << … in this order.
inline void addExpectedColumns()
{
    QTest::addColumn<QString>("internalError"); // empty: none expected
    QTest::addColumn<bool>("hasReport");
    QTest::addColumn<QStringList>("items");
    QTest::addColumn<QStringList>("errors");
    QTest::addColumn<QStringList>("warnings");
    QTest::addColumn<QStringList>("log");
}

/// The input as a parser receives it: the bytes, or a read error with @p readError.
inline Core::Result<QByteArray> input(const QByteArray &data, const QString &readError,
                                      Core::ErrorCode code = Core::ErrorCode::NotFound)
{
    if (!readError.isEmpty())
        return Core::makeError(code, readError);
    return data;
}

inline QString itemString(const Core::ReportItem &item)
{
    QStringList fields;
    for (const auto &field : item.fields)
        fields.append(field.first + QLatin1Char('=') + field.second);
    return fields.join(QStringLiteral("; "));
}

inline QStringList itemStrings(const Core::Report &report)
{
    QStringList out;
    for (const Core::ReportItem &item : report.items)
        out.append(itemString(item));
    return out;
}

inline QStringList logStrings(const QVector<Core::LogMessage> &log)
{
    QStringList out;
    for (const Core::LogMessage &message : log)
        out.append(message.level + QStringLiteral(": ") + message.text);
    return out;
}

/// A FileReader over a map of path → contents; other paths are NotFound, paths in @p unreadable
/// fail with ReadFailed.
inline Core::FileReader mapReader(const QHash<QString, QByteArray> &files,
                                  const QStringList &unreadable = {})
{
    return [files, unreadable](const QString &path) -> Core::Result<QByteArray> {
        if (unreadable.contains(path))
            return Core::makeError(Core::ErrorCode::ReadFailed,
                                   QStringLiteral("Permission denied: '%1'").arg(path));
        if (!files.contains(path))
            return Core::makeError(Core::ErrorCode::NotFound,
                                   QStringLiteral("No such file or directory: '%1'").arg(path));
        return files.value(path);
    };
}

/// Compares @p result with the expected columns of the current row.
inline void verify(const Core::Result<Core::ToolReport> &result, const QString &category)
{
    QFETCH(QString, internalError);
    QFETCH(bool, hasReport);
    QFETCH(QStringList, items);
    QFETCH(QStringList, errors);
    QFETCH(QStringList, warnings);
    QFETCH(QStringList, log);
    if (!internalError.isEmpty()) {
        QVERIFY(!result);
        QCOMPARE(result.error().message, internalError);
        return;
    }
    QVERIFY2(result, result ? "" : qPrintable(result.error().message));
    const Core::ToolReport &report = result.value();
    QCOMPARE(report.hasReport, hasReport);
    QCOMPARE(report.report.category, hasReport ? category : QString());
    QCOMPARE(itemStrings(report.report), items);
    QCOMPARE(report.errors, errors);
    QCOMPARE(report.localWarnings, warnings);
    QCOMPARE(logStrings(report.log), log);
}

} // namespace ParserTest
