// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/store/storecopier.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include "bridge/store/storedatabase.h"

namespace Bridge {

namespace {

/// Parameters per INSERT stay far below SQLite's and PostgreSQL's limits.
constexpr int parametersPerInsert = 900;

Core::Error copyError(const StoreDatabase &db, const QString &what, const QString &cause)
{
    return Core::makeError(Core::ErrorCode::Internal,
                           QStringLiteral("Could not %1 in store database %2: %3")
                                   .arg(what, db.displayName(), cause));
}

QString quoted(const QString &identifier)
{
    return QLatin1Char('"') + QString(identifier).replace(QLatin1Char('"'), QLatin1String("\"\""))
            + QLatin1Char('"');
}

Core::Result<QStringList> column(StoreDatabase &db, const QString &sql, int index = 0)
{
    QSqlQuery query(db.database());
    if (!query.exec(sql))
        return copyError(db, QStringLiteral("list the tables"), query.lastError().text());
    QStringList values;
    while (query.next())
        values += query.value(index).toString();
    return values;
}

/// (child, parent) pairs of the foreign keys between tables.
Core::Result<QVector<QPair<QString, QString>>> foreignKeys(StoreDatabase &db,
                                                           const QStringList &tables)
{
    QVector<QPair<QString, QString>> edges;
    QSqlQuery query(db.database());
    if (db.dialect() == SqlDialect::Postgres) {
        if (!query.exec(QStringLiteral("SELECT conrelid::regclass::text, confrelid::regclass::text "
                                       "FROM pg_constraint WHERE contype = 'f'")))
            return copyError(db, QStringLiteral("read the foreign keys"), query.lastError().text());
        while (query.next())
            edges += {query.value(0).toString(), query.value(1).toString()};
        return edges;
    }
    for (const QString &table : tables) {
        if (!query.exec(
                    QStringLiteral("SELECT \"table\" FROM pragma_foreign_key_list('%1')")
                            .arg(QString(table).replace(QLatin1Char('\''), QLatin1String("''")))))
            return copyError(db, QStringLiteral("read the foreign keys"), query.lastError().text());
        while (query.next())
            edges += {table, query.value(0).toString()};
    }
    return edges;
}

Core::Result<qint64> countRows(StoreDatabase &db, const QString &table)
{
    QSqlQuery query(db.database());
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM ") + quoted(table)) || !query.next())
        return copyError(db, QStringLiteral("count the rows of table %1").arg(table),
                         query.lastError().text());
    return query.value(0).toLongLong();
}

Core::Result<void> exec(StoreDatabase &db, const QString &sql, const QString &what)
{
    QSqlQuery query(db.database());
    if (!query.exec(sql))
        return copyError(db, what, query.lastError().text());
    return {};
}

/// A read snapshot of the source for the whole copy.
Core::Result<void> beginRead(StoreDatabase &db)
{
    if (db.dialect() == SqlDialect::Sqlite)
        return exec(db, QStringLiteral("BEGIN"), QStringLiteral("begin a read transaction"));
    return exec(db, QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"),
                QStringLiteral("begin a read transaction"));
}

/// Inserts @p rows (each a list of values) into @p table with one multi-row INSERT.
Core::Result<void> insertRows(StoreDatabase &db, const QString &table, const QStringList &columns,
                              const QVector<QVariantList> &rows)
{
    QStringList quotedColumns;
    for (const QString &name : columns)
        quotedColumns += quoted(name);
    const QString oneRow = QStringLiteral("(?")
            + QStringLiteral(",?").repeated(int(columns.size()) - 1) + QLatin1Char(')');
    const QString values
            = oneRow + QString(QStringLiteral(", ") + oneRow).repeated(int(rows.size()) - 1);
    QSqlQuery query(db.database());
    query.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
                          .arg(quoted(table), quotedColumns.join(QLatin1String(", ")), values));
    for (const QVariantList &row : rows) {
        for (const QVariant &value : row)
            query.addBindValue(value);
    }
    if (!query.exec())
        return copyError(db, QStringLiteral("copy rows into table %1").arg(table),
                         query.lastError().text());
    return {};
}

/// The columns of @p table in the source; each must exist in the target.
Core::Result<QStringList> sharedColumns(StoreDatabase &source, StoreDatabase &target,
                                        const QString &table)
{
    const QSqlRecord record = source.database().record(table);
    const QSqlRecord targetRecord = target.database().record(table);
    QStringList columns;
    for (int i = 0; i < record.count(); ++i) {
        if (!targetRecord.contains(record.fieldName(i)))
            return copyError(target, QStringLiteral("copy table %1").arg(table),
                             QStringLiteral("it has no column %1").arg(record.fieldName(i)));
        columns += record.fieldName(i);
    }
    return columns;
}

} // namespace

