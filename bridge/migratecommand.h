// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include "core/result.h"

namespace Bridge {

/// The parsed command line of `bittern migrate`, `bittern migrate-store` and `bittern backup`.
struct StoreMaintenanceOptions
{
    QString database; ///< --db (migrate, backup; default $BITTERN_DB or sqlite:bittern.db)
    QString from; ///< --from (migrate-store)
    QString to; ///< --to (migrate-store: a store; backup: a file)
    bool dryRun = false; ///< --dry-run (migrate)
    bool help = false;
};

/// Options of `bittern NAME …` (arguments start with NAME: migrate, migrate-store or backup)
/// (pure).
Core::Result<StoreMaintenanceOptions> parseStoreMaintenanceOptions(const QStringList &arguments);

/// `bittern migrate [--db STORE] [--dry-run]`: brings the store to the latest schema (or lists
/// the pending migrations); returns the exit code.
int runMigrate(const QStringList &arguments);
/// `bittern migrate-store --from STORE --to STORE`: copies a store into a new, empty one.
int runMigrateStore(const QStringList &arguments);
/// `bittern backup [--db sqlite:PATH] --to FILE`: online backup of a SQLite store.
int runBackup(const QStringList &arguments);

} // namespace Bridge
