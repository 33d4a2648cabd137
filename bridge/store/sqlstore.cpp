// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/store/sqlstore.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QUrl>

#include "bridge/store/sqlstorerows.h"

// Configurations, platforms, Bittern's own tables and the statement helpers. The queue and
// the protocol are in sqlstoreprotocol.cpp, row helpers in sqlstorerows.cpp, queries and
// import in sqlstorequeries.cpp.

namespace Bridge {

namespace {

bool isPostgresUrl(const QString &text)
{
    return text.startsWith(QLatin1String("postgresql://"))
            || text.startsWith(QLatin1String("postgres://"));
}

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("bittern-store-%1").arg(counter.fetchAndAddRelaxed(1));
}

Core::Result<void> applyPragmas(QSqlDatabase &db, const StoreLocation &location)
{
    QSqlQuery query(db);
    QStringList pragmas{QStringLiteral("PRAGMA busy_timeout = 10000")};
    if (location.path != QLatin1String(":memory:"))
        pragmas << QStringLiteral("PRAGMA journal_mode = WAL")
                << QStringLiteral("PRAGMA synchronous = NORMAL");
    for (const QString &pragma : pragmas) {
        if (!query.exec(pragma))
            return Core::makeError(Core::ErrorCode::Internal,
                                   QStringLiteral("Could not set up store database %1: %2")
                                           .arg(location.displayName(), query.lastError().text()));
    }
    return {};
}

} // namespace

Core::Result<StoreLocation> StoreLocation::parse(const QString &text)
{
    StoreLocation location;
    if (isPostgresUrl(text)) {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || url.path().size() < 2)
            return Core::makeError(Core::ErrorCode::InvalidArgument,
                                   QStringLiteral("The database URL %1 is not of the form "
                                                  "postgresql://USER:PASSWORD@HOST:PORT/DATABASE.")
                                           .arg(url.toDisplayString(QUrl::RemovePassword)));
        location.dialect = SqlDialect::Postgres;
        location.host = url.host();
        location.port = url.port(5432);
        location.user = url.userName();
        location.password = url.password();
        location.database = url.path().mid(1);
        return location;
    }
    location.path = text.startsWith(QLatin1String("sqlite:")) ? text.mid(7) : text;
    if (location.path.isEmpty())
        return Core::makeError(
                Core::ErrorCode::InvalidArgument,
                QStringLiteral("The database location '%1' names no file.").arg(text));
    return location;
}

