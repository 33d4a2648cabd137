// SPDX-License-Identifier: GPL-3.0-or-later
#include "recipe-translator/tracdbreader.h"

#include <algorithm>

#include <QAtomicInt>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>
#include <QVariant>

namespace Translator {

namespace {

bool isUrl(const QString &location)
{
    return location.startsWith(QLatin1String("postgres://"))
            || location.startsWith(QLatin1String("postgresql://"));
}

Core::Result<QSqlDatabase> open(const QString &location, const QString &connection)
{
    QSqlDatabase db;
    if (isUrl(location)) {
        const QUrl url(location);
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(url.host());
        if (url.port() > 0)
            db.setPort(url.port());
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
    } else {
        if (!QFileInfo(location).isFile())
            return Core::makeError(
                    Core::ErrorCode::ReadFailed,
                    QStringLiteral("Could not open Trac database %1: no such file.").arg(location));
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(location);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    }
    if (!db.open())
        return Core::makeError(Core::ErrorCode::ReadFailed,
                               QStringLiteral("Could not open Trac database %1: %2")
                                       .arg(QUrl(location).toDisplayString(QUrl::RemovePassword),
                                            db.lastError().text()));
    return db;
}

Core::Error queryError(const QString &table, const QString &location, const QSqlQuery &query)
{
    return Core::makeError(Core::ErrorCode::ReadFailed,
                           QStringLiteral("Could not read table %1 of Trac database %2: %3")
                                   .arg(table, location, query.lastError().text()));
}

} // namespace

bool TracDbReader::isDatabase(const QString &input)
{
    return isUrl(input) || input.endsWith(QLatin1String(".db"));
}

Core::Result<BittenTables> TracDbReader::readTables(const QString &location,
                                                    const QString &connection)
{
    const Core::Result<QSqlDatabase> db = open(location, connection);
    if (!db)
        return db.error();
    const QString shown = QUrl(location).toDisplayString(QUrl::RemovePassword);
    QSqlQuery query(db.value());
    const QString schema = QUrlQuery(QUrl(location)).queryItemValue(QStringLiteral("schema"));
    if (isUrl(location) && !schema.isEmpty()
        && !query.exec(QLatin1String("SET search_path TO ")
                       + db.value().driver()->escapeIdentifier(schema, QSqlDriver::TableName)))
        return queryError(QStringLiteral("system"), shown, query);
    BittenTables tables;
    if (!query.exec(QStringLiteral("SELECT value FROM system WHERE name = 'bitten_version'")))
        return queryError(QStringLiteral("system"), shown, query);
    if (!query.next())
        return Core::makeError(Core::ErrorCode::InvalidInput,
                               QStringLiteral("Trac database %1 has no Bitten schema version (no "
                                              "bitten_version row in table system).")
                                       .arg(shown));
    tables.schemaVersion = query.value(0).toInt();
    if (tables.schemaVersion < minimumSchema || tables.schemaVersion > maximumSchema)
        return tables; // toConfigurations() reports it
    if (!query.exec(QStringLiteral("SELECT name, path, active, recipe, min_rev, max_rev, label, "
                                   "description FROM bitten_config")))
        return queryError(QStringLiteral("bitten_config"), shown, query);
    while (query.next())
        tables.configs += ConfigRow{query.value(0).toString(), query.value(1).toString(),
                                    query.value(2).toInt(),    query.value(3).toString(),
                                    query.value(4).toString(), query.value(5).toString(),
                                    query.value(6).toString(), query.value(7).toString()};
    if (!query.exec(QStringLiteral("SELECT id, config, name FROM bitten_platform")))
        return queryError(QStringLiteral("bitten_platform"), shown, query);
    while (query.next())
        tables.platforms += PlatformRow{query.value(0).toLongLong(), query.value(1).toString(),
                                        query.value(2).toString()};
    if (!query.exec(QStringLiteral("SELECT id, propname, pattern, orderno FROM bitten_rule")))
        return queryError(QStringLiteral("bitten_rule"), shown, query);
    while (query.next())
        tables.rules += RuleRow{query.value(0).toLongLong(), query.value(1).toString(),
                                query.value(2).toString(), query.value(3).toInt()};
    return tables;
}

Core::Result<QVector<Configuration>> TracDbReader::read(const QString &location)
{
    static QAtomicInt counter;
    const QString connection = QStringLiteral("bittern-trac-%1").arg(counter.fetchAndAddRelaxed(1));
    Core::Result<BittenTables> tables = readTables(location, connection);
    QSqlDatabase::removeDatabase(connection);
    if (!tables)
        return tables.error();
    return toConfigurations(QUrl(location).toDisplayString(QUrl::RemovePassword), tables.value());
}

Core::Result<QVector<Configuration>> TracDbReader::toConfigurations(const QString &location,
                                                                    const BittenTables &tables)
{
    if (tables.schemaVersion < minimumSchema || tables.schemaVersion > maximumSchema)
        return Core::makeError(Core::ErrorCode::Unsupported,
                               QStringLiteral("Trac database %1 has Bitten schema version %2; "
                                              "bittern translate reads versions %3 to %4.")
                                       .arg(location)
                                       .arg(tables.schemaVersion)
                                       .arg(minimumSchema)
                                       .arg(maximumSchema));
    QVector<PlatformRow> platforms = tables.platforms;
    std::sort(platforms.begin(), platforms.end(),
              [](const PlatformRow &a, const PlatformRow &b) { return a.id < b.id; });
    QVector<RuleRow> rules = tables.rules;
    std::stable_sort(rules.begin(), rules.end(), [](const RuleRow &a, const RuleRow &b) {
        return a.orderNumber < b.orderNumber;
    });
    QVector<Configuration> out;
    for (const ConfigRow &row : tables.configs) {
        Configuration config{row.name,
                             row.label,
                             row.description,
                             row.path,
                             row.minRevision,
                             row.maxRevision,
                             row.active != 0,
                             row.recipe.toUtf8(),
                             location + QLatin1Char('#') + row.name,
                             {}};
        for (const PlatformRow &platform : qAsConst(platforms)) {
            if (platform.config != row.name)
                continue;
            TargetPlatform target{platform.name, {}};
            for (const RuleRow &rule : qAsConst(rules)) {
                if (rule.id == platform.id)
                    target.rules += PlatformRule{rule.property, rule.pattern};
            }
            config.platforms += target;
        }
        out += config;
    }
    std::sort(out.begin(), out.end(),
              [](const Configuration &a, const Configuration &b) { return a.name < b.name; });
    return out;
}

} // namespace Translator
