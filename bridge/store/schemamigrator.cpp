// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/store/schemamigrator.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

// Resources of a static library must be registered explicitly, outside any namespace.
static void initMigrationResources()
{
    Q_INIT_RESOURCE(migrations);
}

namespace Bridge {

namespace {

const QString resourceDir = QStringLiteral(":/bittern/store/migrations");

Core::Error failure(const QSqlDatabase &db, const QString &what, const QString &cause)
{
    return Core::makeError(Core::ErrorCode::Internal,
                           QStringLiteral("Could not %1 of store database %2: %3")
                                   .arg(what, db.databaseName(), cause));
}

} // namespace

QVector<Migration> SchemaMigrator::builtinMigrations()
{
    initMigrationResources();
    QVector<Migration> migrations;
    const QStringList files
            = QDir(resourceDir).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        QFile in(resourceDir + QLatin1Char('/') + file);
        if (!in.open(QIODevice::ReadOnly))
            continue;
        const QString base = file.chopped(4);
        migrations += Migration{base.section(QLatin1Char('_'), 0, 0).toInt(),
                                base.section(QLatin1Char('_'), 1), QString::fromUtf8(in.readAll())};
    }
    return migrations;
}

QStringList SchemaMigrator::statements(const QString &sql, SqlDialect dialect)
{
    const QString id = dialect == SqlDialect::Postgres
            ? QStringLiteral("BIGSERIAL PRIMARY KEY")
            : QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT");
    QStringList result;
    QString current;
    const QStringList lines = sql.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1String("--")))
            continue;
        current += line + QLatin1Char('\n');
        if (trimmed.endsWith(QLatin1Char(';'))) {
            current = current.trimmed();
            current.chop(1);
            result += current.replace(QLatin1String("@ID@"), id);
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        result += current.trimmed().replace(QLatin1String("@ID@"), id);
    return result;
}

Core::Result<int> SchemaMigrator::currentVersion(QSqlDatabase &db)
{
    if (!db.tables().contains(QStringLiteral("schema_version")))
        return 0;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")))
        return failure(db, QStringLiteral("read the schema version"), query.lastError().text());
    return query.next() ? query.value(0).toInt() : 0;
}

Core::Result<void> SchemaMigrator::apply(QSqlDatabase &db, SqlDialect dialect,
                                         const Migration &migration)
{
    QSqlQuery query(db);
    const QString what
            = QStringLiteral("apply migration %1 (%2)").arg(migration.version).arg(migration.name);
    for (const QString &statement : statements(migration.sql, dialect)) {
        if (!query.exec(statement))
            return failure(db, what, query.lastError().text());
    }
    query.prepare(
            QStringLiteral("INSERT INTO schema_version (version, name, applied) VALUES (?, ?, ?)"));
    query.addBindValue(migration.version);
    query.addBindValue(migration.name);
    query.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!query.exec())
        return failure(db, what, query.lastError().text());
    return {};
}

Core::Result<void> SchemaMigrator::lock(QSqlDatabase &db, SqlDialect dialect)
{
    // Two processes opening a new store at once must not both migrate it: SQLite takes its
    // write lock up front, PostgreSQL a transaction-scoped advisory lock.
    QSqlQuery query(db);
    const bool locked = dialect == SqlDialect::Sqlite
            ? query.exec(QStringLiteral("BEGIN IMMEDIATE"))
            : db.transaction()
                    && query.exec(QStringLiteral("SELECT pg_advisory_xact_lock(7162022)"));
    if (!locked)
        return failure(db, QStringLiteral("lock the schema"),
                       query.lastError().isValid() ? query.lastError().text()
                                                   : db.lastError().text());
    return {};
}

Core::Result<int> SchemaMigrator::applyPending(QSqlDatabase &db, SqlDialect dialect,
                                               const QVector<Migration> &migrations)
{
    const Core::Result<int> before = currentVersion(db);
    if (!before)
        return before.error();
    int version = before.value();
    QSqlQuery query(db);
    if (version == 0 && !db.tables().contains(QStringLiteral("schema_version"))
        && !query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER "
                                      "NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied BIGINT "
                                      "NOT NULL)")))
        return failure(db, QStringLiteral("create table schema_version"), query.lastError().text());
    for (const Migration &migration : migrations) {
        if (migration.version <= version)
            continue;
        const Core::Result<void> step = apply(db, dialect, migration);
        if (!step)
            return step.error();
        version = migration.version;
    }
    return version;
}

Core::Result<QVector<Migration>> SchemaMigrator::pending(QSqlDatabase &db,
                                                         const QVector<Migration> &migrations)
{
    const Core::Result<int> version = currentVersion(db);
    if (!version)
        return version.error();
    QVector<Migration> result;
    for (const Migration &migration : migrations) {
        if (migration.version > version.value())
            result += migration;
    }
    return result;
}

Core::Result<int> SchemaMigrator::migrate(QSqlDatabase &db, SqlDialect dialect,
                                          const QVector<Migration> &migrations)
{
    const Core::Result<void> locked = lock(db, dialect);
    if (!locked)
        return locked.error();
    const Core::Result<int> version = applyPending(db, dialect, migrations);
    if (!version) {
        db.rollback();
        return version.error();
    }
    if (!db.commit())
        return failure(db, QStringLiteral("commit a migration"), db.lastError().text());
    return version.value();
}

} // namespace Bridge