QString StoreLocation::displayName() const
{
    if (dialect == SqlDialect::Sqlite)
        return path;
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

Core::Result<std::unique_ptr<SqlStore>> SqlStore::open(const QString &text,
                                                       const QVector<Migration> &migrations)
{
    const Core::Result<StoreLocation> location = StoreLocation::parse(text);
    if (!location)
        return location.error();
    const StoreLocation &where = location.value();
    const QString connection = nextConnectionName();
    std::unique_ptr<SqlStore> store(new SqlStore(connection, where.dialect, where.displayName()));
    QSqlDatabase db = QSqlDatabase::addDatabase(where.dialect == SqlDialect::Postgres
                                                        ? QStringLiteral("QPSQL")
                                                        : QStringLiteral("QSQLITE"),
                                                connection);
    if (where.dialect == SqlDialect::Postgres) {
        db.setHostName(where.host);
        db.setPort(where.port);
        db.setUserName(where.user);
        db.setPassword(where.password);
        db.setDatabaseName(where.database);
    } else {
        if (where.path != QLatin1String(":memory:"))
            QDir().mkpath(QFileInfo(where.path).absolutePath());
        db.setDatabaseName(where.path);
    }
    if (!db.open())
        return Core::makeError(Core::ErrorCode::Internal,
                               QStringLiteral("Could not open store database %1: %2")
                                       .arg(where.displayName(), db.lastError().text()));
    if (where.dialect == SqlDialect::Sqlite) {
        const Core::Result<void> pragmas = applyPragmas(db, where);
        if (!pragmas)
            return pragmas.error();
    }
    const Core::Result<int> migrated = SchemaMigrator::migrate(db, where.dialect, migrations);
    if (!migrated)
        return migrated.error();
    return store;
}

SqlStore::SqlStore(const QString &connection, SqlDialect dialect, const QString &displayName)
    : m_connection(connection), m_dialect(dialect), m_displayName(displayName)
{ }

SqlStore::~SqlStore()
{
    clearStatementCache();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QSqlDatabase SqlStore::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

Core::Error SqlStore::sqlError(const QString &what, const QString &cause) const
{
    return Core::makeError(Core::ErrorCode::Internal,
                           QStringLiteral("Could not %1 in store database %2: %3")
                                   .arg(what, m_displayName, cause));
}

Core::Result<SqlStore::Query> SqlStore::exec(const QString &sql, const QVariantList &values)
{
    auto cached = m_statements.find(sql);
    if (cached == m_statements.end()) {
        if (m_statements.size() >= maxCachedStatements)
            dropIdleStatements();
        auto statement = std::make_unique<CachedStatement>();
        statement->query = QSqlQuery(database());
        statement->query.setForwardOnly(true);
        if (!statement->query.prepare(sql))
            return sqlError(QStringLiteral("prepare a statement"),
                            statement->query.lastError().text());
        cached = m_statements.emplace(sql, std::move(statement)).first;
    }
    CachedStatement *statement = cached->second.get();
    if (statement->lent) // the same SQL text while a caller still reads its earlier result
        return execUncached(sql, values);
    Query query(statement->query, &statement->lent);
    statement->lent = true;
    return bindAndRun(query, sql, values);
}

Core::Result<SqlStore::Query> SqlStore::execUncached(const QString &sql, const QVariantList &values)
{
    QSqlQuery fresh(database());
    fresh.setForwardOnly(true);
    if (!fresh.prepare(sql))
        return sqlError(QStringLiteral("prepare a statement"), fresh.lastError().text());
    Query query(fresh, nullptr);
    return bindAndRun(query, sql, values);
}

Core::Result<SqlStore::Query> SqlStore::bindAndRun(Query &query, const QString &sql,
                                                   const QVariantList &values)
{
    for (const QVariant &value : values) {
        // A null QString binds as SQL NULL; the schema wants empty text instead.
        if (value.userType() == QMetaType::QString && value.toString().isNull())
            query.addBindValue(QStringLiteral(""));
        else
            query.addBindValue(value);
    }
    if (!query.exec())
        return sqlError(QStringLiteral("run a statement"),
                        query.lastError().text() + QStringLiteral(" (") + sql + QLatin1Char(')'));
    if (!sql.startsWith(QLatin1String("SELECT")))
        noteWrite(sql, query);
    return std::move(query);
}

void SqlStore::clearStatementCache()
{
    m_statements.clear();
}

void SqlStore::dropIdleStatements()
{
    for (auto it = m_statements.begin(); it != m_statements.end();)
        it = it->second->lent ? std::next(it) : m_statements.erase(it);
}

Core::Result<qint64> SqlStore::insert(const QString &sql, const QVariantList &values)
{
    const Core::Result<Query> query = exec(sql, values);
    if (!query)
        return query.error();
    const QVariant id = query.value().lastInsertId();
    if (!id.isValid())
        return sqlError(QStringLiteral("read a new row id"), QStringLiteral("none was returned"));
    return id.toLongLong();
}

Core::Result<void> SqlStore::run(const QString &sql, const QVariantList &values)
{
    const Core::Result<Query> query = exec(sql, values);
    if (!query)
        return query.error();
    return {};
}

Core::Result<void> SqlStore::runTransaction(const std::function<Core::Result<void>()> &work)
{
    QSqlDatabase db = database();
    // SQLite: take the write lock up front, so two processes sharing a WAL file wait for each
    // other (busy_timeout) instead of failing when a reader later wants to write.
    if (m_dialect == SqlDialect::Sqlite) {
        const Core::Result<Query> begin = exec(QStringLiteral("BEGIN IMMEDIATE"));
        if (!begin)
            return begin.error();
    } else if (!db.transaction()) {
        return sqlError(QStringLiteral("begin a transaction"), db.lastError().text());
    }
    const Core::Result<void> result = work();
    if (!result) {
        db.rollback();
        return result;
    }
    if (!db.commit()) {
        const QString cause = db.lastError().text();
        db.rollback();
        return sqlError(QStringLiteral("commit a transaction"), cause);
    }
    return {};
}

Core::Result<int> SqlStore::schemaVersion()
{
    QSqlDatabase db = database();
    return SchemaMigrator::currentVersion(db);
}

// --- configurations --------------------------------------------------------------------------

namespace {

const QString configColumns
        = QStringLiteral("name, label, description, path, min_rev, max_rev, active, recipe");
/// configColumns and the columns that saveConfiguration() leaves alone.
const QString configReadColumns = configColumns + QStringLiteral(", setup_steps");

Configuration configFrom(const QSqlQuery &query)
{
    Configuration config;
    config.name = query.value(0).toString();
    config.label = query.value(1).toString();
    config.description = query.value(2).toString();
    config.path = query.value(3).toString();
    config.minRevision = query.value(4).toString();
    config.maxRevision = query.value(5).toString();
    config.active = query.value(6).toInt() != 0;
    config.recipe = query.value(7).toString().toUtf8();
    config.setupSteps = SqlRows::setupStepsFrom(query.value(8).toString());
    return config;
}

} // namespace

Core::Result<QVector<Configuration>> SqlStore::configurations()
{
    Core::Result<Query> query = exec(QStringLiteral("SELECT ") + configReadColumns
                                     + QStringLiteral(" FROM config ORDER BY name"));
    if (!query)
        return query.error();
    QVector<Configuration> configs;
    while (query.value().next())
        configs += configFrom(query.value());
    return configs;
}

Core::Result<Configuration> SqlStore::configuration(const QString &name)
{
    Core::Result<Query> query = exec(QStringLiteral("SELECT ") + configReadColumns
                                             + QStringLiteral(" FROM config WHERE name = ?"),
                                     {name});
    if (!query)
        return query.error();
    if (!query.value().next())
        return Core::makeError(Core::ErrorCode::NotFound,
                               QStringLiteral("No such configuration '%1'.").arg(name));
    return configFrom(query.value());
}

Core::Result<void> SqlStore::saveConfiguration(const Configuration &config)
{
    return run(QStringLiteral("INSERT INTO config (") + configColumns
                       + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO "
                                        "UPDATE SET label = excluded.label, description = "
                                        "excluded.description, path = excluded.path, min_rev = "
                                        "excluded.min_rev, max_rev = excluded.max_rev, active = "
                                        "excluded.active, recipe = excluded.recipe"),
               {config.name, config.label, config.description, config.path, config.minRevision,
                config.maxRevision, config.active ? 1 : 0, QString::fromUtf8(config.recipe)});
}

Core::Result<void> SqlStore::removeConfiguration(const QString &name)
{
    return runTransaction([&]() -> Core::Result<void> {
        Core::Result<Query> ids
                = exec(QStringLiteral("SELECT id FROM build WHERE config = ?"), {name});
        if (!ids)
            return ids.error();
        QVector<qint64> builds;
        while (ids.value().next())
            builds += ids.value().value(0).toLongLong();
        for (qint64 build : builds) {
            const Core::Result<QStringList> removed = deleteBuildData(build);
            if (!removed)
                return removed.error();
        }
        const QStringList statements{
                QStringLiteral("DELETE FROM build WHERE config = ?"),
                QStringLiteral("DELETE FROM platform_rule WHERE platform IN (SELECT id FROM "
                               "platform WHERE config = ?)"),
                QStringLiteral("DELETE FROM platform WHERE config = ?"),
                QStringLiteral("DELETE FROM attachment WHERE config = ?"),
                QStringLiteral("DELETE FROM config WHERE name = ?")};
        for (const QString &statement : statements) {
            const Core::Result<void> done = run(statement, {name});
            if (!done)
                return done;
        }
        return {};
    });
}

// --- platforms -------------------------------------------------------------------------------

Core::Result<QVector<TargetPlatform>> SqlStore::platforms(const QString &config)
{
    if (config.isEmpty())
        return loadPlatforms(QString(), {});
    return loadPlatforms(QStringLiteral("WHERE config = ?"), {config});
}

Core::Result<qint64> SqlStore::savePlatform(const TargetPlatform &platform)
{
    return transaction<qint64>([&]() -> Core::Result<qint64> {
        qint64 id = platform.id;
        if (id == 0) {
            const Core::Result<qint64> inserted
                    = insert(QStringLiteral("INSERT INTO platform (config, name) VALUES (?, ?)"),
                             {platform.config, platform.name});
            if (!inserted)
                return inserted.error();
            id = inserted.value();
        } else {
            const Core::Result<void> updated
                    = run(QStringLiteral("UPDATE platform SET config = ?, name = ? WHERE id = ?"),
                          {platform.config, platform.name, id});
            if (!updated)
                return updated.error();
        }
        const Core::Result<void> cleared
                = run(QStringLiteral("DELETE FROM platform_rule WHERE platform = ?"), {id});
        if (!cleared)
            return cleared.error();
        for (int i = 0; i < platform.rules.size(); ++i) {
            const Core::Result<void> rule
                    = run(QStringLiteral("INSERT INTO platform_rule (platform, orderno, propname, "
                                         "pattern) VALUES (?, ?, ?, ?)"),
                          {id, i, platform.rules.at(i).property, platform.rules.at(i).pattern});
            if (!rule)
                return rule.error();
        }
        return id;
    });
}

Core::Result<void> SqlStore::removePlatform(qint64 id)
{
    return runTransaction([&]() -> Core::Result<void> {
        const Core::Result<void> rules
                = run(QStringLiteral("DELETE FROM platform_rule WHERE platform = ?"), {id});
        if (!rules)
            return rules;
        return run(QStringLiteral("DELETE FROM platform WHERE id = ?"), {id});
    });
}

// --- Bittern's own model ---------------------------------------------------------------------

namespace {

void appendJsonString(QString &out, const QString &text)
{
    out += QLatin1Char('"');
    for (const QChar c : text) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        if (c.unicode() >= 0x20)
            out += c;
        else
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
    }
    out += QLatin1Char('"');
}

/// [["name","value"],…] — written by hand: every poll saves its agent, and QJsonDocument
/// cost more than the statement itself.
QString propertiesToJson(const QVector<QPair<QString, QString>> &properties)
{
    QString json;
    json.reserve(64 * properties.size() + 2);
    json += QLatin1Char('[');
    for (const auto &pair : properties) {
        if (json.size() > 1)
            json += QLatin1Char(',');
        json += QLatin1Char('[');
        appendJsonString(json, pair.first);
        json += QLatin1Char(',');
        appendJsonString(json, pair.second);
        json += QLatin1Char(']');
    }
    json += QLatin1Char(']');
    return json;
}

QVector<QPair<QString, QString>> propertiesFromJson(const QString &json)
{
    QVector<QPair<QString, QString>> properties;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &value : array) {
        const QJsonArray pair = value.toArray();
        properties.append({pair.at(0).toString(), pair.at(1).toString()});
    }
    return properties;
}

} // namespace

