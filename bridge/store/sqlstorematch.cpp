// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/store/sqlstore.h"

#include <QVariant>

// SqlStore: matchmaking expressions and agents' machine ads (issue 8, migration 0002).

namespace Bridge {

Core::Result<void> SqlStore::setConfigurationMatch(const QString &config,
                                                   const MatchExpressions &expressions)
{
    return runTransaction([&]() -> Core::Result<void> {
        Core::Result<Query> found
                = exec(QStringLiteral("SELECT name FROM config WHERE name = ?"), {config});
        if (!found)
            return found.error();
        if (!found.value().next())
            return Core::makeError(Core::ErrorCode::NotFound,
                                   QStringLiteral("No such configuration '%1'.").arg(config));
        return run(QStringLiteral("UPDATE config SET match_requirements = ?, match_rank = ? "
                                  "WHERE name = ?"),
                   {expressions.requirements, expressions.rank, config});
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
