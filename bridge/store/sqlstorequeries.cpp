// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/store/sqlstore.h"

#include <algorithm>

#include <QJsonArray>
#include <QJsonDocument>
#include <QVariant>

#include "bridge/store/sqlstorerows.h"

// SqlStore: queries for REST and status pages, build requests and the import of history.

namespace Bridge {

namespace {

QString statusList(const QVector<BuildStatus> &statuses)
{
    QStringList codes;
    for (BuildStatus status : statuses)
        codes += QLatin1Char('\'') + QString(statusCode(status)) + QLatin1Char('\'');
    return codes.join(QLatin1Char(','));
}

MetricPoint metricFrom(const QSqlQuery &q)
{
    MetricPoint point;
    point.build = q.value(0).toLongLong();
    point.revision = q.value(1).toString();
    point.revisionTime = q.value(2).toLongLong();
    point.platform = q.value(3).toLongLong();
    point.status = buildStatusFromCode(q.value(4).toString());
    point.tests = {q.value(5).toLongLong(), q.value(6).toLongLong(), q.value(7).toLongLong(),
                   q.value(8).toLongLong(), q.value(9).toLongLong()};
    point.coverage.lines = q.value(10).toLongLong();
    point.coverage.coveredLines = q.value(11).toDouble();
    point.coverage.files = q.value(12).toLongLong();
    point.lint = {q.value(13).toLongLong(), q.value(14).toLongLong(), q.value(15).toLongLong(),
                  q.value(16).toLongLong(), q.value(17).toLongLong()};
    return point;
}

} // namespace

Core::Result<BuildPage> SqlStore::builds(const BuildQuery &query)
{
    QStringList where;
    QVariantList values;
    if (!query.config.isEmpty()) {
        where += QStringLiteral("config = ?");
        values += query.config;
    }
    if (query.platform != 0) {
        where += QStringLiteral("platform = ?");
        values += query.platform;
    }
    if (!query.statuses.isEmpty())
        where += QStringLiteral("status IN (%1)").arg(statusList(query.statuses));
    const QString filter = where.isEmpty()
            ? QString()
            : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    BuildPage page;
    Core::Result<Query> count = exec(QStringLiteral("SELECT COUNT(*) FROM build") + filter, values);
    if (!count)
        return count.error();
    page.total = count.value().next() ? count.value().value(0).toLongLong() : 0;
    QString sql = QStringLiteral("SELECT ") + SqlRows::buildColumns()
            + QStringLiteral(" FROM build") + filter
            + QStringLiteral(" ORDER BY rev_time DESC, id DESC");
    if (query.limit > 0) {
        sql += QStringLiteral(" LIMIT ? OFFSET ?");
        values << query.limit << qMax<qint64>(0, query.offset);
    }
    Core::Result<Query> rows = exec(sql, values);
    if (!rows)
        return rows.error();
    while (rows.value().next())
        page.builds += SqlRows::buildFrom(rows.value());
    return page;
}

Core::Result<Build> SqlStore::build(qint64 id)
{
    return loadBuild(id);
}

Core::Result<BuildDetail> SqlStore::buildDetail(qint64 id)
{
    return transaction<BuildDetail>([&]() { return loadDetail(id); });
}

Core::Result<BuildDetail> SqlStore::loadDetail(qint64 id)
{
    BuildDetail detail;
    const Core::Result<Build> build = loadBuild(id);
    if (!build)
        return build.error();
    detail.build = build.value();
    const Core::Result<QVector<TargetPlatform>> platform
            = loadPlatforms(QStringLiteral("WHERE id = ?"), {detail.build.platform});
    const Core::Result<SlaveInfo> slave = loadSlave(id);
    if (!platform || !slave)
        return !platform ? platform.error() : slave.error();
    detail.platform = platform.value().value(0);
    detail.slave = slave.value();
    Core::Result<Query> steps
            = exec(QStringLiteral("SELECT name, description, status, started, stopped FROM step "
                                  "WHERE build = ? ORDER BY orderno, started"),
                   {id});
    if (!steps)
        return steps.error();
    for (QSqlQuery &q = steps.value(); q.next();)
        detail.steps += BuildStep{id,
                                  q.value(0).toString(),
                                  q.value(1).toString(),
                                  stepStatusFromCode(q.value(2).toString()),
                                  q.value(3).toLongLong(),
                                  q.value(4).toLongLong()};
    Core::Result<Query> errors
            = exec(QStringLiteral("SELECT e.step, e.orderno, e.message FROM step_error e LEFT JOIN "
                                  "step s ON s.build = e.build AND s.name = e.step WHERE e.build = "
                                  "? ORDER BY s.orderno, e.step, e.orderno"),
                   {id});
    if (!errors)
        return errors.error();
    for (QSqlQuery &q = errors.value(); q.next();)
        detail.errors
                += StepError{id, q.value(0).toString(), q.value(1).toInt(), q.value(2).toString()};
    Core::Result<Query> logs
            = exec(QStringLiteral("SELECT id, step, generator, orderno, message_count FROM log "
                                  "WHERE build = ? ORDER BY id"),
                   {id});
    if (!logs)
        return logs.error();
    for (QSqlQuery &q = logs.value(); q.next();)
        detail.logs += LogRecord{q.value(0).toLongLong(), id,
                                 q.value(1).toString(),   q.value(2).toString(),
                                 q.value(3).toInt(),      q.value(4).toLongLong()};
    const Core::Result<QVector<ReportRecord>> reports = loadReports(id);
    if (!reports)
        return reports.error();
    detail.reports = reports.value();
    const Core::Result<QVector<Attachment>> files = attachments(detail.build.config, id);
    if (!files)
        return files.error();
    detail.attachments = files.value();
    return detail;
}

Core::Result<QVector<Core::LogMessage>> SqlStore::logMessages(qint64 logId, qint64 offset,
                                                              qint64 limit)
{
    offset = qMax<qint64>(0, offset);
    QString sql = QStringLiteral("SELECT first_line, messages FROM log_chunk WHERE log = ? AND "
                                 "first_line + line_count > ?");
    QVariantList values{logId, offset};
    if (limit > 0) {
        sql += QStringLiteral(" AND first_line < ?");
        values += offset + limit;
    }
    Core::Result<Query> chunks = exec(sql + QStringLiteral(" ORDER BY first_line"), values);
    if (!chunks)
        return chunks.error();
    QVector<Core::LogMessage> messages;
    for (QSqlQuery &q = chunks.value(); q.next();) {
        const qint64 first = q.value(0).toLongLong();
        const QJsonArray lines = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).array();
        for (int i = 0; i < lines.size(); ++i) {
            const qint64 line = first + i;
            if (line < offset || (limit > 0 && line >= offset + limit))
                continue;
            const QJsonArray pair = lines.at(i).toArray();
            messages += Core::LogMessage{pair.at(0).toString(), pair.at(1).toString()};
        }
    }
    return messages;
}