Core::Result<void> SqlStore::saveAgent(const Agent &agent)
{
    // Every poll saves its agent; an unchanged row (same second) is not written again.
    return run(QStringLiteral("INSERT INTO agent (name, properties, first_seen, last_seen, "
                              "current_build) VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE "
                              "SET properties = excluded.properties, last_seen = "
                              "excluded.last_seen, current_build = excluded.current_build WHERE "
                              "agent.properties <> excluded.properties OR agent.last_seen <> "
                              "excluded.last_seen OR agent.current_build <> "
                              "excluded.current_build"),
               {agent.name, propertiesToJson(agent.properties),
                agent.firstSeen != 0 ? agent.firstSeen : agent.lastSeen, agent.lastSeen,
                agent.currentBuild});
}

Core::Result<QVector<Agent>> SqlStore::agents()
{
    Core::Result<Query> query
            = exec(QStringLiteral("SELECT name, properties, first_seen, last_seen, current_build "
                                  "FROM agent ORDER BY name"));
    if (!query)
        return query.error();
    QVector<Agent> result;
    QSqlQuery &q = query.value();
    while (q.next())
        result += Agent{q.value(0).toString(), propertiesFromJson(q.value(1).toString()),
                        q.value(2).toLongLong(), q.value(3).toLongLong(), q.value(4).toLongLong()};
    return result;
}

