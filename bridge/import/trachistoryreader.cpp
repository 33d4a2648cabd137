// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/import/trachistoryreader.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>
#include <QVariant>

#include <KCompressionDevice>

#include "core/inifile.h"

namespace Bridge {

namespace {

bool isUrl(const QString &text)
{
    return text.startsWith(QLatin1String("postgres://"))
            || text.startsWith(QLatin1String("postgresql://"));
}

QString displayName(const QString &database)
{
    return isUrl(database) ? QUrl(database).toDisplayString(QUrl::RemovePassword) : database;
}

/// [trac] database and [bitten] logs_dir of an environment's conf/trac.ini, if present.
TracLocation environmentLocation(const QDir &env)
{
    TracLocation location{env.filePath(QStringLiteral("db/trac.db")),
                          env.filePath(QStringLiteral("log/bitten"))};
    QFile ini(env.filePath(QStringLiteral("conf/trac.ini")));
    if (!ini.open(QIODevice::ReadOnly))
        return location;
    const Core::Result<Core::IniFile> parsed = Core::IniFile::parse(ini.readAll());
    if (!parsed)
        return location;
    const QString database
            = parsed.value().rawValue(QStringLiteral("trac"), QStringLiteral("database"));
    if (isUrl(database))
        location.database = database;
    else if (database.startsWith(QLatin1String("sqlite:")))
        location.database = QDir::cleanPath(env.absoluteFilePath(database.mid(7)));
    const QString logs
            = parsed.value().rawValue(QStringLiteral("bitten"), QStringLiteral("logs_dir"));
    if (!logs.isEmpty())
        location.logsDir = QDir::cleanPath(env.absoluteFilePath(logs));
    return location;
}

Core::Result<QSqlDatabase> openDatabase(const QString &database, const QString &connection)
{
    QSqlDatabase db;
    if (isUrl(database)) {
        const QUrl url(database);
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(database);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    }
    if (!db.open())
        return Core::makeError(Core::ErrorCode::ReadFailed,
                               QStringLiteral("Could not open Trac database %1: %2")
                                       .arg(displayName(database), db.lastError().text()));
    const QString schema = QUrlQuery(QUrl(database)).queryItemValue(QStringLiteral("schema"));
    QSqlQuery query(db);
    if (isUrl(database) && !schema.isEmpty()
        && !query.exec(QStringLiteral("SET search_path TO ")
                       + db.driver()->escapeIdentifier(schema, QSqlDriver::TableName)))
        return Core::makeError(
                Core::ErrorCode::ReadFailed,
                QStringLiteral("Could not select schema %1 of Trac database %2: %3")
                        .arg(schema, displayName(database), query.lastError().text()));
    return db;
}

} // namespace

Core::Result<TracLocation> TracLocation::resolve(const QString &input)
{
    if (isUrl(input))
        return TracLocation{input, QString()};
    const QFileInfo info(input);
    if (info.isDir()) {
        const TracLocation location = environmentLocation(QDir(info.absoluteFilePath()));
        if (!isUrl(location.database) && !QFileInfo(location.database).isFile())
            return Core::makeError(Core::ErrorCode::ReadFailed,
                                   QStringLiteral("Trac environment %1 has no database %2.")
                                           .arg(input, location.database));
        return location;
    }
    if (!info.isFile())
        return Core::makeError(Core::ErrorCode::ReadFailed,
                               QStringLiteral("Could not open Trac database %1: no such file or "
                                              "directory.")
                                       .arg(input));
    return TracLocation{info.absoluteFilePath(),
                        QDir::cleanPath(info.absolutePath() + QStringLiteral("/../log/bitten"))};
}

TracHistoryReader::TracHistoryReader(const QString &connection, const TracLocation &location)
    : m_connection(connection), m_location(location), m_displayName(displayName(location.database))
{ }

TracHistoryReader::~TracHistoryReader()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

Core::Result<std::unique_ptr<TracHistoryReader>>
TracHistoryReader::open(const TracLocation &location)
{
    static QAtomicInteger<quint64> counter;
    const QString connection
            = QStringLiteral("bittern-trac-history-%1").arg(counter.fetchAndAddRelaxed(1));
    std::unique_ptr<TracHistoryReader> reader(new TracHistoryReader(connection, location));
    const Core::Result<QSqlDatabase> db = openDatabase(location.database, connection);
    if (!db)
        return db.error();
    QSqlQuery query(db.value());
    if (!query.exec(QStringLiteral("SELECT value FROM system WHERE name = 'bitten_version'"))
        || !query.next())
        return Core::makeError(Core::ErrorCode::InvalidInput,
                               QStringLiteral("Trac database %1 has no Bitten schema version (no "
                                              "bitten_version row in table system).")
                                       .arg(reader->m_displayName));
    reader->m_schemaVersion = query.value(0).toInt();
    if (reader->m_schemaVersion < 9 || reader->m_schemaVersion > 13)
        return Core::makeError(Core::ErrorCode::Unsupported,
                               QStringLiteral("Trac database %1 has Bitten schema %2; Bittern "
                                              "imports schemas 9 to 13.")
                                       .arg(reader->m_displayName)
                                       .arg(reader->m_schemaVersion));
    return reader;
}

Core::Result<QSqlQuery> TracHistoryReader::exec(const QString &table, const QString &sql,
                                                qint64 build)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    query.prepare(sql);
    if (build >= 0)
        query.addBindValue(build);
    if (!query.exec())
        return Core::makeError(Core::ErrorCode::ReadFailed,
                               QStringLiteral("Could not read table %1 of Trac database %2: %3")
                                       .arg(table, m_displayName, query.lastError().text()));
    return query;
}

