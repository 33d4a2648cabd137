// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/summarytable.h"

#include <QStringList>

namespace Agent {

namespace {

QStringList cells(const Core::StepSummary &step)
{
    const QString none = QStringLiteral("-");
    QStringList row{step.step, SummaryTable::statusText(step),
                    QString::number(step.durationSeconds, 'f', 2) + QLatin1Char('s')};
    if (step.tests) {
        const Core::TestTotals &totals = step.tests->totals;
        row << QString::number(totals.success) << QString::number(totals.failed())
            << QString::number(totals.ignore);
    } else {
        row << none << none << none;
    }
    row << (step.coverage ? QString::number(step.coverage->percentage(), 'f', 1) + QLatin1Char('%')
                          : none);
    row << (step.lint ? QString::number(step.lint->total()) : none);
    return row;
}

QString formatRow(const QStringList &row, const QVector<int> &widths)
{
    QString line;
    for (int i = 0; i < row.size(); ++i) {
        // The step name is left-aligned, the figures right-aligned.
        line += i < 2 ? row.at(i).leftJustified(widths.at(i))
                      : row.at(i).rightJustified(widths.at(i));
        if (i + 1 < row.size())
            line += QStringLiteral("  ");
    }
    return line;
}

} // namespace

QString SummaryTable::statusText(const Core::StepSummary &step)
{
    if (step.status == Core::StepResult::Status::Success)
        return QStringLiteral("success");
    return step.onError == Core::OnError::Ignore ? QStringLiteral("failed (ignored)")
                                                 : QStringLiteral("FAILED");
}

QString SummaryTable::render(const QVector<Core::StepSummary> &steps)
{
    QVector<QStringList> rows{{QStringLiteral("step"), QStringLiteral("status"),
                               QStringLiteral("time"), QStringLiteral("passed"),
                               QStringLiteral("failed"), QStringLiteral("ignored"),
                               QStringLiteral("coverage"), QStringLiteral("lint")}};
    for (const Core::StepSummary &step : steps)
        rows.append(cells(step));
    QVector<int> widths(rows.first().size(), 0);
    for (const QStringList &row : rows) {
        for (int i = 0; i < row.size(); ++i)
            widths[i] = qMax(widths.at(i), int(row.at(i).size()));
    }
    QString table;
    for (int r = 0; r < rows.size(); ++r) {
        table += formatRow(rows.at(r), widths) + QLatin1Char('\n');
        if (r == 0) {
            int total = 0;
            for (int width : widths)
                total += width;
            table += QString(total + 2 * (widths.size() - 1), QLatin1Char('-')) + QLatin1Char('\n');
        }
    }
    return table;
}

} // namespace Agent
