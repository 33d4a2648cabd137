// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace TestLib {

/// Bitten's tables at @p version (9: integer rule ids; 10: unique build index; 12: last_activity)
/// plus Trac's system table with the bitten_version row.
QStringList bittenSchema(int version);
/// Runs statements in order; false (with a warning naming the statement) on the first failure.
bool execStatements(QSqlDatabase &db, const QStringList &statements);
/// Creates a SQLite database file from statements.
bool createDatabase(const QString &path, const QStringList &statements);

} // namespace TestLib