Core::Result<QVector<MetricPoint>> SqlStore::metrics(const QString &config)
{
    Core::Result<Query> query = exec(
            QStringLiteral(
                    "SELECT b.id, b.rev, b.rev_time, b.platform, b.status, m.test_success, "
                    "m.test_failure, m.test_error, m.test_ignore, m.test_other, m.coverage_lines, "
                    "m.coverage_covered, m.coverage_files, m.lint_convention, m.lint_refactor, "
                    "m.lint_warning, m.lint_error, m.lint_other FROM build b LEFT JOIN "
                    "build_metric m ON m.build = b.id WHERE b.config = ? AND b.status IN "
                    "('S', 'F') ORDER BY b.rev_time, b.id"),
            {config});
    if (!query)
        return query.error();
    QVector<MetricPoint> points;
    while (query.value().next())
        points += metricFrom(query.value());
    return points;
}

Core::Result<BuildRequest> SqlStore::requestBuild(const BuildRequest &request)
{
    return transaction<BuildRequest>([&]() -> Core::Result<BuildRequest> {
        if (!request.requestId.isEmpty()) {
            Core::Result<Query> seen
                    = exec(QStringLiteral("SELECT config, rev, rev_time, created, builds FROM "
                                          "build_request WHERE request_id = ?"),
                           {request.requestId});
            if (!seen)
                return seen.error();
            if (seen.value().next()) {
                const QSqlQuery &q = seen.value();
                BuildRequest stored{request.requestId,       q.value(0).toString(),
                                    q.value(1).toString(),   q.value(2).toLongLong(),
                                    q.value(3).toLongLong(), {}};
                const QStringList ids
                        = q.value(4).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
                for (const QString &id : ids)
                    stored.builds += id.toLongLong();
                return stored;
            }
        }
        const Core::Result<Configuration> config = configuration(request.config);
        if (!config)
            return config.error();
        const Core::Result<QVector<TargetPlatform>> targets
                = loadPlatforms(QStringLiteral("WHERE config = ?"), {request.config});
        if (!targets)
            return targets.error();
        BuildRequest result = request;
        result.builds.clear();
        QStringList ids;
        for (const TargetPlatform &platform : targets.value()) {
            Build build;
            build.config = request.config;
            build.revision = request.revision;
            build.revisionTime = request.revisionTime;
            build.platform = platform.id;
            const Core::Result<qint64> id = queueBuild(build);
            if (!id)
                return id.error();
            result.builds += id.value();
            ids += QString::number(id.value());
        }
        if (request.requestId.isEmpty())
            return result;
        const Core::Result<void> saved = run(
                QStringLiteral("INSERT INTO build_request (request_id, config, rev, rev_time, "
                               "created, builds) VALUES (?, ?, ?, ?, ?, ?)"),
                {request.requestId, request.config, request.revision, request.revisionTime,
                 request.created, ids.join(QLatin1Char(','))});
        if (!saved)
            return saved.error();
        return result;
    });
}

