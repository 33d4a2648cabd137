// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVector>

#include "core/result.h"
#include "recipe-translator/configuration.h"

namespace Translator {

/// One row of bitten_config.
struct ConfigRow
{
    QString name;
    QString path;
    int active = 0;
    QString recipe;
    QString minRevision;
    QString maxRevision;
    QString label;
    QString description;
};

/// One row of bitten_platform.
struct PlatformRow
{
    qint64 id = 0;
    QString config;
    QString name;
};

/// One row of bitten_rule (id is the platform's id).
struct RuleRow
{
    qint64 id = 0;
    QString property;
    QString pattern;
    int orderNumber = 0;
};

/// The Bitten tables of a Trac database, as read.
struct BittenTables
{
    int schemaVersion = 0;
    QVector<ConfigRow> configs;
    QVector<PlatformRow> platforms;
    QVector<RuleRow> rules;
};

/**
 * Reads build configurations with their target platforms and rules from a Trac database
 * (bitten-spec §8; Bitten schema 12, 9–13 tolerated): a SQLite trac.db file or a PostgreSQL
 * URL (postgres://user:password@host:port/database?schema=name). toConfigurations() is the
 * pure mapping; read() is the thin QtSql shell around it.
 */
class TracDbReader
{
public:
    static constexpr int minimumSchema = 9;
    static constexpr int maximumSchema = 13;

    /// Whether an input names a database rather than a recipe (URL or *.db file).
    static bool isDatabase(const QString &input);
    /// Opens the database read-only, reads the three tables and maps them.
    static Core::Result<QVector<Configuration>> read(const QString &location);
    /// Configurations ordered by name, platforms by id, rules by orderno.
    static Core::Result<QVector<Configuration>> toConfigurations(const QString &location,
                                                                 const BittenTables &tables);

private:
    static Core::Result<BittenTables> readTables(const QString &location,
                                                 const QString &connection);
};

} // namespace Translator
