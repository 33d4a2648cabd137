// SPDX-License-Identifier: GPL-3.0-or-later
// Trac databases with Bitten's real tables (bitten-spec §8, as Trac's SQLite backend creates
// them) for schema versions 9 to 13. Moved here from tests/recipe-translator/tst_tracdbreader.cpp
// so the bridge's importer tests build the same databases.
#include "tests/testlib/bittenschema.h"

#include <QSqlError>
#include <QSqlQuery>

namespace TestLib {

QStringList bittenSchema(int version)
{
    QStringList ddl{
            "CREATE TABLE system (name text PRIMARY KEY, value text)",
            "CREATE TABLE bitten_config (name text PRIMARY KEY, path text, active integer, "
            "recipe text, min_rev text, max_rev text, label text, description text)",
            "CREATE TABLE bitten_platform (id integer PRIMARY KEY, config text, name text)",
            QStringLiteral("CREATE TABLE bitten_rule (id %1, propname text, pattern text, "
                           "orderno integer, UNIQUE (id,propname))")
                    .arg(version >= 9 ? "integer" : "text"),
            QStringLiteral(
                    "CREATE TABLE bitten_build (id integer PRIMARY KEY, config text, rev text, "
                    "rev_time integer, platform integer, slave text, started integer, "
                    "stopped integer, status text%1)")
                    .arg(version >= 12 ? ", last_activity integer" : ""),
            "CREATE TABLE bitten_slave (build integer, propname text, propvalue text, "
            "UNIQUE (build,propname))",
            "CREATE TABLE bitten_step (build integer, name text, description text, status text, "
            "started integer, stopped integer, UNIQUE (build,name))",
            "CREATE TABLE bitten_error (build integer, step text, message text, orderno integer, "
            "UNIQUE (build,step,orderno))",
            "CREATE TABLE bitten_log (id integer PRIMARY KEY, build integer, step text, "
            "generator text, orderno integer, filename text)",
            "CREATE INDEX bitten_log_build_step_idx ON bitten_log (build,step)",
            "CREATE TABLE bitten_report (id integer PRIMARY KEY, build integer, step text, "
            "category text, generator text)",
            "CREATE INDEX bitten_report_build_step_category_idx ON bitten_report "
            "(build,step,category)",
            "CREATE TABLE bitten_report_item (report integer, item integer, name text, value text, "
            "UNIQUE (report,item,name))",
            QStringLiteral("INSERT INTO system VALUES ('database_version', '29')"),
            QStringLiteral("INSERT INTO system VALUES ('bitten_version', '%1')").arg(version)};
    if (version >= 10)
        ddl += "CREATE UNIQUE INDEX bitten_build_config_rev_platform_idx ON bitten_build "
               "(config,rev,platform)";
    return ddl;
}

bool execStatements(QSqlDatabase &db, const QStringList &statements)
{
    QSqlQuery query(db);
    for (const QString &statement : statements) {
        if (!query.exec(statement)) {
            qWarning("%s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
            return false;
        }
    }
    return true;
}

bool createDatabase(const QString &path, const QStringList &statements)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "create");
        db.setDatabaseName(path);
        ok = db.open() && execStatements(db, statements);
        db.close();
    }
    QSqlDatabase::removeDatabase("create");
    return ok;
}

} // namespace TestLib
