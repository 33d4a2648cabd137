// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/bridge/storetestsupport.h"

#include <QTest>

void StoreBackends::addColumn()
{
    QTest::addColumn<QString>("backend");
}

void StoreBackends::addRows(const QString &suffix)
{
    for (const char *backend : {"sqlite-memory", "sqlite-wal", "postgresql"}) {
        const QString name = QLatin1String(backend)
                + (suffix.isEmpty() ? QString() : QStringLiteral(": ") + suffix);
        QTest::newRow(name.toUtf8().constData()) << QString::fromLatin1(backend);
    }
}

void StoreBackends::start()
{
    if (TestLib::PostgresInstance::binDir().isEmpty()) {
        m_postgresError = QStringLiteral("PostgreSQL binaries are not installed (Debian package "
                                         "postgresql); PostgreSQL rows skipped.");
        return;
    }
    if (!m_postgres.start())
        m_postgresError
                = QStringLiteral("PostgreSQL could not be started: ") + m_postgres.errorString();
}

QString StoreBackends::unavailable(const QString &backend) const
{
    return backend == QLatin1String("postgresql") ? m_postgresError : QString();
}

QString StoreBackends::freshLocation(const QString &backend)
{
    ++m_counter;
    if (backend == QLatin1String("sqlite-memory"))
        return QStringLiteral(":memory:");
    if (backend == QLatin1String("sqlite-wal"))
        return QStringLiteral("sqlite:")
                + m_dir.filePath(QStringLiteral("store%1.db").arg(m_counter));
    const QString database = QStringLiteral("store%1").arg(m_counter);
    if (!m_postgres.createDatabase(database))
        return QString();
    return m_postgres.url(database);
}

std::unique_ptr<Bridge::SqlStore> StoreBackends::open(const QString &backend)
{
    const QString location = freshLocation(backend);
    if (location.isEmpty()) {
        qWarning("%s", qPrintable(m_postgres.errorString()));
        return nullptr;
    }
    auto store = Bridge::SqlStore::open(location);
    if (!store) {
        qWarning("%s", qPrintable(store.error().message));
        return nullptr;
    }
    return std::move(store).value();
}