Core::Result<void> SqlStore::saveCiTarget(const CiTarget &target)
{
    return run(QStringLiteral("INSERT INTO ci_target (name, kind, url) VALUES (?, ?, ?) ON "
                              "CONFLICT (name) DO UPDATE SET kind = excluded.kind, url = "
                              "excluded.url"),
               {target.name, target.kind, target.url});
}

Core::Result<QVector<CiTarget>> SqlStore::ciTargets()
{
    Core::Result<Query> query
            = exec(QStringLiteral("SELECT name, kind, url FROM ci_target ORDER BY name"));
    if (!query)
        return query.error();
    QVector<CiTarget> result;
    while (query.value().next())
        result += CiTarget{query.value().value(0).toString(), query.value().value(1).toString(),
                           query.value().value(2).toString()};
    return result;
}

Core::Result<qint64> SqlStore::saveCiJob(const CiJob &job)
{
    const QVariantList values{job.target,    job.config, job.platform, job.jobName,
                              job.lastRunId, job.build,  job.updated};
    if (job.id == 0)
        return insert(QStringLiteral("INSERT INTO ci_job (target, config, platform, job_name, "
                                     "last_run_id, build, updated) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                      values);
    const Core::Result<void> updated
            = run(QStringLiteral("UPDATE ci_job SET target = ?, config = ?, platform = ?, job_name "
                                 "= ?, last_run_id = ?, build = ?, updated = ? WHERE id = ?"),
                  values + QVariantList{job.id});
    if (!updated)
        return updated.error();
    return job.id;
}

Core::Result<QVector<CiJob>> SqlStore::ciJobs(const QString &target)
{
    const QString sql = QStringLiteral("SELECT id, target, config, platform, job_name, "
                                       "last_run_id, build, updated FROM ci_job ")
            + (target.isEmpty() ? QString() : QStringLiteral("WHERE target = ? "))
            + QStringLiteral("ORDER BY id");
    Core::Result<Query> query = exec(sql, target.isEmpty() ? QVariantList() : QVariantList{target});
    if (!query)
        return query.error();
    QVector<CiJob> result;
    QSqlQuery &q = query.value();
    while (q.next())
        result += CiJob{q.value(0).toLongLong(), q.value(1).toString(),  q.value(2).toString(),
                        q.value(3).toLongLong(), q.value(4).toString(),  q.value(5).toString(),
                        q.value(6).toLongLong(), q.value(7).toLongLong()};
    return result;
}

} // namespace Bridge
