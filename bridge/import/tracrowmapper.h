// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QPair>
#include <QString>
#include <QVector>

#include "bridge/store/storetypes.h"

namespace Bridge {

/// One row of bitten_build (last_activity is 0 before schema 12).
struct TracBuildRow
{
    qint64 id = 0;
    QString config;
    QString revision;
    qint64 revisionTime = 0;
    qint64 platform = 0;
    QString slave;
    qint64 started = 0;
    qint64 stopped = 0;
    qint64 lastActivity = 0;
    QString status;
};

/// One row of bitten_step.
struct TracStepRow
{
    QString name;
    QString description;
    QString status;
    qint64 started = 0;
    qint64 stopped = 0;
};

/// One row of bitten_log with the bytes of its files (<id>.log and <id>.log.levels).
struct TracLogRow
{
    qint64 id = 0;
    QString step;
    QString generator;
    int orderNumber = 0;
    QString filename;
    QByteArray lines;
    QByteArray levels;
};

/// One row of bitten_report with its bitten_report_item rows as (item, name, value).
struct TracReportRow
{
    qint64 id = 0;
    QString step;
    QString category;
    QString generator;
    struct Field
    {
        int item = 0;
        QString name;
        QString value;
    };
    QVector<Field> fields;
};

/// Everything a Trac database holds about one build.
struct TracBuildRows
{
    TracBuildRow build;
    QVector<QPair<QString, QString>> slave; ///< bitten_slave (propname, propvalue)
    QVector<TracStepRow> steps;
    QVector<StepError> errors; ///< bitten_error (build left 0)
    QVector<TracLogRow> logs;
    QVector<TracReportRow> reports;
};

/**
 * Maps the rows of one Trac build to the store's ImportedBuild (pure): statuses, steps in
 * recipe order, log files split into messages, report items rebuilt from their fields.
 */
class TracRowMapper
{
public:
    /// @p recipeSteps orders the steps (unknown ones follow by start time); @p platform is the
    /// store's id of the build's platform (0 when the platform was deleted in Trac).
    static ImportedBuild toImportedBuild(const TracBuildRows &rows, const QString &source,
                                         qint64 platform, const QStringList &recipeSteps);
    /// A log file's lines paired with its levels file's lines (bitten-spec §8.3); lines
    /// without a level (multi-line messages break the alignment) get "info".
    static QVector<QPair<QString, QString>> logMessages(const QByteArray &lines,
                                                        const QByteArray &levels);
    /// Report items from (item, name, value) fields, items in index order.
    static QVector<Core::ReportItem> reportItems(const QVector<TracReportRow::Field> &fields);
};

} // namespace Bridge
