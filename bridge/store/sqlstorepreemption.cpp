// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/store/sqlstore.h"

#include <QHash>
#include <QVariant>

#include "bridge/store/stepsequence.h"

// SqlStore: preemption with resume (issue 8 item 5, docs/PROTOCOL.md "Preemption"): a vacated
// build is requeued with its finished steps kept, and the next agent resumes it at the first
// unfinished step.

namespace Bridge {

namespace {

/// Where a build stands in its recipe.
struct ResumePoint
{
    QStringList finished; ///< stored steps, in recipe order
    int firstOpen = -1; ///< index of the first step not stored; -1: none
    bool running = false; ///< a step is in progress
};

ResumePoint resumePoint(const QVector<RecipeStepPolicy> &steps,
                        const QHash<QString, StepStatus> &stored)
{
    ResumePoint point;
    for (int i = 0; i < steps.size(); ++i) {
        const auto it = stored.constFind(steps.at(i).id);
        if (it == stored.constEnd()) {
            if (point.firstOpen < 0)
                point.firstOpen = i;
        } else if (it.value() == StepStatus::InProgress) {
            point.running = true;
        } else {
            point.finished += steps.at(i).id;
        }
    }
    return point;
}

} // namespace

Core::Result<int> SqlStore::preemptBuild(qint64 id, const QString &token, const QString &step)
{
    return transaction<int>([&]() -> Core::Result<int> {
        const Core::Result<Build> build = loadOwnedBuild(id, token);
        if (!build)
            return build.error();
        auto row = exec(QStringLiteral("SELECT status FROM step WHERE build = ? AND name = ?"),
                        {id, step});
        if (!row)
            return row.error();
        if (build.value().status != BuildStatus::InProgress || !row.value().next()
            || stepStatusFromCode(row.value().value(0).toString()) != StepStatus::InProgress)
            return Core::makeError(
                    Core::ErrorCode::Conflict,
                    QStringLiteral("Step %1 of build %2 is not in progress.").arg(step).arg(id));
        row.value().finish();
        // The running step never stored data (a step's data comes with its result).
        const QStringList statements{
                QStringLiteral("DELETE FROM step WHERE build = ? AND name = ? AND status = 'I'"),
                QStringLiteral("DELETE FROM slave_property WHERE build = ? AND propname = ?")};
        const QVector<QVariantList> values{{id, step}, {id, QStringLiteral("token")}};
        for (int i = 0; i < statements.size(); ++i) {
            const Core::Result<void> done = run(statements.at(i), values.at(i));
            if (!done)
                return done.error();
        }
        const Core::Result<void> pending = resetToPending(id);
        if (!pending)
            return pending.error();
        const Core::Result<void> counted
                = run(QStringLiteral("UPDATE build SET preemptions = preemptions + 1 WHERE id = ?"),
                      {id});
        if (!counted)
            return counted.error();
        auto count = exec(QStringLiteral("SELECT preemptions FROM build WHERE id = ?"), {id});
        if (!count)
            return count.error();
        return count.value().next() ? count.value().value(0).toInt() : 0;
    });
}

Core::Result<QStringList> SqlStore::resumeBuild(qint64 id, const QString &token, qint64 now)
{
    return transaction<QStringList>([&]() -> Core::Result<QStringList> {
        const Core::Result<Build> build = loadOwnedBuild(id, token);
        if (!build)
            return build.error();
        Core::Result<Configuration> config = configuration(build.value().config);
        if (!config)
            return config.error();
        const Core::Result<StepSequence> sequence = stepSequence(config.value());
        if (!sequence)
            return sequence.error();
        auto rows = exec(QStringLiteral("SELECT name, status FROM step WHERE build = ?"), {id});
        if (!rows)
            return rows.error();
        QHash<QString, StepStatus> stored;
        while (rows.value().next())
            stored.insert(rows.value().value(0).toString(),
                          stepStatusFromCode(rows.value().value(1).toString()));
        rows.value().finish();
        const QVector<RecipeStepPolicy> &steps = sequence.value().steps();
        const ResumePoint point = resumePoint(steps, stored);
        // Only a preempted build lacks a running step while it is in progress.
        if (point.running || point.finished.isEmpty() || point.firstOpen < 0
            || build.value().status != BuildStatus::InProgress)
            return point.finished;
        const Core::Result<void> inserted
                = insertStep(BuildStep{id, steps.at(point.firstOpen).id, QString(),
                                       StepStatus::InProgress, now, 0},
                             point.firstOpen);
        if (!inserted)
            return inserted.error();
        return point.finished;
    });
}

} // namespace Bridge
