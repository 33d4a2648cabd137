// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/store/sqlstore.h"

#include <QVariant>

// SqlStore: read-only views for the REST API and the status pages (H13).

namespace Bridge {

Core::Result<QVector<BuildRequest>> SqlStore::buildRequests(qint64 offset, qint64 limit)
{
    QString sql = QStringLiteral("SELECT request_id, config, rev, rev_time, created, builds FROM "
                                 "build_request ORDER BY created DESC, request_id");
    QVariantList values;
    if (limit > 0) {
        sql += QStringLiteral(" LIMIT ? OFFSET ?");
        values << limit << qMax<qint64>(0, offset);
    }
    Core::Result<Query> rows = exec(sql, values);
    if (!rows)
        return rows.error();
    QVector<BuildRequest> requests;
    for (QSqlQuery &q = rows.value(); q.next();) {
        BuildRequest request{q.value(0).toString(),   q.value(1).toString(),
                             q.value(2).toString(),   q.value(3).toLongLong(),
                             q.value(4).toLongLong(), {}};
        const QStringList ids = q.value(5).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &id : ids)
            request.builds += id.toLongLong();
        requests += request;
    }
    return requests;
}

Core::Result<LogRecord> SqlStore::logRecord(qint64 logId)
{
    Core::Result<Query> row = exec(QStringLiteral("SELECT id, build, step, generator, orderno, "
                                                  "message_count FROM log WHERE id = ?"),
                                   {logId});
    if (!row)
        return row.error();
    QSqlQuery &q = row.value();
    if (!q.next())
        return Core::makeError(Core::ErrorCode::NotFound,
                               QStringLiteral("No such log (%1).").arg(logId));
    return LogRecord{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                     q.value(3).toString(),   q.value(4).toInt(),      q.value(5).toLongLong()};
}

} // namespace Bridge