Core::Result<QVector<TargetPlatform>> TracHistoryReader::platforms()
{
    Core::Result<QSqlQuery> query
            = exec(QStringLiteral("bitten_platform"),
                   QStringLiteral("SELECT id, config, name FROM bitten_platform ORDER BY id"), -1);
    if (!query)
        return query.error();
    QVector<TargetPlatform> result;
    while (query.value().next())
        result += TargetPlatform{query.value().value(0).toLongLong(),
                                 query.value().value(1).toString(),
                                 query.value().value(2).toString(),
                                 {}};
    return result;
}

Core::Result<QVector<qint64>> TracHistoryReader::buildIds()
{
    Core::Result<QSqlQuery> query
            = exec(QStringLiteral("bitten_build"),
                   QStringLiteral("SELECT id FROM bitten_build ORDER BY id"), -1);
    if (!query)
        return query.error();
    QVector<qint64> ids;
    while (query.value().next())
        ids += query.value().value(0).toLongLong();
    return ids;
}

Core::Result<TracBuildRows> TracHistoryReader::readBuild(qint64 id)
{
    // last_activity exists from schema 12 on.
    const QString columns
            = QStringLiteral("id, config, rev, rev_time, platform, slave, started, stopped, status")
            + (m_schemaVersion >= 12 ? QStringLiteral(", last_activity") : QString());
    Core::Result<QSqlQuery> query = exec(
            QStringLiteral("bitten_build"),
            QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM bitten_build WHERE id = ?"),
            id);
    if (!query)
        return query.error();
    QSqlQuery &q = query.value();
    if (!q.next())
        return Core::makeError(
                Core::ErrorCode::NotFound,
                QStringLiteral("Trac database %1 has no build %2.").arg(m_displayName).arg(id));
    TracBuildRows rows;
    rows.build = TracBuildRow{q.value(0).toLongLong(),
                              q.value(1).toString(),
                              q.value(2).toString(),
                              q.value(3).toLongLong(),
                              q.value(4).toLongLong(),
                              q.value(5).toString(),
                              q.value(6).toLongLong(),
                              q.value(7).toLongLong(),
                              m_schemaVersion >= 12 ? q.value(9).toLongLong() : 0,
                              q.value(8).toString()};
    Core::Result<QSqlQuery> slave
            = exec(QStringLiteral("bitten_slave"),
                   QStringLiteral("SELECT propname, propvalue FROM bitten_slave WHERE build = ? "
                                  "ORDER BY propname"),
                   id);
    if (!slave)
        return slave.error();
    while (slave.value().next())
        rows.slave.append({slave.value().value(0).toString(), slave.value().value(1).toString()});
    Core::Result<void> parts = readSteps(rows);
    if (parts)
        parts = readLogs(rows);
    if (parts)
        parts = readReports(rows);
    if (!parts)
        return parts.error();
    return rows;
}

