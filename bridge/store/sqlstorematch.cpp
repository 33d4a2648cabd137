// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/store/sqlstore.h"

#include <QVariant>

#include "bridge/store/sqlstorerows.h"

// SqlStore: matchmaking expressions and agents' machine ads (issue 8, migration 0002), and
// configurations' setup steps (issue 8 item 5, migration 0004).

namespace Bridge {

Core::Result<void> SqlStore::setConfigurationMatch(const QString &config,
                                                   const MatchExpressions &expressions)
{
    return runTransaction([&]() -> Core::Result<void> {
        const Core::Result<void> found = requireConfiguration(config);
        if (!found)
            return found;
        return run(QStringLiteral("UPDATE config SET match_requirements = ?, match_rank = ? "
                                  "WHERE name = ?"),
                   {expressions.requirements, expressions.rank, config});
    });
}

Core::Result<void> SqlStore::setConfigurationSetupSteps(const QString &config,
                                                        const QStringList &steps)
{
    QStringList unique;
    for (const QString &step : steps) {
        if (step.isEmpty() || step.contains(QLatin1Char(',')))
            return Core::makeError(Core::ErrorCode::InvalidArgument,
                                   QStringLiteral("A setup step id must not be empty or contain "
                                                  "a comma: '%1'.")
                                           .arg(step));
        if (!unique.contains(step))
            unique += step;
    }
    return runTransaction([&]() -> Core::Result<void> {
        const Core::Result<void> found = requireConfiguration(config);
        if (!found)
            return found;
        return run(QStringLiteral("UPDATE config SET setup_steps = ? WHERE name = ?"),
                   {SqlRows::setupStepsText(unique), config});
    });
}

Core::Result<void> SqlStore::setPlatformMatch(qint64 platform, const MatchExpressions &expressions)
{
    return runTransaction([&]() -> Core::Result<void> {
        Core::Result<Query> found
                = exec(QStringLiteral("SELECT id FROM platform WHERE id = ?"), {platform});
        if (!found)
            return found.error();
        if (!found.value().next())
            return Core::makeError(Core::ErrorCode::NotFound,
                                   QStringLiteral("No such target platform (%1).").arg(platform));
        return run(QStringLiteral("UPDATE platform SET match_requirements = ?, match_rank = ? "
                                  "WHERE id = ?"),
                   {expressions.requirements, expressions.rank, platform});
    });
}

Core::Result<MatchPolicies> SqlStore::matchPolicies()
{
    MatchPolicies policies;
    {
        Core::Result<Query> rows = exec(
                QStringLiteral("SELECT name, match_requirements, match_rank FROM config WHERE "
                               "match_requirements <> '' OR match_rank <> ''"));
        if (!rows)
            return rows.error();
        for (QSqlQuery &q = rows.value(); q.next();)
            policies.configurations.insert(
                    q.value(0).toString(),
                    MatchExpressions{q.value(1).toString(), q.value(2).toString()});
    }
    Core::Result<Query> rows
            = exec(QStringLiteral("SELECT id, match_requirements, match_rank FROM platform WHERE "
                                  "match_requirements <> '' OR match_rank <> ''"));
    if (!rows)
        return rows.error();
    for (QSqlQuery &q = rows.value(); q.next();)
        policies.platforms.insert(q.value(0).toLongLong(),
                                  MatchExpressions{q.value(1).toString(), q.value(2).toString()});
    return policies;
}

Core::Result<void> SqlStore::saveMachineAd(const QString &agent, const QString &ad)
{
    return run(QStringLiteral("INSERT INTO agent (name, machine_ad) VALUES (?, ?) ON CONFLICT "
                              "(name) DO UPDATE SET machine_ad = excluded.machine_ad"),
               {agent, ad});
}

Core::Result<QHash<QString, QString>> SqlStore::machineAds()
{
    Core::Result<Query> rows
            = exec(QStringLiteral("SELECT name, machine_ad FROM agent WHERE machine_ad <> ''"));
    if (!rows)
        return rows.error();
    QHash<QString, QString> ads;
    for (QSqlQuery &q = rows.value(); q.next();)
        ads.insert(q.value(0).toString(), q.value(1).toString());
    return ads;
}

} // namespace Bridge

namespace Bridge {

namespace {

enum class WriteTarget {
    Other,
    Catalog,
    Queue,
    Added,
};

// The table a write statement changes, and whether MatchService's cache depends on it: the
// catalog tables, and the build table unless an UPDATE only sets bookkeeping columns
// (last_activity, started, preemptions, …) that never make a build pending or not.
WriteTarget writeTarget(const QString &sql)
{
    static const QLatin1String prefixes[] = {
            QLatin1String("INSERT INTO "), QLatin1String("DELETE FROM "), QLatin1String("UPDATE ")};
    for (const QLatin1String &prefix : prefixes) {
        if (!sql.startsWith(prefix))
            continue;
        const int start = prefix.size();
        int end = start;
        while (end < sql.size()
               && (sql.at(end).isLetterOrNumber() || sql.at(end) == QLatin1Char('_')))
            ++end;
        const QStringRef table = sql.midRef(start, end - start);
        if (table == QLatin1String("config") || table == QLatin1String("platform")
            || table == QLatin1String("platform_rule"))
            return WriteTarget::Catalog;
        if (table != QLatin1String("build"))
            return WriteTarget::Other;
        if (prefix == QLatin1String("INSERT INTO "))
            return WriteTarget::Added;
        if (prefix != QLatin1String("UPDATE "))
            return WriteTarget::Queue;
        const int where = sql.indexOf(QLatin1String(" WHERE "), end);
        const QStringRef set = sql.midRef(end, where < 0 ? -1 : where - end);
        for (const char *column : {"status", "rev", "platform", "config"}) {
            if (set.contains(QLatin1String(column)))
                return WriteTarget::Queue;
        }
        return WriteTarget::Other;
    }
    return WriteTarget::Other;
}

} // namespace

void SqlStore::noteWrite(const QString &sql, const QSqlQuery &query)
{
    const WriteTarget target = writeTarget(sql);
    if (target == WriteTarget::Other || query.numRowsAffected() == 0)
        return;
    if (target == WriteTarget::Catalog)
        ++m_generations.catalog;
    else if (target == WriteTarget::Added)
        ++m_generations.added;
    else
        ++m_generations.queue;
}

Core::Result<StoreGenerations> SqlStore::generations()
{
    if (m_dialect != SqlDialect::Sqlite) { // no cheap way to see other sessions' commits
        ++m_generations.catalog;
        ++m_generations.queue;
        ++m_generations.added;
        return m_generations;
    }
    // data_version changes when another connection (or process) committed since last asked.
    Core::Result<Query> version = exec(QStringLiteral("PRAGMA data_version"));
    if (!version)
        return version.error();
    const qint64 now = version.value().next() ? version.value().value(0).toLongLong() : -2;
    if (m_dataVersion != -1 && now != m_dataVersion) {
        ++m_generations.catalog;
        ++m_generations.queue;
        ++m_generations.added;
    }
    m_dataVersion = now;
    return m_generations;
}

Core::Result<QVector<Build>> SqlStore::pendingBuildsAfter(qint64 id)
{
    return pendingBuildsWhere(QStringLiteral(" AND id > ?"), {id});
}

} // namespace Bridge
