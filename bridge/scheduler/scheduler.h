// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <optional>

#include <QStringList>

#include "bridge/scheduler/buildqueue.h"
#include "bridge/store/store.h"

namespace Bridge {

/**
 * Applies BuildQueue's rules to a Store: queue population from a configuration's history and
 * the assignment of a pending build to a polling slave (bitten-spec §5.9, §7.2–7.3). What the
 * protocol controller of POST /builds calls.
 */
class Scheduler
{
public:
    Scheduler(Store &store, const QueueSettings &settings);

    const QueueSettings &settings() const { return m_settings; }

    /// §7.2 for one configuration; returns how many builds were queued. Inactive
    /// configurations queue nothing.
    Core::Result<int> populate(const QString &config, const QVector<RevisionEntry> &history,
                               qint64 now);

    /// The history of a configuration's path, youngest first (e.g. RepositoryPoller::history).
    using HistorySource
            = std::function<Core::Result<QVector<RevisionEntry>>(const Configuration &config)>;
    /// §7.2 for every active configuration, by name (what a slave poll triggers); returns
    /// how many builds were queued. A failing history source stops with its error.
    Core::Result<int> populateAll(const HistorySource &history, qint64 now);

    /// The outcome of a poll: the build assigned (none → 204) and attachment files of reset
    /// or deleted builds, which the caller removes from disk.
    struct Assignment
    {
        std::optional<Build> build;
        QStringList filesToDelete;
    };
    /// §7.3: resets orphans, deletes obsolete pending builds and assigns the newest match.
    Core::Result<Assignment> assign(const SlaveInfo &slave, qint64 now);

    /// Whether another build of the same configuration and platform supersedes this one
    /// (§7.3 step 3, BuildQueue::supersedes; MatchService shares it).
    Core::Result<bool> hasNewerBuild(const Build &build);

private:
    Store &m_store;
    QueueSettings m_settings;
};

} // namespace Bridge
