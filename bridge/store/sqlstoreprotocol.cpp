// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/store/sqlstore.h"

#include <QHash>
#include <QVariant>

#include "bridge/store/sqlstorerows.h"
#include "bridge/store/stepsequence.h"

// SqlStore: the build queue (bitten-spec §7.2–7.3) and the master side of the Bitten protocol
// (§5.3–5.9).

namespace Bridge {

namespace {

/// Reports of one step with same-category reports merged into the first (§5.5: Bitten allows
/// one report per build, step and category).
QVector<Core::Report> mergeByCategory(const QVector<Core::Report> &reports)
{
    QVector<Core::Report> merged;
    QHash<QString, int> index;
    for (const Core::Report &report : reports) {
        const auto it = index.constFind(report.category);
        if (it == index.constEnd()) {
            index.insert(report.category, merged.size());
            merged += report;
        } else {
            merged[it.value()].items += report.items;
        }
    }
    return merged;
}

} // namespace

Core::Result<std::optional<Build>> SqlStore::findBuild(const QString &config,
                                                       const QString &revision, qint64 platform)
{
    Core::Result<Query> query = exec(
            QStringLiteral("SELECT ") + SqlRows::buildColumns()
                    + QStringLiteral(" FROM build WHERE config = ? AND rev = ? AND platform = ? "
                                     "ORDER BY id LIMIT 1"),
            {config, revision, platform});
    if (!query)
        return query.error();
    if (!query.value().next())
        return std::optional<Build>();
    return std::optional<Build>(SqlRows::buildFrom(query.value()));
}

Core::Result<qint64> SqlStore::enqueueBuild(const Build &build)
{
    return transaction<qint64>([&]() { return queueBuild(build); });
}

Core::Result<qint64> SqlStore::queueBuild(const Build &build)
{
    const Core::Result<std::optional<Build>> existing
            = findBuild(build.config, build.revision, build.platform);
    if (!existing)
        return existing.error();
    if (existing.value())
        return existing.value()->id;
    // Another process may have queued the same triple: the unique index ignores it.
    const Core::Result<void> inserted
            = run(QStringLiteral("INSERT INTO build (config, rev, rev_time, platform, status) "
                                 "VALUES (?, ?, ?, ?, 'P') ON CONFLICT DO NOTHING"),
                  {build.config, build.revision, build.revisionTime, build.platform});
    if (!inserted)
        return inserted.error();
    const Core::Result<std::optional<Build>> found
            = findBuild(build.config, build.revision, build.platform);
    if (!found)
        return found.error();
    if (!found.value())
        return sqlError(QStringLiteral("queue a build"), QStringLiteral("the row vanished"));
    return found.value()->id;
}

Core::Result<QVector<Build>> SqlStore::pendingBuilds()
{
    return pendingBuildsWhere(QString(), {});
}

Core::Result<QVector<Build>> SqlStore::pendingBuildsWhere(const QString &condition,
                                                          const QVariantList &values)
{
    Core::Result<Query> query
            = exec(QStringLiteral("SELECT ") + SqlRows::buildColumns()
                           + QStringLiteral(" FROM build WHERE status = 'P'") + condition
                           + QStringLiteral(" ORDER BY rev_time DESC, config, "
                                            "slave, id"),
                   values);
    if (!query)
        return query.error();
    QVector<Build> builds;
    while (query.value().next())
        builds += SqlRows::buildFrom(query.value());
    return builds;
}

Core::Result<QStringList> SqlStore::removeBuild(qint64 id)
{
    return transaction<QStringList>([&]() -> Core::Result<QStringList> {
        const Core::Result<QStringList> files = deleteBuildData(id);
        if (!files)
            return files;
        const Core::Result<void> row = run(QStringLiteral("DELETE FROM build WHERE id = ?"), {id});
        if (!row)
            return row.error();
        return files;
    });
}

Core::Result<Store::OrphanReset> SqlStore::resetOrphanedBuilds(qint64 now, qint64 slaveTimeout)
{
    if (slaveTimeout <= 0)
        return OrphanReset();
    // Every poll asks; usually nothing is orphaned, and then no write transaction is needed.
    {
        Core::Result<Query> any = exec(
                QStringLiteral("SELECT 1 FROM build WHERE status = 'I' AND last_activity <= ? "
                               "AND (import_source IS NULL OR import_source NOT LIKE 'ci:%') "
                               "LIMIT 1"),
                {now - slaveTimeout});
        if (!any)
            return any.error();
        if (!any.value().next())
            return OrphanReset();
    }
    return transaction<OrphanReset>([&]() -> Core::Result<OrphanReset> {
        Core::Result<Query> query
                = exec(QStringLiteral("SELECT id FROM build WHERE status = 'I' AND last_activity "
                                      "<= ? AND (import_source IS NULL OR import_source NOT LIKE "
                                      "'ci:%') ORDER BY id"),
                       {now - slaveTimeout});
        if (!query)
            return query.error();
        OrphanReset reset;
        while (query.value().next())
            reset.builds += query.value().value(0).toLongLong();
        for (qint64 id : qAsConst(reset.builds)) {
            const Core::Result<QStringList> files = deleteBuildData(id);
            if (!files)
                return files.error();
            reset.files += files.value();
            const Core::Result<void> pending = resetToPending(id);
            if (!pending)
                return pending.error();
        }
        return reset;
    });
}

Core::Result<Build> SqlStore::assignBuild(qint64 id, const SlaveInfo &slave, qint64 now)
{
    return transaction<Build>([&]() -> Core::Result<Build> {
        Core::Result<Query> updated
                = exec(QStringLiteral("UPDATE build SET status = 'I', slave = ?, started = 0, "
                                      "stopped = 0, last_activity = ? WHERE id = ? AND status = "
                                      "'P'"),
                       {slave.name, now, id});
        if (!updated)
            return updated.error();
        if (updated.value().numRowsAffected() != 1)
            return Core::makeError(Core::ErrorCode::Conflict,
                                   QStringLiteral("Build %1 is no longer pending.").arg(id));
        const Core::Result<void> saved = saveSlave(id, slave);
        if (!saved)
            return saved.error();
        return loadBuild(id);
    });
}

Core::Result<Store::BuildStart> SqlStore::startBuild(qint64 id, const QString &token, qint64 now)
{
    return transaction<BuildStart>([&]() -> Core::Result<BuildStart> {
        BuildStart start;
        Core::Result<Build> build = loadOwnedBuild(id, token);
        if (!build)
            return build.error();
        Core::Result<Configuration> config = configuration(build.value().config);
        if (!config)
            return config.error();
        const Core::Result<StepSequence> sequence = stepSequence(config.value());
        if (!sequence)
            return sequence.error();
        const Core::Result<QVector<TargetPlatform>> platform
                = loadPlatforms(QStringLiteral("WHERE id = ?"), {build.value().platform});
        if (!platform)
            return platform.error();
        const Core::Result<void> started = run(
                QStringLiteral("UPDATE build SET started = ?, last_activity = ? WHERE id = ?"),
                {now, now, id});
        if (!started)
            return started.error();
        start.firstStep = sequence.value().firstStep();
        Core::Result<Query> steps
                = exec(QStringLiteral("SELECT COUNT(*) FROM step WHERE build = ?"), {id});
        if (!steps)
            return steps.error();
        // A repeated GET must not insert the first step twice.
        if (!start.firstStep.isEmpty() && steps.value().next()
            && steps.value().value(0).toInt() == 0) {
            const Core::Result<void> first = insertStep(
                    BuildStep{id, start.firstStep, QString(), StepStatus::InProgress, now, 0}, 0);
            if (!first)
                return first.error();
        }
        build.value().started = build.value().lastActivity = now;
        start.build = build.value();
        start.config = config.value();
        start.platform = platform.value().value(0);
        return start;
    });
}

Core::Result<StepOutcome> SqlStore::storeStepResult(qint64 id, const QString &token,
                                                    const Core::StepResult &result, qint64 now)
{
    return transaction<StepOutcome>([&]() -> Core::Result<StepOutcome> {
        const Core::Result<Build> build = loadOwnedBuild(id, token);
        if (!build)
            return build.error();
        Core::Result<Query> step
                = exec(QStringLiteral("SELECT status FROM step WHERE build = ? AND name = ?"),
                       {id, result.step});
        if (!step)
            return step.error();
        if (!step.value().next())
            return Core::makeError(Core::ErrorCode::Conflict,
                                   QStringLiteral("Build step has not been created."));
        if (stepStatusFromCode(step.value().value(0).toString()) != StepStatus::InProgress) {
            // Keyed by build + step: a retried submission is acknowledged, never stored twice.
            StepOutcome outcome;
            outcome.kind = StepOutcome::Kind::Duplicate;
            outcome.buildStatus = build.value().status;
            return outcome;
        }
        return advance(build.value(), result, now);
    });
}

Core::Result<void> SqlStore::storeStepData(qint64 id, const Core::StepResult &result)
{
    for (int i = 0; i < result.errors.size(); ++i) {
        const Core::Result<void> error
                = run(QStringLiteral("INSERT INTO step_error (build, step, orderno, message) "
                                     "VALUES (?, ?, ?, ?)"),
                      {id, result.step, i, result.errors.at(i).message});
        if (!error)
            return error;
    }
    for (int i = 0; i < result.logs.size(); ++i) {
        const Core::StepLog &log = result.logs.at(i);
        QVector<QPair<QString, QString>> messages;
        messages.reserve(log.messages.size());
        for (const Core::LogMessage &message : log.messages)
            messages.append({message.level, message.text});
        const Core::Result<void> stored
                = insertLog(LogRecord{0, id, result.step, log.generator, i, 0}, messages);
        if (!stored)
            return stored;
    }
    return insertReports(id, result.step, mergeByCategory(result.reports));
}

Core::Result<StepOutcome> SqlStore::advance(const Build &build, const Core::StepResult &result,
                                            qint64 now)
{
    Core::Result<Configuration> config = configuration(build.config);
    if (!config)
        return config.error();
    const Core::Result<StepSequence> sequence = stepSequence(config.value());
    if (!sequence)
        return sequence.error();
    const int index = sequence.value().indexOf(result.step);
    if (index < 0)
        return Core::makeError(Core::ErrorCode::InvalidInput, QStringLiteral("No such build step"));
    const StepStatus status = result.status == Core::StepResult::Status::Failure
            ? StepStatus::Failure
            : StepStatus::Success;
    const Core::Result<void> updated = run(
            QStringLiteral("UPDATE step SET status = ?, stopped = ? WHERE build = ? AND name = ?"),
            {QString(statusCode(status)), now, build.id, result.step});
    if (!updated)
        return updated.error();
    const Core::Result<void> data = storeStepData(build.id, result);
    if (!data)
        return data.error();
    StepOutcome outcome;
    const std::optional<QString> next = sequence.value().next(result.step, status);
    if (next) {
        outcome.nextStep = *next;
        const Core::Result<void> inserted = insertStep(
                BuildStep{build.id, *next, QString(), StepStatus::InProgress, now, 0}, index + 1);
        if (!inserted)
            return inserted.error();
        const Core::Result<void> active = run(
                QStringLiteral("UPDATE build SET last_activity = ? WHERE id = ?"), {now, build.id});
        if (!active)
            return active.error();
        return outcome;
    }
    Core::Result<Query> steps
            = exec(QStringLiteral("SELECT name, status FROM step WHERE build = ?"), {build.id});
    if (!steps)
        return steps.error();
    QHash<QString, StepStatus> stored;
    while (steps.value().next())
        stored.insert(steps.value().value(0).toString(),
                      stepStatusFromCode(steps.value().value(1).toString()));
    outcome.kind = StepOutcome::Kind::Completed;
    outcome.buildStatus = sequence.value().finalStatus(stored);
    const Core::Result<void> done = run(
            QStringLiteral(
                    "UPDATE build SET status = ?, stopped = ?, last_activity = ? WHERE id = ?"),
            {QString(statusCode(outcome.buildStatus)), now, now, build.id});
    if (!done)
        return done.error();
    return outcome;
}

Core::Result<void> SqlStore::keepalive(qint64 id, const QString &token, qint64 now)
{
    return runTransaction([&]() -> Core::Result<void> {
        const Core::Result<Build> build = loadOwnedBuild(id, token);
        if (!build)
            return build.error();
        return run(QStringLiteral("UPDATE build SET last_activity = ? WHERE id = ?"), {now, id});
    });
}

Core::Result<QStringList> SqlStore::cancelBuild(qint64 id, const QString &token)
{
    return transaction<QStringList>([&]() -> Core::Result<QStringList> {
        const Core::Result<Build> build = loadBuild(id);
        if (!build)
            return build.error();
        if (!token.isEmpty()) {
            const Core::Result<void> owner = checkToken(id, token);
            if (!owner)
                return owner.error();
        }
        const Core::Result<QStringList> files = deleteBuildData(id);
        if (!files)
            return files;
        const Core::Result<void> pending = resetToPending(id);
        if (!pending)
            return pending.error();
        return files;
    });
}

Core::Result<qint64> SqlStore::addAttachment(const Attachment &attachment)
{
    return transaction<qint64>([&]() -> Core::Result<qint64> {
        const qint64 build
                = attachment.resource == AttachmentResource::Config ? 0 : attachment.build;
        const Core::Result<void> replaced = run(
                QStringLiteral(
                        "DELETE FROM attachment WHERE config = ? AND build = ? AND filename = ?"),
                {attachment.config, build, attachment.filename});
        if (!replaced)
            return replaced.error();
        return insert(QStringLiteral("INSERT INTO attachment (config, build, filename, "
                                     "description, author, size, created, file_path) VALUES (?, "
                                     "?, ?, ?, ?, ?, ?, ?)"),
                      {attachment.config, build, attachment.filename, attachment.description,
                       attachment.author, attachment.size, attachment.created,
                       attachment.filePath});
    });
}

Core::Result<QVector<Attachment>> SqlStore::attachments(const QString &config, qint64 build)
{
    Core::Result<Query> query
            = exec(QStringLiteral("SELECT id, config, build, filename, description, author, size, "
                                  "created, file_path FROM attachment WHERE config = ? AND build = "
                                  "? ORDER BY filename"),
                   {config, build});
    if (!query)
        return query.error();
    QVector<Attachment> result;
    QSqlQuery &q = query.value();
    while (q.next()) {
        const qint64 owner = q.value(2).toLongLong();
        result += Attachment{q.value(0).toLongLong(),
                             owner == 0 ? AttachmentResource::Config : AttachmentResource::Build,
                             q.value(1).toString(),
                             owner,
                             q.value(3).toString(),
                             q.value(4).toString(),
                             q.value(5).toString(),
                             q.value(6).toLongLong(),
                             q.value(7).toLongLong(),
                             q.value(8).toString()};
    }
    return result;
}

} // namespace Bridge