Core::Result<QStringList> StoreCopier::copyOrder(StoreDatabase &db)
{
    const Core::Result<QStringList> created = column(
            db,
            db.dialect() == SqlDialect::Postgres
                    ? QStringLiteral("SELECT relname FROM pg_class WHERE relkind = 'r' AND "
                                     "relnamespace = current_schema()::regnamespace ORDER BY oid")
                    : QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name "
                                     "NOT LIKE 'sqlite_%' ORDER BY rowid"));
    if (!created)
        return created.error();
    QStringList pending = created.value();
    pending.removeAll(QStringLiteral("schema_version"));
    const auto edges = foreignKeys(db, pending);
    if (!edges)
        return edges.error();
    // Repeatedly take the first table (in creation order) whose parents are all placed.
    QStringList order;
    while (!pending.isEmpty()) {
        int next = 0;
        for (int i = 0; i < pending.size(); ++i) {
            bool ready = true;
            for (const auto &edge : edges.value())
                ready = ready
                        && !(edge.first == pending.at(i) && edge.second != edge.first
                             && pending.contains(edge.second));
            if (ready) {
                next = i;
                break;
            }
        }
        order += pending.takeAt(next); // a cycle falls back to creation order
    }
    return order;
}

Core::Result<qint64> StoreCopier::copyTable(StoreDatabase &source, StoreDatabase &target,
                                            const QString &table)
{
    const Core::Result<QStringList> shared = sharedColumns(source, target, table);
    if (!shared)
        return shared.error();
    const QStringList &columns = shared.value();
    QStringList quotedColumns;
    for (const QString &name : qAsConst(columns))
        quotedColumns += quoted(name);
    QSqlQuery read(source.database());
    read.setForwardOnly(true);
    if (!read.exec(QStringLiteral("SELECT %1 FROM %2")
                           .arg(quotedColumns.join(QLatin1String(", ")), quoted(table))))
        return copyError(source, QStringLiteral("read table %1").arg(table),
                         read.lastError().text());
    const int batch = qMax(1, parametersPerInsert / qMax(1, int(columns.size())));
    QVector<QVariantList> rows;
    qint64 copied = 0;
    while (true) {
        const bool more = read.next();
        if (more) {
            QVariantList row;
            for (int i = 0; i < columns.size(); ++i)
                row += read.value(i);
            rows += row;
        }
        if (rows.size() == batch || (!more && !rows.isEmpty())) {
            const Core::Result<void> inserted = insertRows(target, table, columns, rows);
            if (!inserted)
                return inserted.error();
            copied += rows.size();
            rows.clear();
        }
        if (!more)
            return copied;
    }
}

Core::Result<void> StoreCopier::fixSequences(StoreDatabase &target)
{
    if (target.dialect() != SqlDialect::Postgres)
        return {}; // SQLite's AUTOINCREMENT follows explicitly inserted ids by itself
    QSqlQuery query(target.database());
    if (!query.exec(QStringLiteral(
                "SELECT c.relname, a.attname, pg_get_serial_sequence(quote_ident(c.relname), "
                "a.attname) FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid WHERE "
                "c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace AND a.attnum "
                "> 0 AND NOT a.attisdropped AND pg_get_serial_sequence(quote_ident(c.relname), "
                "a.attname) IS NOT NULL")))
        return copyError(target, QStringLiteral("list the sequences"), query.lastError().text());
    QVector<QStringList> sequences;
    while (query.next())
        sequences += QStringList{query.value(0).toString(), query.value(1).toString(),
                                 query.value(2).toString()};
    for (const QStringList &s : qAsConst(sequences)) {
        const Core::Result<void> set = exec(
                target,
                QStringLiteral("SELECT setval('%1', COALESCE(MAX(%2), 0) + 1, false) FROM %3")
                        .arg(s.at(2), quoted(s.at(1)), quoted(s.at(0))),
                QStringLiteral("move sequence %1 past the copied ids").arg(s.at(2)));
        if (!set)
            return set;
    }
    return {};
}

