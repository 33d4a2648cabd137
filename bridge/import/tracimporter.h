// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QHash>
#include <QString>

#include "bridge/store/store.h"
#include "core/result.h"

namespace Bridge {

/// What an import did.
struct ImportSummary
{
    int configurations = 0;
    int platforms = 0;
    int buildsImported = 0;
    int buildsSkipped = 0; ///< imported before (re-import is idempotent)
};

/**
 * `bittern import trac`: copies a Trac environment's Bitten data — configurations, platforms
 * with their rules (read by Translator::TracDbReader) and the whole build history with
 * steps, errors, logs and reports (TracHistoryReader) — into a Store. Idempotent: builds are
 * keyed by the Trac database and their original id, platforms by configuration and name.
 */
class TracImporter
{
public:
    /// Called after each build with (done, total).
    using Progress = std::function<void(qint64 done, qint64 total)>;

    explicit TracImporter(Store &store, Progress progress = {});

    /// Where the build log files are, overriding the location found from the input (needed
    /// for a postgres:// URL, whose logs stay in the environment's log/bitten).
    void setLogsDir(const QString &dir) { m_logsDir = dir; }

    /// @p input: an environment directory, a trac.db file or a postgres:// URL.
    Core::Result<ImportSummary> importTrac(const QString &input);

private:
    Core::Result<QHash<QString, QStringList>> importConfigurations(const QString &database,
                                                                   ImportSummary &summary);
    Core::Result<qint64> importPlatform(const TargetPlatform &platform);

    Store &m_store;
    Progress m_progress;
    QString m_logsDir;
    QHash<qint64, qint64> m_platformIds; ///< Trac platform id → store platform id
};

} // namespace Bridge
