// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QString>
#include <QTemporaryDir>

#include "bridge/store/sqlstore.h"
#include "tests/testlib/postgresinstance.h"

/**
 * The backends every store test runs against (HOUSE-STYLE rule 21): SQLite in memory, a SQLite
 * WAL file, and a PostgreSQL server started once per test executable. Each open() gives a
 * fresh, empty store.
 */
class StoreBackends
{
public:
    /// Adds a QString column "backend" and one row per backend, prefixed by @p prefix.
    static void addColumn();
    static void addRows(const QString &suffix = QString());
    /// Starts PostgreSQL if its binaries exist (call from initTestCase).
    void start();
    /// Empty when the backend can be used, else why not (QSKIP message).
    QString unavailable(const QString &backend) const;
    /// The --db location of a fresh store of @p backend.
    QString freshLocation(const QString &backend);
    std::unique_ptr<Bridge::SqlStore> open(const QString &backend);
    TestLib::PostgresInstance &postgres() { return m_postgres; }

private:
    TestLib::PostgresInstance m_postgres;
    QTemporaryDir m_dir;
    QString m_postgresError;
    int m_counter = 0;
};
