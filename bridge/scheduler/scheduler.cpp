// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/scheduler/scheduler.h"

#include "bridge/scheduler/platformmatcher.h"

namespace Bridge {

Scheduler::Scheduler(Store &store, const QueueSettings &settings)
    : m_store(store), m_settings(settings)
{ }

Core::Result<int> Scheduler::populate(const QString &name, const QVector<RevisionEntry> &history,
                                      qint64 now)
{
    const Core::Result<Configuration> config = m_store.configuration(name);
    if (!config)
        return config.error();
    if (!config.value().active)
        return 0;
    const Core::Result<QVector<TargetPlatform>> platforms = m_store.platforms(name);
    if (!platforms)
        return platforms.error();
    std::optional<Core::Error> failure;
    const auto exists = [&](const QString &revision, qint64 platform) {
        const Core::Result<std::optional<Build>> found
                = m_store.findBuild(name, revision, platform);
        if (!found)
            failure = found.error();
        return !found || found.value().has_value();
    };
    const QVector<Build> queued = BuildQueue::populate(config.value(), platforms.value(), history,
                                                       exists, now, m_settings);
    if (failure)
        return *failure;
    for (const Build &build : queued) {
        const Core::Result<qint64> id = m_store.enqueueBuild(build);
        if (!id)
            return id.error();
    }
    return int(queued.size());
}

Core::Result<int> Scheduler::populateAll(const HistorySource &history, qint64 now)
{
    const Core::Result<QVector<Configuration>> configs = m_store.configurations();
    if (!configs)
        return configs.error();
    int queued = 0;
    for (const Configuration &config : configs.value()) {
        if (!config.active)
            continue;
        const Core::Result<QVector<RevisionEntry>> revisions = history(config);
        if (!revisions)
            return revisions.error();
        const Core::Result<int> added = populate(config.name, revisions.value(), now);
        if (!added)
            return added.error();
        queued += added.value();
    }
    return queued;
}

Core::Result<bool> Scheduler::hasNewerBuild(const Build &build)
{
    BuildQuery query;
    query.config = build.config;
    query.platform = build.platform;
    query.limit = 2;
    const Core::Result<BuildPage> newest = m_store.builds(query);
    if (!newest)
        return newest.error();
    for (const Build &other : newest.value().builds) {
        if (BuildQueue::supersedes(other, build))
            return true;
    }
    return false;
}

Core::Result<Scheduler::Assignment> Scheduler::assign(const SlaveInfo &slave, qint64 now)
{
    Assignment assignment;
    const Core::Result<Store::OrphanReset> reset
            = m_store.resetOrphanedBuilds(now, m_settings.slaveTimeout);
    if (!reset)
        return reset.error();
    assignment.filesToDelete = reset.value().files;
    const Core::Result<QVector<Configuration>> configs = m_store.configurations();
    const Core::Result<QVector<TargetPlatform>> platforms = m_store.platforms(QString());
    const Core::Result<QVector<Build>> pending = m_store.pendingBuilds();
    if (!configs || !platforms || !pending)
        return !configs ? configs.error() : (!platforms ? platforms.error() : pending.error());
    QHash<QString, Configuration> byName;
    for (const Configuration &config : configs.value())
        byName.insert(config.name, config);
    QHash<qint64, TargetPlatform> byId;
    QVector<TargetPlatform> active;
    for (const TargetPlatform &platform : platforms.value()) {
        byId.insert(platform.id, platform);
        if (byName.value(platform.config).active)
            active += platform;
    }
    const QVector<qint64> matching = PlatformMatcher::matching(active, slave, m_settings.ruleCase);
    std::optional<Core::Error> failure;
    const auto newer = [&](const Build &build) {
        const Core::Result<bool> found = hasNewerBuild(build);
        if (!found)
            failure = found.error();
        return found && found.value();
    };
    const QueueSelection selection
            = BuildQueue::select(pending.value(), byName, byId, matching, newer, m_settings);
    if (failure)
        return *failure;
    for (qint64 id : selection.obsolete) {
        const Core::Result<QStringList> removed = m_store.removeBuild(id);
        if (!removed)
            return removed.error();
        assignment.filesToDelete += removed.value();
    }
    if (!selection.assign)
        return assignment;
    const Core::Result<Build> assigned = m_store.assignBuild(selection.assign->id, slave, now);
    if (!assigned)
        return assigned.error();
    assignment.build = assigned.value();
    return assignment;
}

} // namespace Bridge