Core::Result<bool> SqlStore::importBuild(const ImportedBuild &imported)
{
    return transaction<bool>([&]() -> Core::Result<bool> {
        Core::Result<Query> seen = exec(
                QStringLiteral("SELECT id FROM build WHERE import_source = ? AND import_id = ?"),
                {imported.source, imported.originalId});
        if (!seen)
            return seen.error();
        if (seen.value().next())
            return false;
        const Core::Result<qint64> id = insertImportedBuild(imported);
        if (!id)
            return id.error();
        return true;
    });
}

Core::Result<qint64> SqlStore::insertImportedBuild(const ImportedBuild &imported)
{
    const Build &b = imported.build;
    const Core::Result<qint64> id = insert(
            QStringLiteral("INSERT INTO build (config, rev, rev_time, platform, slave, started, "
                           "stopped, last_activity, status, import_source, import_id) VALUES (?, "
                           "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {b.config, b.revision, b.revisionTime, b.platform, b.slave, b.started, b.stopped,
             b.lastActivity, QString(statusCode(b.status)), imported.source, imported.originalId});
    if (!id)
        return id;
    Core::Result<void> step = saveSlave(id.value(), imported.slave);
    for (int i = 0; step && i < imported.steps.size(); ++i) {
        BuildStep row = imported.steps.at(i);
        row.build = id.value();
        step = insertStep(row, i);
    }
    for (int i = 0; step && i < imported.errors.size(); ++i) {
        const StepError &error = imported.errors.at(i);
        step = run(QStringLiteral("INSERT INTO step_error (build, step, orderno, message) VALUES "
                                  "(?, ?, ?, ?)"),
                   {id.value(), error.step, error.orderNumber, error.message});
    }
    for (int i = 0; step && i < imported.logs.size(); ++i) {
        LogRecord record = imported.logs.at(i).record;
        record.build = id.value();
        step = insertLog(record, imported.logs.at(i).messages);
    }
    for (int i = 0; step && i < imported.reports.size(); ++i) {
        const ReportRecord &record = imported.reports.at(i);
        step = insertReports(id.value(), record.step,
                             {Core::Report{record.category, record.generator, record.items}});
    }
    if (!step)
        return step.error();
    return id;
}

