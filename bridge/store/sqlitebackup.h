// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "core/result.h"

namespace Bridge {

/// What one online backup wrote.
struct SqliteBackupSummary
{
    qint64 pages = 0;
    qint64 bytes = 0;
    QString integrity; ///< PRAGMA integrity_check of the copy: "ok"
};

/**
 * Online backup of a SQLite store with SQLite's backup API (`bittern backup`): the source is
 * opened through QtSql (its sqlite3 handle from QSqlDriver::handle()) and copied in one read
 * transaction, so a `bittern serve` writing in WAL mode goes on writing and the copy is one
 * consistent snapshot. The copy is written next to the target, checked with
 * PRAGMA integrity_check and then renamed over the target.
 */
class SqliteBackup
{
public:
    static Core::Result<SqliteBackupSummary> run(const QString &sourcePath,
                                                 const QString &targetPath);
};

} // namespace Bridge