Core::Result<void> TracHistoryReader::readSteps(TracBuildRows &rows)
{
    const qint64 id = rows.build.id;
    Core::Result<QSqlQuery> steps
            = exec(QStringLiteral("bitten_step"),
                   QStringLiteral("SELECT name, description, status, started, stopped FROM "
                                  "bitten_step WHERE build = ? ORDER BY started, stopped, name"),
                   id);
    if (!steps)
        return steps.error();
    for (QSqlQuery &q = steps.value(); q.next();)
        rows.steps
                += TracStepRow{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                               q.value(3).toLongLong(), q.value(4).toLongLong()};
    Core::Result<QSqlQuery> errors
            = exec(QStringLiteral("bitten_error"),
                   QStringLiteral("SELECT step, orderno, message FROM bitten_error WHERE build = ? "
                                  "ORDER BY step, orderno"),
                   id);
    if (!errors)
        return errors.error();
    for (QSqlQuery &q = errors.value(); q.next();)
        rows.errors
                += StepError{0, q.value(0).toString(), q.value(1).toInt(), q.value(2).toString()};
    return {};
}

QByteArray TracHistoryReader::readLogFile(const QStringList &names) const
{
    const QDir dir(m_location.logsDir);
    for (const QString &name : names) {
        const QString path = dir.filePath(name);
        if (!QFileInfo(path).isFile())
            continue;
        if (name.endsWith(QLatin1String(".gz"))) {
            KCompressionDevice device(path, KCompressionDevice::GZip);
            if (device.open(QIODevice::ReadOnly))
                return device.readAll();
            continue;
        }
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            return file.readAll();
    }
    return QByteArray();
}

Core::Result<void> TracHistoryReader::readLogs(TracBuildRows &rows)
{
    Core::Result<QSqlQuery> logs
            = exec(QStringLiteral("bitten_log"),
                   QStringLiteral("SELECT id, step, generator, orderno, filename FROM bitten_log "
                                  "WHERE build = ? ORDER BY id"),
                   rows.build.id);
    if (!logs)
        return logs.error();
    for (QSqlQuery &q = logs.value(); q.next();) {
        TracLogRow log{q.value(0).toLongLong(),
                       q.value(1).toString(),
                       q.value(2).toString(),
                       q.value(3).toInt(),
                       q.value(4).toString(),
                       {},
                       {}};
        QString base = log.filename.isEmpty() ? QStringLiteral("%1.log").arg(log.id) : log.filename;
        if (base.endsWith(QLatin1String(".gz")))
            base.chop(3);
        if (!m_location.logsDir.isEmpty()) {
            // Schema 13 gzips both files; before schema 11 the levels file was "<id>.log.level".
            log.lines = readLogFile({base, base + QStringLiteral(".gz")});
            log.levels = readLogFile({base + QStringLiteral(".levels"),
                                      base + QStringLiteral(".levels.gz"),
                                      base + QStringLiteral(".level")});
        }
        rows.logs += log;
    }
    return {};
}

Core::Result<void> TracHistoryReader::readReports(TracBuildRows &rows)
{
    const qint64 id = rows.build.id;
    Core::Result<QSqlQuery> reports
            = exec(QStringLiteral("bitten_report"),
                   QStringLiteral("SELECT id, step, category, generator FROM bitten_report WHERE "
                                  "build = ? ORDER BY id"),
                   id);
    if (!reports)
        return reports.error();
    QHash<qint64, int> index;
    for (QSqlQuery &q = reports.value(); q.next();) {
        index.insert(q.value(0).toLongLong(), rows.reports.size());
        rows.reports += TracReportRow{q.value(0).toLongLong(),
                                      q.value(1).toString(),
                                      q.value(2).toString(),
                                      q.value(3).toString(),
                                      {}};
    }
    Core::Result<QSqlQuery> items = exec(
            QStringLiteral("bitten_report_item"),
            QStringLiteral(
                    "SELECT report, item, name, value FROM bitten_report_item WHERE report IN "
                    "(SELECT id FROM bitten_report WHERE build = ?) ORDER BY report, item, name"),
            id);
    if (!items)
        return items.error();
    for (QSqlQuery &q = items.value(); q.next();) {
        const auto it = index.constFind(q.value(0).toLongLong());
        if (it != index.constEnd())
            rows.reports[it.value()].fields += TracReportRow::Field{
                    q.value(1).toInt(), q.value(2).toString(), q.value(3).toString()};
    }
    return {};
}

} // namespace Bridge