// --- builds run on CI servers ---------------------------------------------------------------

Core::Result<qint64> SqlStore::recordCiBuild(const CiBuildRecord &record)
{
    return transaction<qint64>([&]() -> Core::Result<qint64> {
        Core::Result<Query> seen = exec(
                QStringLiteral("SELECT id FROM build WHERE import_source = ? AND import_id = ?"),
                {record.run.source, record.run.originalId});
        if (!seen)
            return seen.error();
        const qint64 existing = seen.value().next() ? seen.value().value(0).toLongLong() : 0;
        const Core::Result<qint64> id
                = existing != 0 ? Core::Result<qint64>(existing) : insertImportedBuild(record.run);
        if (!id)
            return id;
        const Core::Result<void> updated
                = existing != 0 ? updateCiBuild(existing, record) : Core::Result<void>();
        const Core::Result<void> metrics = updated ? saveCiMetrics(id.value(), record) : updated;
        if (!metrics)
            return metrics.error();
        return id;
    });
}

Core::Result<void> SqlStore::updateCiBuild(qint64 id, const CiBuildRecord &record)
{
    const Build &b = record.run.build;
    Core::Result<void> done = run(
            QStringLiteral("UPDATE build SET rev = ?, rev_time = ?, platform = ?, slave = ?, "
                           "started = ?, stopped = ?, last_activity = ?, status = ? WHERE id = ?"),
            {b.revision, b.revisionTime, b.platform, b.slave, b.started, b.stopped, b.lastActivity,
             QString(statusCode(b.status)), id});
    for (const char *table : {"step_error", "step"}) {
        if (done)
            done = run(QStringLiteral("DELETE FROM %1 WHERE build = ?").arg(QLatin1String(table)),
                       {id});
    }
    for (int i = 0; done && i < record.run.steps.size(); ++i) {
        BuildStep row = record.run.steps.at(i);
        row.build = id;
        done = insertStep(row, i);
    }
    for (int i = 0; done && i < record.run.errors.size(); ++i) {
        const StepError &error = record.run.errors.at(i);
        done = run(QStringLiteral("INSERT INTO step_error (build, step, orderno, message) VALUES "
                                  "(?, ?, ?, ?)"),
                   {id, error.step, error.orderNumber, error.message});
    }
    return done;
}

Core::Result<void> SqlStore::saveCiMetrics(qint64 id, const CiBuildRecord &record)
{
    if (!record.hasMetrics)
        return {};
    const Core::Result<void> cleared
            = run(QStringLiteral("DELETE FROM build_metric WHERE build = ?"), {id});
    if (!cleared)
        return cleared;
    return run(QStringLiteral("INSERT INTO build_metric (build, test_success, test_failure, "
                              "test_error, test_ignore, test_other, coverage_lines, "
                              "coverage_covered, coverage_files, lint_convention, lint_refactor, "
                              "lint_warning, lint_error, lint_other) VALUES (?, ?, ?, ?, ?, ?, ?, "
                              "?, ?, ?, ?, ?, ?, ?)"),
               {id, record.tests.success, record.tests.failure, record.tests.error,
                record.tests.ignore, record.tests.other, record.coverage.lines,
                record.coverage.coveredLines, record.coverage.files, record.lint.convention,
                record.lint.refactor, record.lint.warning, record.lint.error, record.lint.other});
}

} // namespace Bridge
