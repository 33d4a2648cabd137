// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include "bridge/store/schemamigrator.h"
#include "core/result.h"

namespace Bridge {

class StoreDatabase;

/// Rows copied into one table.
struct TableCopy
{
    QString table;
    qint64 rows = 0;
};

/// What StoreCopier::copy() did.
struct StoreCopySummary
{
    int sourceVersion = 0; ///< the source's schema version (the copy is made at it)
    int targetVersion = 0; ///< the target's version after the remaining migrations
    QVector<TableCopy> tables; ///< in copy order
    qint64 rows = 0;
};

/**
 * Copies a whole store into a new, empty one (`bittern migrate-store`, e.g. SQLite to
 * PostgreSQL). The source is read in one read transaction and never changed. In one
 * transaction on the target: the schema is created up to the source's version, every table is
 * copied in dependency order (foreign keys, else creation order) with its ids, PostgreSQL
 * sequences are moved past the copied ids, row counts are compared with the source, and the
 * remaining built-in migrations run. Any failure rolls the target back to empty.
 */
class StoreCopier
{
public:
    static Core::Result<StoreCopySummary> copy(StoreDatabase &source, StoreDatabase &target,
                                               const QVector<Migration> &migrations);
    /// The tables of @p db in the order to fill them (parents first), without schema_version.
    static Core::Result<QStringList> copyOrder(StoreDatabase &db);

private:
    static Core::Result<StoreCopySummary> copyInTransactions(StoreDatabase &source,
                                                             StoreDatabase &target,
                                                             const QVector<Migration> &migrations);
    static Core::Result<qint64> copyTable(StoreDatabase &source, StoreDatabase &target,
                                          const QString &table);
    static Core::Result<void> fixSequences(StoreDatabase &target);
};

} // namespace Bridge
