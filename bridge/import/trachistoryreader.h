// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QSqlDatabase>
#include <QString>
#include <QVector>

#include "bridge/import/tracrowmapper.h"
#include "core/result.h"

namespace Bridge {

/// A Trac environment's Bitten data: its database (SQLite file or postgres:// URL) and its
/// build log directory.
struct TracLocation
{
    QString database;
    QString logsDir; ///< empty: logs are imported without their messages

    /// From a Trac environment directory (conf/trac.ini [trac] database and [bitten] logs_dir,
    /// default db/trac.db and log/bitten), a trac.db file (logs in ../log/bitten), or a URL.
    static Core::Result<TracLocation> resolve(const QString &input);
};

/**
 * Reads the build history of a Trac database (bitten-spec §8; schema 9–13) one build at a
 * time, with the build's log files (plain or, schema 13, gzipped). The thin QtSql and file
 * shell around TracRowMapper. Owns a uniquely named read-only connection.
 */
class TracHistoryReader
{
public:
    ~TracHistoryReader();
    TracHistoryReader(const TracHistoryReader &) = delete;
    TracHistoryReader &operator=(const TracHistoryReader &) = delete;

    static Core::Result<std::unique_ptr<TracHistoryReader>> open(const TracLocation &location);

    int schemaVersion() const { return m_schemaVersion; }
    /// (id, config, name) of every bitten_platform row, by id.
    Core::Result<QVector<TargetPlatform>> platforms();
    /// Ids of all builds, oldest first.
    Core::Result<QVector<qint64>> buildIds();
    Core::Result<TracBuildRows> readBuild(qint64 id);

private:
    TracHistoryReader(const QString &connection, const TracLocation &location);
    Core::Result<QSqlQuery> exec(const QString &table, const QString &sql, qint64 build);
    Core::Result<void> readSteps(TracBuildRows &rows);
    Core::Result<void> readLogs(TracBuildRows &rows);
    Core::Result<void> readReports(TracBuildRows &rows);
    QByteArray readLogFile(const QStringList &names) const;

    QString m_connection;
    TracLocation m_location;
    QString m_displayName;
    int m_schemaVersion = 0;
};

} // namespace Bridge
