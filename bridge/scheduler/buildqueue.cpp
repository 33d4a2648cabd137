// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/scheduler/buildqueue.h"

#include <QSet>

namespace Bridge {

namespace {

int positionOf(const QString &revision, const QVector<RevisionEntry> &history)
{
    for (int i = 0; i < history.size(); ++i) {
        if (history.at(i).revision == revision)
            return i;
    }
    return -1;
}

} // namespace

std::optional<int> BuildQueue::compareRevisions(const QString &a, const QString &b,
                                                const QVector<RevisionEntry> &history)
{
    bool aNumber = false;
    bool bNumber = false;
    const qlonglong x = a.toLongLong(&aNumber);
    const qlonglong y = b.toLongLong(&bNumber);
    if (aNumber && bNumber)
        return x < y ? -1 : (x > y ? 1 : 0);
    if (a == b)
        return 0;
    const int pa = positionOf(a, history);
    const int pb = positionOf(b, history);
    if (pa < 0 || pb < 0)
        return std::nullopt;
    return pa > pb ? -1 : 1; // the history is youngest first
}

bool BuildQueue::supersedes(const Build &other, const Build &build)
{
    if (other.id == build.id)
        return false;
    if (other.revisionTime != build.revisionTime)
        return other.revisionTime > build.revisionTime;
    return other.id > build.id;
}

bool BuildQueue::inRange(const Configuration &config, const QString &revision,
                         const QVector<RevisionEntry> &history)
{
    if (!config.minRevision.isEmpty()) {
        const std::optional<int> order = compareRevisions(revision, config.minRevision, history);
        if (order && *order < 0)
            return false;
    }
    if (!config.maxRevision.isEmpty()) {
        const std::optional<int> order = compareRevisions(revision, config.maxRevision, history);
        if (order && *order > 0)
            return false;
    }
    return true;
}

QVector<Build> BuildQueue::populate(const Configuration &config,
                                    const QVector<TargetPlatform> &platforms,
                                    const QVector<RevisionEntry> &history,
                                    const BuildExists &exists, qint64 now,
                                    const QueueSettings &settings)
{
    QVector<Build> queued;
    QSet<qint64> seen;
    for (const RevisionEntry &entry : history) {
        if (entry.path != config.path)
            break; // moves and copies are not followed
        const std::optional<int> belowMin = config.minRevision.isEmpty()
                ? std::nullopt
                : compareRevisions(entry.revision, config.minRevision, history);
        if (belowMin && *belowMin < 0)
            break;
        if (!inRange(config, entry.revision, history) || entry.emptyDirectory)
            continue;
        for (const TargetPlatform &platform : platforms) {
            // Without build_all only the youngest revision counts: stop once a platform repeats.
            if (!settings.buildAll && seen.contains(platform.id))
                return queued;
            seen.insert(platform.id);
            if (exists(entry.revision, platform.id))
                continue;
            if (settings.stabilizeWait > 0 && now - entry.time < settings.stabilizeWait)
                continue;
            Build build;
            build.config = config.name;
            build.revision = entry.revision;
            build.revisionTime = entry.time;
            build.platform = platform.id;
            queued += build;
        }
    }
    return queued;
}

QueueSelection BuildQueue::select(const QVector<Build> &pending,
                                  const QHash<QString, Configuration> &configs,
                                  const QHash<qint64, TargetPlatform> &platforms,
                                  const QVector<qint64> &matching, const NewerExists &newer,
                                  const QueueSettings &settings)
{
    QueueSelection selection;
    for (const Build &build : pending) {
        const auto config = configs.constFind(build.config);
        const bool obsolete = !platforms.contains(build.platform) || config == configs.constEnd()
                || !config->active || !inRange(*config, build.revision)
                || (!settings.buildAll && newer(build));
        if (obsolete) {
            selection.obsolete += build.id;
            continue;
        }
        if (matching.contains(build.platform)) {
            selection.assign = build;
            break;
        }
    }
    return selection;
}

} // namespace Bridge
