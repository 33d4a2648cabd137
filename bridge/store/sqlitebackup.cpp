// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/store/sqlitebackup.h"

#include <cstdio>

#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

#include "bridge/store/storedatabase.h"

namespace Bridge {

namespace {

Core::Error backupError(const QString &source, const QString &cause)
{
    return Core::makeError(
            Core::ErrorCode::Internal,
            QStringLiteral("Could not back up the SQLite store %1: %2.").arg(source, cause));
}

/// The sqlite3 connection behind a QSQLITE connection, or nullptr.
sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

/// Copies every page of @p source into @p target in one step (one read snapshot).
int copyPages(sqlite3 *source, sqlite3 *target, qint64 *pages)
{
    sqlite3_backup *backup = sqlite3_backup_init(target, "main", source, "main");
    if (!backup)
        return sqlite3_errcode(target);
    int rc = SQLITE_OK;
    // Busy or locked: another connection holds a lock for a moment; try again.
    for (int attempt = 0; attempt < 200; ++attempt) {
        rc = sqlite3_backup_step(backup, -1);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            break;
        sqlite3_sleep(50);
    }
    *pages = sqlite3_backup_pagecount(backup);
    sqlite3_backup_finish(backup);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

QString integrityCheck(sqlite3 *db)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &statement, nullptr) != SQLITE_OK)
        return QString::fromUtf8(sqlite3_errmsg(db));
    QStringList lines;
    while (sqlite3_step(statement) == SQLITE_ROW)
        lines += QString::fromUtf8(
                reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
    sqlite3_finalize(statement);
    return lines.join(QLatin1String("; "));
}

} // namespace

Core::Result<SqliteBackupSummary> SqliteBackup::run(const QString &sourcePath,
                                                    const QString &targetPath)
{
    const auto source = StoreDatabase::open(sourcePath, StoreCreation::MustExist);
    if (!source)
        return source.error();
    const QString name = source.value()->displayName();
    if (source.value()->dialect() != SqlDialect::Sqlite)
        return backupError(name,
                           QStringLiteral("it is not a SQLite store; back up PostgreSQL "
                                          "with pg_dump"));
    sqlite3 *from = sqliteHandle(source.value()->database());
    if (!from)
        return backupError(name, QStringLiteral("the Qt SQLite driver gave no sqlite3 handle"));
    const QString partial = targetPath + QStringLiteral(".partial");
    QFile::remove(partial);
    sqlite3 *to = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(partial).constData(), &to,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr)
        != SQLITE_OK) {
        const QString cause = QString::fromUtf8(sqlite3_errmsg(to));
        sqlite3_close(to);
        return backupError(name, QStringLiteral("cannot create %1: %2").arg(partial, cause));
    }
    SqliteBackupSummary summary;
    const int rc = copyPages(from, to, &summary.pages);
    if (rc == SQLITE_OK)
        summary.integrity = integrityCheck(to);
    const QString cause = QString::fromUtf8(sqlite3_errstr(rc));
    sqlite3_close(to);
    if (rc != SQLITE_OK || summary.integrity != QLatin1String("ok")) {
        QFile::remove(partial);
        return backupError(name,
                           rc != SQLITE_OK
                                   ? cause
                                   : QStringLiteral("the copy failed its integrity check (%1)")
                                             .arg(summary.integrity));
    }
    if (std::rename(QFile::encodeName(partial).constData(),
                    QFile::encodeName(targetPath).constData())
        != 0) {
        QFile::remove(partial);
        return backupError(name, QStringLiteral("cannot rename %1 to %2").arg(partial, targetPath));
    }
    summary.bytes = QFileInfo(targetPath).size();
    return summary;
}

} // namespace Bridge
