// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVector>

#include "core/result.h"

namespace Bridge {

/// The SQL engines the store runs on; the few differences are hooks on this value.
enum class SqlDialect {
    Sqlite,
    Postgres,
};

/// One schema step: version N brings the schema from N-1 to N.
struct Migration
{
    int version = 0;
    QString name;
    QString sql; ///< statements separated by ";" at line ends; "--" comment lines
};

/**
 * Brings a store database to the latest schema: the migrations compiled in as Qt resources
 * (bridge/store/migrations/NNNN_name.sql), applied in order in one transaction together with
 * their rows in table schema_version, so a failing migration leaves the database as it was.
 */
class SchemaMigrator
{
public:
    /// The built-in migrations in version order.
    static QVector<Migration> builtinMigrations();
    /// The statements of a migration with the dialect's substitutions (pure).
    static QStringList statements(const QString &sql, SqlDialect dialect);
    /// The version recorded in schema_version; 0 for an empty database.
    static Core::Result<int> currentVersion(QSqlDatabase &db);
    /// Applies the migrations newer than the current version; returns the new version.
    static Core::Result<int> migrate(QSqlDatabase &db, SqlDialect dialect,
                                     const QVector<Migration> &migrations);
    /// The same inside the caller's open transaction: no lock, no commit, no rollback (the
    /// caller rolls back on an error). `bittern migrate-store` creates and fills a store in one.
    static Core::Result<int> applyPending(QSqlDatabase &db, SqlDialect dialect,
                                          const QVector<Migration> &migrations);
    /// The migrations of @p migrations newer than the database's version, in order.
    static Core::Result<QVector<Migration>> pending(QSqlDatabase &db,
                                                    const QVector<Migration> &migrations);

private:
    static Core::Result<void> lock(QSqlDatabase &db, SqlDialect dialect);
    static Core::Result<void> apply(QSqlDatabase &db, SqlDialect dialect,
                                    const Migration &migration);
};

} // namespace Bridge
