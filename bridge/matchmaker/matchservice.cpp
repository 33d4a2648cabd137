// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/matchmaker/matchservice.h"

#include <QDateTime>

#include "bridge/logging.h"
#include "bridge/scheduler/buildqueue.h"
#include "bridge/store/store.h"
#include "core/classadevaluator.h"

namespace Bridge {

namespace {

QString nameOf(const Core::ClassAd &ad)
{
    return Core::ClassAdEvaluator(&ad).evaluateAttribute(QStringLiteral("Name")).toStringValue();
}

QueueSettings queueSettings(const MatchServiceSettings &settings)
{
    QueueSettings queue;
    queue.slaveTimeout = settings.slaveTimeout;
    queue.buildAll = settings.buildAll;
    queue.ruleCase = Qt::CaseInsensitive; // 0.6.1 (#334), as Core::JobAd's rule translation
    return queue;
}

// What a build's job ad is made of; the ad is rebuilt when this changes.
QString jobKey(const Core::JobDescription &job)
{
    QStringList parts{job.config,
                      job.platform,
                      job.revision,
                      QString::number(job.revisionTime),
                      job.configRequirements,
                      job.configRank,
                      job.platformRequirements,
                      job.platformRank};
    for (const Core::BittenRule &rule : job.rules)
        parts << rule.property << rule.pattern;
    return parts.join(QChar(0));
}

} // namespace

MatchService::MatchService(Store &store, const MatchServiceSettings &settings, QObject *parent)
    : QObject(parent),
      m_store(store),
      m_settings(settings),
      m_scheduler(store, queueSettings(settings))
{
    connect(&m_timer, &QTimer::timeout, this, &MatchService::timerPass);
}

MatchService::~MatchService() = default;

void MatchService::start()
{
    if (m_settings.passInterval > 0) {
        m_timer.setInterval(int(qMin<qint64>(m_settings.passInterval, 86400) * 1000));
        m_timer.start();
    }
}

void MatchService::stop()
{
    m_timer.stop();
}

qint64 MatchService::now() const
{
    return m_settings.clock ? m_settings.clock() : QDateTime::currentSecsSinceEpoch();
}

bool MatchService::isStale(const Build &build) const
{
    const auto config = m_catalog.configurations.constFind(build.config);
    return !m_catalog.platforms.contains(build.platform)
            || config == m_catalog.configurations.constEnd() || !config->active
            || !BuildQueue::inRange(*config, build.revision);
}

void MatchService::syncJob(const Build &build, const MatchCatalog &catalog)
{
    const Core::JobDescription job = StoreAds::describe(build, catalog);
    const QString key = jobKey(job);
    const auto cached = m_jobs.constFind(build.id);
    if (cached != m_jobs.constEnd() && cached->key == key)
        return;
    const auto ad = Core::JobAd::build(job, Core::BittenRuleCase::Insensitive);
    if (!ad) {
        qCWarning(lcBridgeProtocol, "Build %lld cannot be matched: %s", build.id,
                  qUtf8Printable(ad.error().message));
        m_jobs.remove(build.id);
        m_matchmaker.removeJob(build.id);
        return;
    }
    m_jobs.insert(build.id, CachedJob{build, key, ad.value()});
    (void)m_matchmaker.updateJob(ad.value());
}

Core::Result<void> MatchService::refresh(qint64 now)
{
    m_matchmaker.setCurrentTime(now);
    expireAgents(now);
    const auto generations = m_store.generations();
    if (!generations)
        return generations.error();
    const StoreGenerations current = generations.value();
    const bool catalogChanged = !m_seen || m_seen->catalog != current.catalog;
    const bool queueChanged = catalogChanged || m_seen->queue != current.queue;
    if (!queueChanged && m_seen->added == current.added)
        return {}; // nothing the matchmaker reads changed since the last poll
    if (catalogChanged) {
        auto catalog = StoreAds::loadCatalog(m_store);
        if (!catalog)
            return catalog.error();
        m_catalog = std::move(catalog).value();
    }
    // Builds only added (queued, requested): read just those; else the whole queue.
    if (auto read = queueChanged ? reloadQueue() : readAdded(); !read)
        return read;
    m_seen = current;
    return {};
}

// The order of Store::pendingBuilds(): rev_time DESC, config, slave, id.
bool MatchService::isBefore(const Build &a, const Build &b)
{
    if (a.revisionTime != b.revisionTime)
        return a.revisionTime > b.revisionTime;
    if (const int config = a.config.compare(b.config); config != 0)
        return config < 0;
    if (const int slave = a.slave.compare(b.slave); slave != 0)
        return slave < 0;
    return a.id < b.id;
}

void MatchService::addPending(const Build &build)
{
    m_pending.insert(build.id, build);
    m_lastBuildId = qMax(m_lastBuildId, build.id);
    if (isStale(build))
        m_stale.insert(build.id);
    else
        syncJob(build, m_catalog);
}

Core::Result<void> MatchService::readAdded()
{
    const auto added = m_store.pendingBuildsAfter(m_lastBuildId);
    if (!added)
        return added.error();
    QSet<QPair<QString, qint64>> renewed;
    for (const Build &build : added.value()) {
        if (m_pending.contains(build.id))
            continue;
        renewed.insert({build.config, build.platform});
        addPending(build);
        const auto at = std::upper_bound(m_order.begin(), m_order.end(), build.id,
                                         [this](qint64 id, qint64 other) {
                                             return isBefore(m_pending[id], m_pending[other]);
                                         });
        m_order.insert(at, build.id);
    }
    if (renewed.isEmpty())
        return {};
    for (auto it = m_checked.begin(); it != m_checked.end();) {
        const Build checked = m_pending.value(*it);
        it = renewed.contains({checked.config, checked.platform}) ? m_checked.erase(it)
                                                                  : std::next(it);
    }
    return {};
}

Core::Result<void> MatchService::reloadQueue()
{
    const auto pending = m_store.pendingBuilds();
    if (!pending)
        return pending.error();
    m_order.clear();
    m_stale.clear();
    m_pending.clear();
    m_lastBuildId = 0;
    forgetCheckedOnNewBuilds(pending.value());
    QSet<qint64> matchable;
    for (const Build &build : pending.value()) {
        m_order.append(build.id);
        addPending(build);
        if (!m_stale.contains(build.id))
            matchable.insert(build.id);
    }
    forgetAllBut(matchable);
    return {};
}

Core::Result<StoreGenerations> MatchService::beforeOwnWrite()
{
    return m_store.generations();
}

// The service's own queue writes (a build taken or deleted) are already applied to its state:
// they need no re-read, unless something else changed too. Another connection's commit moves
// both counters, an own write only the queue's.
void MatchService::afterOwnWrite(const Core::Result<StoreGenerations> &before)
{
    if (!before || !m_seen || *m_seen != before.value())
        return;
    const auto after = m_store.generations();
    if (after && after.value().catalog == before.value().catalog)
        m_seen = after.value();
}

void MatchService::forgetAllBut(const QSet<qint64> &matchable)
{
    for (auto it = m_jobs.begin(); it != m_jobs.end();) {
        if (matchable.contains(it.key())) {
            ++it;
            continue;
        }
        m_matchmaker.removeJob(it.key());
        if (m_reservedBuilds.contains(it.key()))
            release(m_reservedBuilds.value(it.key()));
        it = m_jobs.erase(it);
    }
}

// A pending build becomes obsolete only when a newer build of its configuration and platform
// appears, which is queued as pending first: the checks of builds sharing a new build's
// configuration and platform are forgotten, the others kept across polls.
void MatchService::forgetCheckedOnNewBuilds(const QVector<Build> &pending)
{
    QSet<QPair<QString, qint64>> renewed;
    QHash<qint64, QPair<QString, qint64>> keys;
    for (const Build &build : pending) {
        const QPair<QString, qint64> key{build.config, build.platform};
        keys.insert(build.id, key);
        if (!m_jobs.contains(build.id) && !m_checked.contains(build.id))
            renewed.insert(key);
    }
    for (auto it = m_checked.begin(); it != m_checked.end();) {
        const auto key = keys.constFind(*it);
        if (key == keys.constEnd() || renewed.contains(*key))
            it = m_checked.erase(it);
        else
            ++it;
    }
}

void MatchService::expireAgents(qint64 now)
{
    if (m_settings.idleTimeout <= 0)
        return;
    QStringList gone;
    for (auto it = m_idle.cbegin(); it != m_idle.cend(); ++it) {
        if (now - it->lastSeen >= m_settings.idleTimeout)
            gone.append(it.key());
    }
    for (const QString &name : qAsConst(gone)) {
        release(name);
        removeIdle(name);
    }
}

void MatchService::reserve(const Match &match)
{
    release(match.agent);
    if (m_reservedBuilds.contains(match.buildId))
        release(m_reservedBuilds.value(match.buildId));
    m_reservations.insert(match.agent, match);
    m_reservedBuilds.insert(match.buildId, match.agent);
    m_matchmaker.removeAgent(match.agent);
    qCInfo(lcBridgeProtocol, "Build %lld reserved for agent %s.", match.buildId,
           qUtf8Printable(match.agent));
}

void MatchService::release(const QString &agent)
{
    const auto it = m_reservations.find(agent);
    if (it == m_reservations.end())
        return;
    m_reservedBuilds.remove(it->buildId);
    m_reservations.erase(it);
    const auto idle = m_idle.constFind(agent);
    if (idle != m_idle.constEnd())
        (void)m_matchmaker.updateAgent(idle->ad);
}

void MatchService::addIdle(const QString &name, const Core::ClassAd &ad, qint64 now)
{
    m_idle.insert(name, IdleAgent{ad, now});
    if (m_reservations.contains(name))
        return;
    const auto added = m_matchmaker.updateAgent(ad);
    if (!added)
        qCWarning(lcBridgeProtocol, "Agent %s cannot be matched: %s", qUtf8Printable(name),
                  qUtf8Printable(added.error().message));
}

void MatchService::removeIdle(const QString &name)
{
    m_idle.remove(name);
    m_matchmaker.removeAgent(name);
}

std::optional<Match> MatchService::reservationFor(const Core::ClassAd &machine)
{
    const QString name = nameOf(machine);
    const auto reserved = m_reservations.constFind(name);
    if (reserved == m_reservations.constEnd())
        return std::nullopt;
    const auto job = m_jobs.constFind(reserved->buildId);
    if (job == m_jobs.constEnd() || !Core::ClassAdEvaluator::matches(job->ad, machine)) {
        release(name); // the build is gone, or the agent's ad changed since the pass
        return std::nullopt;
    }
    return Match{job->build.id, name, Core::ClassAdEvaluator::rank(job->ad, machine),
                 Core::ClassAdEvaluator::rank(machine, job->ad)};
}

std::optional<Match> MatchService::bestFor(const Core::ClassAd &machine, QSet<qint64> *excluded)
{
    for (qint64 id : qAsConst(*excluded))
        m_matchmaker.removeJob(id);
    const std::optional<Match> best = m_matchmaker.matchForAgent(machine);
    for (qint64 id : qAsConst(*excluded)) {
        const auto job = m_jobs.constFind(id);
        if (job != m_jobs.constEnd())
            (void)m_matchmaker.updateJob(job->ad);
    }
    return best;
}

// A build reserved for another agent goes to the poller only when its claim is as good: the
// build's Rank of it at least as high, and on a tie its Rank of the build at least as high.
bool MatchService::mayTake(const Match &candidate) const
{
    const QString holder = m_reservedBuilds.value(candidate.buildId);
    if (holder.isEmpty() || holder == candidate.agent)
        return true;
    const Match &reserved = m_reservations[holder];
    if (candidate.jobRank != reserved.jobRank)
        return candidate.jobRank > reserved.jobRank;
    return candidate.agentRank >= reserved.agentRank;
}

Core::Result<bool> MatchService::isObsolete(const Build &build)
{
    if (m_stale.contains(build.id))
        return true;
    if (m_checked.contains(build.id) || m_settings.buildAll)
        return false;
    const auto newer = m_scheduler.hasNewerBuild(build);
    if (!newer)
        return newer.error();
    if (!newer.value())
        m_checked.insert(build.id);
    return newer.value();
}

QSet<qint64> MatchService::knownJobs() const
{
    QSet<qint64> known;
    for (auto it = m_jobs.cbegin(); it != m_jobs.cend(); ++it)
        known.insert(it.key());
    return known;
}

QSet<qint64> MatchService::freshSince(const QSet<qint64> &known) const
{
    QSet<qint64> fresh;
    for (auto it = m_jobs.cbegin(); it != m_jobs.cend(); ++it) {
        if (!known.contains(it.key()))
            fresh.insert(it.key());
    }
    return fresh;
}

Core::Result<void> MatchService::deletePending(qint64 id, QStringList *files)
{
    const auto before = beforeOwnWrite();
    const auto removed = m_store.removeBuild(id);
    if (!removed)
        return removed.error();
    afterOwnWrite(before);
    m_lastBuildId = qMin(m_lastBuildId, id - 1); // SQLite may give a deleted last id again
    *files += removed.value();
    removePending(id);
    return {};
}

void MatchService::removePending(qint64 id)
{
    if (m_reservedBuilds.contains(id))
        release(m_reservedBuilds.value(id));
    m_jobs.remove(id);
    m_matchmaker.removeJob(id);
    m_stale.remove(id);
    m_order.removeOne(id);
    m_pending.remove(id);
    m_checked.remove(id);
}

Core::Result<std::optional<Match>> MatchService::choose(const Core::ClassAd &machine,
                                                        QStringList *files)
{
    QSet<qint64> excluded;
    std::optional<Match> candidate = reservationFor(machine);
    for (int guard = 0; guard <= m_order.size(); ++guard) {
        if (!candidate)
            candidate = bestFor(machine, &excluded);
        if (!candidate)
            return candidate;
        const qint64 id = candidate->buildId;
        if (!mayTake(*candidate)) {
            excluded.insert(id);
            candidate.reset();
            continue;
        }
        const auto obsolete = isObsolete(m_jobs.value(id).build);
        if (!obsolete)
            return obsolete.error();
        if (!obsolete.value())
            return candidate;
        if (auto removed = deletePending(id, files); !removed)
            return removed.error();
        candidate.reset();
    }
    return std::optional<Match>();
}

// Bitten deletes the obsolete pending builds its walk passes before the one it assigns, or all
// of them when it assigns none (bitten-spec §7.3 step 3).
Core::Result<void> MatchService::dropObsoleteBefore(qint64 chosen, QStringList *files)
{
    const QVector<qint64> order = m_order;
    for (qint64 id : order) {
        if (id == chosen)
            break;
        if (!m_stale.contains(id) && !m_jobs.contains(id))
            continue;
        const auto obsolete = isObsolete(m_jobs.value(id).build);
        if (!obsolete)
            return obsolete.error();
        if (obsolete.value()) {
            if (auto removed = deletePending(id, files); !removed)
                return removed;
        }
    }
    return {};
}

void MatchService::reserveNewBuilds(const QSet<qint64> &fresh)
{
    for (qint64 id : qAsConst(m_order)) {
        const auto job = m_jobs.constFind(id);
        if (!fresh.contains(id) || job == m_jobs.constEnd() || m_reservedBuilds.contains(id))
            continue;
        if (const auto match = m_matchmaker.matchForBuild(job->ad))
            reserve(*match);
    }
}

void MatchService::record(const SlaveInfo &slave, const std::optional<Core::ClassAd> &ownAd,
                          qint64 build, qint64 now)
{
    Recorded row;
    for (const auto &property : slave.properties) {
        if (property.first != QLatin1String("token"))
            row.properties.append(property);
    }
    row.lastSeen = now;
    row.currentBuild = build;
    row.ad = ownAd ? ownAd->toString() : QString();
    const auto last = m_recorded.constFind(slave.name);
    if (last != m_recorded.constEnd() && *last == row)
        return; // the same poll again within the second: the rows already say so
    Agent agent;
    agent.name = slave.name;
    agent.properties = row.properties;
    agent.lastSeen = now;
    agent.currentBuild = build;
    auto saved = m_store.saveAgent(agent);
    if (saved && (last == m_recorded.constEnd() || last->ad != row.ad))
        saved = m_store.saveMachineAd(slave.name, row.ad);
    if (!saved) {
        m_recorded.remove(slave.name);
        qCWarning(lcBridgeProtocol, "Could not record agent %s: %s", qUtf8Printable(slave.name),
                  qUtf8Printable(saved.error().message));
        return;
    }
    m_recorded.insert(slave.name, row);
}

Core::Result<Scheduler::Assignment> MatchService::assign(const SlaveInfo &slave,
                                                         const std::optional<Core::ClassAd> &ownAd)
{
    const qint64 time = now();
    Scheduler::Assignment assignment;
    const auto reset = m_store.resetOrphanedBuilds(time, m_settings.slaveTimeout);
    if (!reset)
        return reset.error();
    assignment.filesToDelete = reset.value().files;
    const QSet<qint64> known = knownJobs();
    if (auto refreshed = refresh(time); !refreshed)
        return refreshed.error();
    const Core::ClassAd machine = StoreAds::machineAd(slave, ownAd);
    removeIdle(slave.name);
    const auto chosen = choose(machine, &assignment.filesToDelete);
    if (!chosen)
        return chosen.error();
    const qint64 id = chosen.value() ? chosen.value()->buildId : 0;
    if (auto dropped = dropObsoleteBefore(id, &assignment.filesToDelete); !dropped)
        return dropped.error();
    release(slave.name);
    if (id == 0) {
        setRunning(slave.name, std::nullopt);
        addIdle(slave.name, machine, time);
    } else if (auto taken = take(id, slave, time, &assignment); !taken) {
        return taken.error();
    } else {
        setRunning(slave.name, Running{id, machine, chosen.value()->jobRank});
    }
    reserveNewBuilds(freshSince(known));
    record(slave, ownAd, id, time);
    return assignment;
}

Core::Result<void> MatchService::take(qint64 id, const SlaveInfo &slave, qint64 now,
                                      Scheduler::Assignment *assignment)
{
    const auto before = beforeOwnWrite();
    const auto assigned = m_store.assignBuild(id, slave, now);
    if (!assigned)
        return assigned.error();
    afterOwnWrite(before);
    assignment->build = assigned.value();
    removePending(id);
    return {};
}

Core::Result<QVector<Match>> MatchService::runPass()
{
    m_checked.clear(); // builds stored other than through the queue are seen at least here
    m_seen.reset(); // and everything is read again, whatever the store's counters say
    if (auto refreshed = refresh(now()); !refreshed)
        return refreshed.error();
    const QStringList holders = m_reservations.keys();
    for (const QString &agent : holders)
        release(agent);
    const QVector<Match> matches = m_matchmaker.matchAll();
    for (const Match &match : matches)
        reserve(match);
    Q_EMIT passFinished(int(matches.size()));
    return matches;
}

Core::Result<void> MatchService::buildsQueued()
{
    const QSet<qint64> known = knownJobs();
    if (auto refreshed = refresh(now()); !refreshed)
        return refreshed;
    reserveNewBuilds(freshSince(known));
    return {};
}

void MatchService::timerPass()
{
    const auto pass = runPass();
    if (!pass)
        qCWarning(lcBridgeProtocol, "The matchmaking pass failed: %s",
                  qUtf8Printable(pass.error().message));
}

void MatchService::setRunning(const QString &agent, const std::optional<Running> &running)
{
    const auto previous = m_running.constFind(agent);
    if (previous != m_running.constEnd())
        m_runningBuilds.remove(previous->build);
    if (!running) {
        m_running.remove(agent);
        return;
    }
    m_running.insert(agent, *running);
    m_runningBuilds.insert(running->build, agent);
}

// Condor-style rank preemption: among the matchable waiting builds that no reservation holds,
// the one whose Rank of the agent is highest (queue order on ties) and at least the margin
// above the running build's, provided no idle agent could take it instead.
std::optional<Match> MatchService::displacing(const QString &agent, const Running &running)
{
    std::optional<Match> best;
    for (qint64 id : qAsConst(m_order)) {
        const auto job = m_jobs.constFind(id);
        if (job == m_jobs.constEnd() || id == running.build || m_reservedBuilds.contains(id))
            continue;
        const double rank = Core::ClassAdEvaluator::rank(job->ad, running.machine);
        if (rank < running.jobRank + *m_settings.preemptRankMargin
            || (best && rank <= best->jobRank)
            || !Core::ClassAdEvaluator::matches(job->ad, running.machine)
            || m_matchmaker.matchForBuild(job->ad))
            continue;
        best = Match{id, agent, rank, Core::ClassAdEvaluator::rank(running.machine, job->ad)};
    }
    return best;
}

std::optional<QString> MatchService::vacateReason(qint64 build)
{
    const auto holder = m_runningBuilds.constFind(build);
    if (!m_settings.preemptRankMargin || holder == m_runningBuilds.constEnd())
        return std::nullopt;
    const QString agent = *holder;
    if (auto refreshed = refresh(now()); !refreshed) {
        qCWarning(lcBridgeProtocol, "Could not check build %lld for preemption: %s", build,
                  qUtf8Printable(refreshed.error().message));
        return std::nullopt;
    }
    const Running running = m_running.value(agent);
    std::optional<Match> waiting;
    const auto reserved = m_reservations.constFind(agent);
    if (reserved != m_reservations.constEnd() && m_jobs.contains(reserved->buildId))
        waiting = *reserved; // asked before: the agent has not vacated yet
    else if ((waiting = displacing(agent, running)))
        reserve(*waiting);
    if (!waiting)
        return std::nullopt;
    qCInfo(lcBridgeProtocol, "Build %lld on agent %s is preempted by build %lld (rank %g > %g).",
           build, qUtf8Printable(agent), waiting->buildId, waiting->jobRank, running.jobRank);
    return QStringLiteral("build %1 ranks this agent %2, build %3 only %4")
            .arg(waiting->buildId)
            .arg(waiting->jobRank)
            .arg(build)
            .arg(running.jobRank);
}

} // namespace Bridge
