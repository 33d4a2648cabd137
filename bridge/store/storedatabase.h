// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QSqlDatabase>
#include <QString>

#include "bridge/store/sqlstore.h"

namespace Bridge {

/// Whether StoreDatabase::open may create a SQLite file that does not exist yet.
enum class StoreCreation {
    MayCreate,
    MustExist,
};

/**
 * A raw QtSql connection to a store location (`--db`), opened without migrating it: what the
 * maintenance commands (`bittern migrate`, `backup`, `migrate-store`) work on. SQLite files get
 * the same busy timeout as SqlStore. The connection is uniquely named and removed on destruction.
 */
class StoreDatabase
{
public:
    static Core::Result<std::unique_ptr<StoreDatabase>> open(const QString &location,
                                                             StoreCreation creation);
    ~StoreDatabase();
    Q_DISABLE_COPY_MOVE(StoreDatabase)

    QSqlDatabase database() const;
    const StoreLocation &location() const { return m_location; }
    SqlDialect dialect() const { return m_location.dialect; }
    QString displayName() const { return m_location.displayName(); }
    /// The tables of the store (without SQLite's internal ones), sorted by name.
    QStringList tables() const;

private:
    StoreDatabase(const QString &connection, const StoreLocation &location);

    QString m_connection;
    StoreLocation m_location;
};

} // namespace Bridge
