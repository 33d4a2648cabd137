// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/import/tracrowmapper.h"

#include <algorithm>
#include <map>

#include <QStringList>

namespace Bridge {

namespace {

QStringList splitLines(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes);
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    if (text.isEmpty())
        return {};
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
    }
    return lines;
}

QVector<TracStepRow> orderedSteps(QVector<TracStepRow> steps, const QStringList &recipeSteps)
{
    const auto rank = [&](const TracStepRow &step) {
        const int index = recipeSteps.indexOf(step.name);
        return index < 0 ? recipeSteps.size() : index;
    };
    std::stable_sort(steps.begin(), steps.end(), [&](const TracStepRow &a, const TracStepRow &b) {
        const int ra = rank(a);
        const int rb = rank(b);
        return ra != rb ? ra < rb : a.started < b.started;
    });
    return steps;
}

} // namespace

QVector<QPair<QString, QString>> TracRowMapper::logMessages(const QByteArray &lines,
                                                            const QByteArray &levels)
{
    const QStringList texts = splitLines(lines);
    const QStringList levelTexts = splitLines(levels);
    QVector<QPair<QString, QString>> messages;
    messages.reserve(texts.size());
    for (int i = 0; i < texts.size(); ++i)
        messages.append(
                {i < levelTexts.size() ? levelTexts.at(i) : QStringLiteral("info"), texts.at(i)});
    return messages;
}

QVector<Core::ReportItem> TracRowMapper::reportItems(const QVector<TracReportRow::Field> &fields)
{
    std::map<int, Core::ReportItem> items;
    for (const TracReportRow::Field &field : fields)
        items[field.item].set(field.name, field.value);
    QVector<Core::ReportItem> result;
    result.reserve(int(items.size()));
    for (const auto &entry : items)
        result += entry.second;
    return result;
}

ImportedBuild TracRowMapper::toImportedBuild(const TracBuildRows &rows, const QString &source,
                                             qint64 platform, const QStringList &recipeSteps)
{
    const TracBuildRow &row = rows.build;
    ImportedBuild imported;
    imported.source = source;
    imported.originalId = row.id;
    imported.build = Build{0,
                           row.config,
                           row.revision,
                           row.revisionTime,
                           platform,
                           row.slave,
                           row.started,
                           row.stopped,
                           row.lastActivity != 0 ? row.lastActivity : row.stopped,
                           buildStatusFromCode(row.status)};
    imported.slave.name = row.slave;
    imported.slave.properties = rows.slave;
    for (const TracStepRow &step : orderedSteps(rows.steps, recipeSteps))
        imported.steps += BuildStep{0,
                                    step.name,
                                    step.description,
                                    stepStatusFromCode(step.status),
                                    step.started,
                                    step.stopped};
    imported.errors = rows.errors;
    for (const TracLogRow &log : rows.logs)
        imported.logs
                += ImportedBuild::Log{LogRecord{0, 0, log.step, log.generator, log.orderNumber, 0},
                                      logMessages(log.lines, log.levels)};
    for (const TracReportRow &report : rows.reports)
        imported.reports += ReportRecord{
                0, 0, report.step, report.category, report.generator, reportItems(report.fields)};
    return imported;
}

} // namespace Bridge
