// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <optional>

#include <QHash>
#include <QString>
#include <QVector>

#include "bridge/store/storetypes.h"

namespace Bridge {

/// The [bitten] options of the queue (bitten-spec §7.4).
struct QueueSettings
{
    bool buildAll = false;
    qint64 stabilizeWait = 0; ///< seconds a changeset must age before it is queued
    qint64 slaveTimeout = 3600; ///< seconds; 0 disables orphan detection
    Qt::CaseSensitivity ruleCase = Qt::CaseSensitive; ///< 0.6; 0.6.1 matches case-insensitively
};

/// One entry of a configuration path's history, youngest first.
struct RevisionEntry
{
    QString revision;
    qint64 time = 0;
    QString path; ///< the path at this revision (a different path ends the walk)
    bool emptyDirectory = false;
};

/// What the queue decided for a polling slave (§7.3 step 3).
struct QueueSelection
{
    QVector<qint64> obsolete; ///< pending builds to delete
    std::optional<Build> assign; ///< the build to hand to the slave
};

/**
 * Bitten's queue rules as pure functions over value types (bitten-spec §7.2–7.3): which
 * builds a configuration's history adds, and which pending build a slave gets.
 */
class BuildQueue
{
public:
    /// Whether (revision, platform id) already has a build in any state.
    using BuildExists = std::function<bool(const QString &revision, qint64 platform)>;
    /// Whether another build of the same configuration and platform supersedes this one.
    using NewerExists = std::function<bool(const Build &build)>;

    /// §7.2: the pending builds to insert for one active configuration.
    static QVector<Build> populate(const Configuration &config,
                                   const QVector<TargetPlatform> &platforms,
                                   const QVector<RevisionEntry> &history, const BuildExists &exists,
                                   qint64 now, const QueueSettings &settings);
    /// §7.3 step 3: walks @p pending (rev_time DESC, config, slave) and picks a build whose
    /// platform is among @p matching, listing the obsolete builds it passed.
    static QueueSelection select(const QVector<Build> &pending,
                                 const QHash<QString, Configuration> &configs,
                                 const QHash<qint64, TargetPlatform> &platforms,
                                 const QVector<qint64> &matching, const NewerExists &newer,
                                 const QueueSettings &settings);
    /// -1, 0 or 1 as @p a is older than, equal to or younger than @p b; numeric when both are
    /// numbers, else by position in @p history (youngest first); nullopt when unknown.
    static std::optional<int> compareRevisions(const QString &a, const QString &b,
                                               const QVector<RevisionEntry> &history = {});
    /// Whether @p other (same configuration and platform) makes the pending @p build obsolete
    /// without build_all: its changeset is younger, or of the same second and queued later (a
    /// higher id). Bitten's rev_time >= makes builds of one second obsolete each other
    /// (docs/COMPATIBILITY.md, "Same-second revisions").
    static bool supersedes(const Build &other, const Build &build);
    /// Whether @p revision lies in [min_rev, max_rev] of @p config (unknown order: yes).
    static bool inRange(const Configuration &config, const QString &revision,
                        const QVector<RevisionEntry> &history = {});
};

} // namespace Bridge