Core::Result<StoreCopySummary> StoreCopier::copy(StoreDatabase &source, StoreDatabase &target,
                                                 const QVector<Migration> &migrations)
{
    const QStringList existing = target.tables();
    if (!existing.isEmpty())
        return Core::makeError(
                Core::ErrorCode::InvalidInput,
                QStringLiteral("The target store %1 is not empty (it has the "
                               "tables %2); bittern migrate-store only fills a "
                               "new, empty database.")
                        .arg(target.displayName(), existing.join(QLatin1String(", "))));
    QSqlDatabase from = source.database();
    const Core::Result<int> version = SchemaMigrator::currentVersion(from);
    if (!version)
        return version.error();
    const int latest = migrations.isEmpty() ? 0 : migrations.constLast().version;
    if (version.value() == 0 || version.value() > latest)
        return Core::makeError(
                Core::ErrorCode::InvalidInput,
                QStringLiteral("The source store %1 is at schema version %2; bittern "
                               "migrate-store copies stores at versions 1 to %3.")
                        .arg(source.displayName())
                        .arg(version.value())
                        .arg(latest));
    const Core::Result<void> reading = beginRead(source);
    if (!reading)
        return reading.error();
    QSqlDatabase to = target.database();
    if (!to.transaction())
        return copyError(target, QStringLiteral("begin a transaction"), to.lastError().text());
    Core::Result<StoreCopySummary> summary = copyInTransactions(source, target, migrations);
    if (summary && !to.commit())
        summary = copyError(target, QStringLiteral("commit the copy"), to.lastError().text());
    if (!summary)
        to.rollback();
    from.rollback();
    return summary;
}

Core::Result<StoreCopySummary> StoreCopier::copyInTransactions(StoreDatabase &source,
                                                               StoreDatabase &target,
                                                               const QVector<Migration> &migrations)
{
    QSqlDatabase from = source.database();
    QSqlDatabase to = target.database();
    StoreCopySummary summary;
    summary.sourceVersion = SchemaMigrator::currentVersion(from).value();
    QVector<Migration> upToSource;
    for (const Migration &migration : migrations) {
        if (migration.version <= summary.sourceVersion)
            upToSource += migration;
    }
    const Core::Result<int> created
            = SchemaMigrator::applyPending(to, target.dialect(), upToSource);
    if (!created)
        return created.error();
    const Core::Result<QStringList> order = copyOrder(source);
    if (!order)
        return order.error();
    for (const QString &table : order.value()) {
        const Core::Result<qint64> copied = copyTable(source, target, table);
        if (!copied)
            return copied.error();
        const Core::Result<qint64> expected = countRows(source, table);
        const Core::Result<qint64> stored = countRows(target, table);
        if (!expected || !stored)
            return !expected ? expected.error() : stored.error();
        if (expected.value() != stored.value() || copied.value() != stored.value())
            return copyError(target, QStringLiteral("verify table %1").arg(table),
                             QStringLiteral("it has %1 rows, the source %2")
                                     .arg(stored.value())
                                     .arg(expected.value()));
        summary.tables += TableCopy{table, stored.value()};
        summary.rows += stored.value();
    }
    const Core::Result<void> sequences = fixSequences(target);
    if (!sequences)
        return sequences.error();
    const Core::Result<int> migrated
            = SchemaMigrator::applyPending(to, target.dialect(), migrations);
    if (!migrated)
        return migrated.error();
    summary.targetVersion = migrated.value();
    return summary;
}

} // namespace Bridge
