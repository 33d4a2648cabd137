// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/store/sqlstorerows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QVariant>

#include "bridge/store/sqlstore.h"
#include "bridge/store/stepsequence.h"

// SqlStore's row loaders and writers shared by several operations.

namespace Bridge {

QString SqlRows::buildColumns()
{
    return QStringLiteral(
            "id, config, rev, rev_time, platform, slave, started, stopped, last_activity, status");
}

Build SqlRows::buildFrom(const QSqlQuery &query, int first)
{
    Build build;
    build.id = query.value(first).toLongLong();
    build.config = query.value(first + 1).toString();
    build.revision = query.value(first + 2).toString();
    build.revisionTime = query.value(first + 3).toLongLong();
    build.platform = query.value(first + 4).toLongLong();
    build.slave = query.value(first + 5).toString();
    build.started = query.value(first + 6).toLongLong();
    build.stopped = query.value(first + 7).toLongLong();
    build.lastActivity = query.value(first + 8).toLongLong();
    build.status = buildStatusFromCode(query.value(first + 9).toString());
    return build;
}

QString SqlRows::setupStepsText(const QStringList &steps)
{
    return steps.join(QLatin1Char(','));
}

QStringList SqlRows::setupStepsFrom(const QString &text)
{
    return text.split(QLatin1Char(','), Qt::SkipEmptyParts);
}

Core::Result<Build> SqlStore::loadBuild(qint64 id)
{
    Core::Result<Query> query = exec(QStringLiteral("SELECT ") + SqlRows::buildColumns()
                                             + QStringLiteral(" FROM build WHERE id = ?"),
                                     {id});
    if (!query)
        return query.error();
    if (!query.value().next())
        return Core::makeError(Core::ErrorCode::NotFound,
                               QStringLiteral("No such build (%1)").arg(id));
    return SqlRows::buildFrom(query.value());
}

Core::Result<SlaveInfo> SqlStore::loadSlave(qint64 build)
{
    Core::Result<Query> query
            = exec(QStringLiteral("SELECT propname, propvalue FROM slave_property WHERE build = ? "
                                  "ORDER BY orderno"),
                   {build});
    if (!query)
        return query.error();
    SlaveInfo slave;
    while (query.value().next())
        slave.properties.append(
                {query.value().value(0).toString(), query.value().value(1).toString()});
    slave.name = slave.value(QStringLiteral("name"));
    return slave;
}

Core::Result<void> SqlStore::saveSlave(qint64 build, const SlaveInfo &slave)
{
    const Core::Result<void> cleared
            = run(QStringLiteral("DELETE FROM slave_property WHERE build = ?"), {build});
    if (!cleared)
        return cleared;
    SlaveInfo complete = slave;
    if (complete.value(QStringLiteral("name")).isEmpty() && !slave.name.isEmpty())
        complete.properties.prepend({QStringLiteral("name"), slave.name});
    for (int i = 0; i < complete.properties.size(); ++i) {
        const Core::Result<void> row = run(
                QStringLiteral("INSERT INTO slave_property (build, orderno, propname, propvalue) "
                               "VALUES (?, ?, ?, ?)"),
                {build, i, complete.properties.at(i).first, complete.properties.at(i).second});
        if (!row)
            return row;
    }
    return {};
}

Core::Result<void> SqlStore::checkToken(qint64 build, const QString &token)
{
    const Core::Result<SlaveInfo> slave = loadSlave(build);
    if (!slave)
        return slave.error();
    // An empty token never owns a build (a pending build has no token either).
    if (token.isEmpty() || slave.value().token() != token)
        return Core::makeError(Core::ErrorCode::Conflict,
                               QStringLiteral("Token mismatch (wrong slave): slave=%1, build=%2")
                                       .arg(token, slave.value().token()));
    return {};
}

Core::Result<Build> SqlStore::loadOwnedBuild(qint64 id, const QString &token)
{
    Core::Result<Build> build = loadBuild(id);
    if (!build)
        return build;
    const Core::Result<void> owner = checkToken(id, token);
    if (!owner)
        return owner.error();
    return build;
}

Core::Result<void> SqlStore::requireConfiguration(const QString &config)
{
    Core::Result<Query> found
            = exec(QStringLiteral("SELECT name FROM config WHERE name = ?"), {config});
    if (!found)
        return found.error();
    if (!found.value().next())
        return Core::makeError(Core::ErrorCode::NotFound,
                               QStringLiteral("No such configuration '%1'.").arg(config));
    return {};
}

Core::Result<StepSequence> SqlStore::stepSequence(const Configuration &config)
{
    return StepSequence::fromRecipe(config.name, config.recipe);
}

Core::Result<QStringList> SqlStore::deleteBuildData(qint64 build)
{
    Core::Result<Query> files
            = exec(QStringLiteral("SELECT file_path FROM attachment WHERE build = ? ORDER BY id"),
                   {build});
    if (!files)
        return files.error();
    QStringList paths;
    while (files.value().next())
        paths += files.value().value(0).toString();
    const QStringList statements{
            QStringLiteral(
                    "DELETE FROM log_chunk WHERE log IN (SELECT id FROM log WHERE build = ?)"),
            QStringLiteral("DELETE FROM log WHERE build = ?"),
            QStringLiteral("DELETE FROM report_item WHERE report IN (SELECT id FROM report WHERE "
                           "build = ?)"),
            QStringLiteral("DELETE FROM report WHERE build = ?"),
            QStringLiteral("DELETE FROM step_error WHERE build = ?"),
            QStringLiteral("DELETE FROM step WHERE build = ?"),
            QStringLiteral("DELETE FROM build_metric WHERE build = ?"),
            QStringLiteral("DELETE FROM slave_property WHERE build = ?"),
            QStringLiteral("DELETE FROM attachment WHERE build = ?")};
    for (const QString &statement : statements) {
        const Core::Result<void> done = run(statement, {build});
        if (!done)
            return done.error();
    }
    return paths;
}

Core::Result<void> SqlStore::resetToPending(qint64 build)
{
    return run(QStringLiteral("UPDATE build SET status = 'P', slave = '', started = 0, stopped = "
                              "0, last_activity = 0 WHERE id = ?"),
               {build});
}

Core::Result<void> SqlStore::insertStep(const BuildStep &step, int orderNumber)
{
    return run(QStringLiteral("INSERT INTO step (build, name, orderno, description, status, "
                              "started, stopped) VALUES (?, ?, ?, ?, ?, ?, ?)"),
               {step.build, step.name, orderNumber, step.description,
                QString(statusCode(step.status)), step.started, step.stopped});
}

Core::Result<void> SqlStore::insertLog(const LogRecord &log,
                                       const QVector<QPair<QString, QString>> &messages)
{
    const Core::Result<qint64> id = insert(
            QStringLiteral("INSERT INTO log (build, step, generator, orderno, message_count) "
                           "VALUES (?, ?, ?, ?, ?)"),
            {log.build, log.step, log.generator, log.orderNumber, qint64(messages.size())});
    if (!id)
        return id.error();
    for (int first = 0; first < messages.size(); first += logChunkLines) {
        const int count = qMin(logChunkLines, int(messages.size()) - first);
        QJsonArray chunk;
        for (int i = first; i < first + count; ++i)
            chunk.append(QJsonArray{messages.at(i).first, messages.at(i).second});
        const Core::Result<void> row = run(
                QStringLiteral("INSERT INTO log_chunk (log, first_line, line_count, messages) "
                               "VALUES (?, ?, ?, ?)"),
                {id.value(), first, count,
                 QString::fromUtf8(QJsonDocument(chunk).toJson(QJsonDocument::Compact))});
        if (!row)
            return row;
    }
    return {};
}

Core::Result<void> SqlStore::insertReports(qint64 build, const QString &step,
                                           const QVector<Core::Report> &reports)
{
    for (const Core::Report &report : reports) {
        const Core::Result<qint64> id = insert(
                QStringLiteral("INSERT INTO report (build, step, category, generator) VALUES "
                               "(?, ?, ?, ?)"),
                {build, step, report.category, report.generator});
        if (!id)
            return id.error();
        const Core::Result<void> items = insertReportItems(id.value(), report.items);
        if (!items)
            return items;
    }
    return addMetrics(build, reports);
}

Core::Result<void> SqlStore::insertReportItems(qint64 report,
                                               const QVector<Core::ReportItem> &items)
{
    // Reports can have hundreds of thousands of fields. SQLite is fastest with one prepared
    // single-row statement (large multi-row statements were 3 times slower), PostgreSQL with
    // multi-row batches.
    if (m_dialect == SqlDialect::Postgres)
        return insertReportItemsBatched(report, items);
    QSqlQuery query(database());
    if (!query.prepare(
                QStringLiteral("INSERT INTO report_item (report, item, orderno, name, value) "
                               "VALUES (?, ?, ?, ?, ?)")))
        return sqlError(QStringLiteral("prepare a statement"), query.lastError().text());
    for (int item = 0; item < items.size(); ++item) {
        const auto &fields = items.at(item).fields;
        for (int field = 0; field < fields.size(); ++field) {
            query.bindValue(0, report);
            query.bindValue(1, item);
            query.bindValue(2, field);
            query.bindValue(3, fields.at(field).first);
            query.bindValue(4,
                            fields.at(field).second.isNull() ? QStringLiteral("")
                                                             : fields.at(field).second);
            if (!query.exec())
                return sqlError(QStringLiteral("store a report item"), query.lastError().text());
        }
    }
    return {};
}

Core::Result<void> SqlStore::insertReportItemsBatched(qint64 report,
                                                      const QVector<Core::ReportItem> &items)
{
    // Multi-row batches save a network round trip per field (measured: 500 builds of 500
    // fields each import in 6 s instead of 14 s).
    constexpr int batchRows = 200;
    QVariantList values;
    int rows = 0;
    const auto flush = [&]() -> Core::Result<void> {
        if (rows == 0)
            return {};
        QStringList tuples;
        for (int i = 0; i < rows; ++i)
            tuples += QStringLiteral("(?, ?, ?, ?, ?)");
        const Core::Result<void> done = run(QStringLiteral("INSERT INTO report_item (report, item, "
                                                           "orderno, name, value) VALUES ")
                                                    + tuples.join(QStringLiteral(", ")),
                                            values);
        values.clear();
        rows = 0;
        return done;
    };
    for (int item = 0; item < items.size(); ++item) {
        const auto &fields = items.at(item).fields;
        for (int field = 0; field < fields.size(); ++field) {
            values << report << item << field << fields.at(field).first << fields.at(field).second;
            if (++rows == batchRows) {
                const Core::Result<void> done = flush();
                if (!done)
                    return done;
            }
        }
    }
    return flush();
}

Core::Result<void> SqlStore::addMetrics(qint64 build, const QVector<Core::Report> &reports)
{
    Core::TestTotals tests;
    Core::CoverageTotals coverage;
    Core::LintTotals lint;
    for (const Core::Report &report : reports) {
        if (report.category == QLatin1String("test")) {
            const Core::TestTotals t = Core::testTotals(report);
            tests.success += t.success;
            tests.failure += t.failure;
            tests.error += t.error;
            tests.ignore += t.ignore;
            tests.other += t.other;
        } else if (report.category == QLatin1String("coverage")) {
            const Core::CoverageTotals c = Core::coverageTotals(report);
            coverage.lines += c.lines;
            coverage.coveredLines += c.coveredLines;
            coverage.files += c.files;
        } else if (report.category == QLatin1String("lint")) {
            const Core::LintTotals l = Core::lintTotals(report);
            lint.convention += l.convention;
            lint.refactor += l.refactor;
            lint.warning += l.warning;
            lint.error += l.error;
            lint.other += l.other;
        }
    }
    return run(QStringLiteral(
                       "INSERT INTO build_metric (build, test_success, test_failure, test_error, "
                       "test_ignore, test_other, coverage_lines, coverage_covered, "
                       "coverage_files, lint_convention, lint_refactor, lint_warning, lint_error, "
                       "lint_other) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT "
                       "(build) DO UPDATE SET test_success = build_metric.test_success + "
                       "excluded.test_success, test_failure = build_metric.test_failure + "
                       "excluded.test_failure, test_error = build_metric.test_error + "
                       "excluded.test_error, test_ignore = build_metric.test_ignore + "
                       "excluded.test_ignore, test_other = build_metric.test_other + "
                       "excluded.test_other, coverage_lines = build_metric.coverage_lines + "
                       "excluded.coverage_lines, coverage_covered = "
                       "build_metric.coverage_covered + excluded.coverage_covered, "
                       "coverage_files = build_metric.coverage_files + excluded.coverage_files, "
                       "lint_convention = build_metric.lint_convention + "
                       "excluded.lint_convention, lint_refactor = build_metric.lint_refactor + "
                       "excluded.lint_refactor, lint_warning = build_metric.lint_warning + "
                       "excluded.lint_warning, lint_error = build_metric.lint_error + "
                       "excluded.lint_error, lint_other = build_metric.lint_other + "
                       "excluded.lint_other"),
               {build, tests.success, tests.failure, tests.error, tests.ignore, tests.other,
                coverage.lines, coverage.coveredLines, coverage.files, lint.convention,
                lint.refactor, lint.warning, lint.error, lint.other});
}

Core::Result<QVector<TargetPlatform>> SqlStore::loadPlatforms(const QString &where,
                                                              const QVariantList &values)
{
    Core::Result<Query> query = exec(QStringLiteral("SELECT id, config, name FROM platform ")
                                             + where + QStringLiteral(" ORDER BY id"),
                                     values);
    if (!query)
        return query.error();
    QVector<TargetPlatform> platforms;
    while (query.value().next())
        platforms += TargetPlatform{query.value().value(0).toLongLong(),
                                    query.value().value(1).toString(),
                                    query.value().value(2).toString(),
                                    {}};
    for (TargetPlatform &platform : platforms) {
        Core::Result<Query> rules
                = exec(QStringLiteral("SELECT propname, pattern FROM platform_rule WHERE platform "
                                      "= ? ORDER BY orderno"),
                       {platform.id});
        if (!rules)
            return rules.error();
        while (rules.value().next())
            platform.rules += PlatformRule{rules.value().value(0).toString(),
                                           rules.value().value(1).toString()};
    }
    return platforms;
}

Core::Result<QVector<ReportRecord>> SqlStore::loadReports(qint64 build)
{
    Core::Result<Query> query
            = exec(QStringLiteral("SELECT id, step, category, generator FROM report WHERE build = "
                                  "? ORDER BY id"),
                   {build});
    if (!query)
        return query.error();
    QVector<ReportRecord> reports;
    while (query.value().next())
        reports += ReportRecord{
                query.value().value(0).toLongLong(), build,
                query.value().value(1).toString(),   query.value().value(2).toString(),
                query.value().value(3).toString(),   {}};
    for (ReportRecord &report : reports) {
        Core::Result<Query> items
                = exec(QStringLiteral("SELECT item, name, value FROM report_item WHERE report = ? "
                                      "ORDER BY item, orderno"),
                       {report.id});
        if (!items)
            return items.error();
        while (items.value().next()) {
            const int item = items.value().value(0).toInt();
            while (report.items.size() <= item)
                report.items.append(Core::ReportItem());
            report.items[item].fields.append(
                    {items.value().value(1).toString(), items.value().value(2).toString()});
        }
    }
    return reports;
}

} // namespace Bridge
