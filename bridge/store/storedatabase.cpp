// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/store/storedatabase.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace Bridge {

namespace {

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("bittern-maintenance-%1").arg(counter.fetchAndAddRelaxed(1));
}

Core::Error openError(const StoreLocation &location, const QString &cause)
{
    return Core::makeError(Core::ErrorCode::Internal,
                           QStringLiteral("Could not open store database %1: %2")
                                   .arg(location.displayName(), cause));
}

} // namespace

Core::Result<std::unique_ptr<StoreDatabase>> StoreDatabase::open(const QString &text,
                                                                 StoreCreation creation)
{
    const Core::Result<StoreLocation> location = StoreLocation::parse(text);
    if (!location)
        return location.error();
    const StoreLocation &where = location.value();
    const bool sqlite = where.dialect == SqlDialect::Sqlite;
    if (sqlite && creation == StoreCreation::MustExist && !QFileInfo(where.path).isFile())
        return Core::makeError(
                Core::ErrorCode::NotFound,
                QStringLiteral("The SQLite store %1 does not exist.").arg(where.displayName()));
    std::unique_ptr<StoreDatabase> store(new StoreDatabase(nextConnectionName(), where));
    QSqlDatabase db = QSqlDatabase::addDatabase(
            sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), store->m_connection);
    if (sqlite) {
        db.setDatabaseName(where.path);
    } else {
        db.setHostName(where.host);
        db.setPort(where.port);
        db.setUserName(where.user);
        db.setPassword(where.password);
        db.setDatabaseName(where.database);
    }
    if (!db.open())
        return openError(where, db.lastError().text());
    // PostgreSQL: no NOTICE lines (e.g. of CREATE TABLE IF NOT EXISTS) on the command line.
    QSqlQuery setup(db);
    if (!setup.exec(sqlite ? QStringLiteral("PRAGMA busy_timeout = 10000")
                           : QStringLiteral("SET client_min_messages = WARNING")))
        return openError(where, setup.lastError().text());
    return store;
}

StoreDatabase::StoreDatabase(const QString &connection, const StoreLocation &location)
    : m_connection(connection), m_location(location)
{ }

StoreDatabase::~StoreDatabase()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QSqlDatabase StoreDatabase::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

QStringList StoreDatabase::tables() const
{
    QStringList result;
    const QStringList all = database().tables(QSql::Tables);
    for (const QString &table : all) {
        if (!table.startsWith(QLatin1String("sqlite_")))
            result += table;
    }
    result.sort();
    return result;
}

} // namespace Bridge
