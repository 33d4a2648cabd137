// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <optional>

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include "bridge/matchmaker/matchmaker.h"
#include "bridge/matchmaker/storeads.h"
#include "bridge/scheduler/scheduler.h"

namespace Bridge {

class Store;

/// How MatchService runs.
struct MatchServiceSettings
{
    qint64 passInterval = 30; ///< seconds between full passes; 0: none (events only)
    qint64 idleTimeout = 600; ///< an idle agent unseen this long leaves the pool
    qint64 slaveTimeout = 3600; ///< orphan resets before each poll (bitten-spec §5.9)
    bool buildAll = false; ///< [bitten] build_all: older pending builds are kept (§7.3 step 3)
    /// Rank preemption ([server] preempt_rank_margin): a running build is vacated when a
    /// waiting build no idle agent can take ranks its agent at least this much higher;
    /// nullopt: never.
    std::optional<double> preemptRankMargin;
    std::function<qint64()> clock; ///< Unix seconds; empty: the system clock
};

/**
 * The matchmaker of a running bridge (issue 8 item 4): keeps a Matchmaker fed from the store —
 * the pending builds' job ads and the idle agents' machine ads — and answers a slave's poll
 * (POST /builds) with the build both sides accept.
 *
 * - **Agent polls** (assign): the agent gets the build its Rank prefers among those whose
 *   Requirements and its own hold (Matchmaker::matchForAgent), unless that build is reserved
 *   for an agent with a strictly better claim (job Rank, then agent Rank); an agent holding a
 *   reservation gets that build. Bitten's obsolete builds (§7.3 step 3) met on the way are
 *   deleted as Bitten does. An agent left without a build joins the idle pool.
 * - **Builds queued** (noticed on a poll or pass): each new build is reserved for its best
 *   idle agent (Matchmaker::matchForBuild).
 * - **Periodic full pass** (every passInterval): Matchmaker::matchAll() over all idle agents;
 *   its matches replace the reservations.
 *
 * A reservation holds a build for an idle agent until it polls (then it gets it), until a
 * poller with an equal or better claim takes the build, or until the agent has not polled for
 * idleTimeout. State other than the store is in memory only.
 */
class MatchService final : public QObject
{
    Q_OBJECT
public:
    MatchService(Store &store, const MatchServiceSettings &settings, QObject *parent = nullptr);
    ~MatchService() override;
    Q_DISABLE_COPY_MOVE(MatchService)

    /// Starts the periodic pass (when passInterval > 0).
    void start();
    void stop();

    /// POST /builds: the build for @p slave, which sent @p ownAd (nullopt: a plain Bitten slave).
    Core::Result<Scheduler::Assignment> assign(const SlaveInfo &slave,
                                               const std::optional<Core::ClassAd> &ownAd);
    /// A full pass now; returns the reservations it made.
    Core::Result<QVector<Match>> runPass();
    /// Builds were queued outside a poll (API, `bittern build`): reserve them for idle agents.
    Core::Result<void> buildsQueued();

    /// ProtocolContext::vacateCheck: a reason when the agent running @p build should give it
    /// back because a waiting build ranks that agent at least preemptRankMargin higher than
    /// @p build does and no idle agent can take it (issue 8 item 5); that build is then
    /// reserved for the agent. nullopt: keep running (always, without a margin).
    std::optional<QString> vacateReason(qint64 build);

    /// The current reservations by agent name.
    QHash<QString, Match> reservations() const { return m_reservations; }
    int idleAgentCount() const { return m_idle.size(); }

Q_SIGNALS:
    /// A periodic or explicit pass finished with @p reservations builds reserved.
    void passFinished(int reservations);

private:
    struct IdleAgent
    {
        Core::ClassAd ad;
        qint64 lastSeen = 0;
    };
    struct CachedJob
    {
        Build build;
        QString key; ///< what the ad was made from
        Core::ClassAd ad;
    };

    /// What record() last wrote for an agent.
    struct Recorded
    {
        QVector<QPair<QString, QString>> properties;
        qint64 lastSeen = 0;
        qint64 currentBuild = 0;
        QString ad;
        bool operator==(const Recorded &other) const
        {
            return lastSeen == other.lastSeen && currentBuild == other.currentBuild
                    && properties == other.properties && ad == other.ad;
        }
    };

    /// A build this service gave to an agent, with the ad and job Rank it was matched with.
    struct Running
    {
        qint64 build = 0;
        Core::ClassAd machine;
        double jobRank = 0;
    };

    qint64 now() const;
    /// Brings the cached catalog and queue up to date, re-reading only what the store's
    /// generations say changed.
    Core::Result<void> refresh(qint64 now);
    Core::Result<void> reloadQueue();
    /// Reads the builds queued since the last read and merges them into the queue.
    Core::Result<void> readAdded();
    void addPending(const Build &build);
    static bool isBefore(const Build &a, const Build &b);
    Core::Result<StoreGenerations> beforeOwnWrite();
    void afterOwnWrite(const Core::Result<StoreGenerations> &before);
    void syncJob(const Build &build, const MatchCatalog &catalog);
    /// Forgets the jobs that are no longer pending or matchable.
    void forgetAllBut(const QSet<qint64> &matchable);
    /// Assigns build @p id to the polling slave in the store.
    Core::Result<void> take(qint64 id, const SlaveInfo &slave, qint64 now,
                            Scheduler::Assignment *assignment);
    bool isStale(const Build &build) const;
    void forgetCheckedOnNewBuilds(const QVector<Build> &pending);
    void expireAgents(qint64 now);
    void reserve(const Match &match);
    void release(const QString &agent);
    void addIdle(const QString &name, const Core::ClassAd &ad, qint64 now);
    void removeIdle(const QString &name);
    std::optional<Match> reservationFor(const Core::ClassAd &machine);
    std::optional<Match> bestFor(const Core::ClassAd &machine, QSet<qint64> *excluded);
    bool mayTake(const Match &candidate) const;
    Core::Result<std::optional<Match>> choose(const Core::ClassAd &machine, QStringList *files);
    Core::Result<bool> isObsolete(const Build &build);
    /// Deletes an obsolete pending build from the store (Bitten's queue rule) and forgets it.
    Core::Result<void> deletePending(qint64 id, QStringList *files);
    /// Forgets a build that is no longer pending.
    void removePending(qint64 id);
    /// The ids of the builds now matchable that were not before @p known.
    QSet<qint64> freshSince(const QSet<qint64> &known) const;
    QSet<qint64> knownJobs() const;
    Core::Result<void> dropObsoleteBefore(qint64 chosen, QStringList *files);
    void reserveNewBuilds(const QSet<qint64> &fresh);
    void record(const SlaveInfo &slave, const std::optional<Core::ClassAd> &ownAd, qint64 build,
                qint64 now);
    void timerPass();
    void setRunning(const QString &agent, const std::optional<Running> &running);
    /// The waiting build that should displace @p running on @p agent, if any.
    std::optional<Match> displacing(const QString &agent, const Running &running);

    Store &m_store;
    MatchServiceSettings m_settings;
    Scheduler m_scheduler;
    Matchmaker m_matchmaker;
    QTimer m_timer;
    MatchCatalog m_catalog;
    QVector<qint64> m_order; ///< pending builds in Bitten's order (rev_time DESC, config, slave)
    QHash<qint64, Build> m_pending; ///< the builds of m_order
    qint64 m_lastBuildId = 0; ///< the highest pending build id read
    QHash<qint64, CachedJob> m_jobs; ///< pending builds that may be matched
    QSet<qint64> m_stale; ///< pending builds Bitten would delete (platform or config gone, …)
    QSet<qint64> m_checked; ///< pending builds known not to be obsolete (kept across polls)
    QHash<QString, IdleAgent> m_idle;
    QHash<QString, Match> m_reservations; ///< by agent
    QHash<qint64, QString> m_reservedBuilds; ///< build -> agent
    QHash<QString, Recorded> m_recorded; ///< by agent name
    QHash<QString, Running> m_running; ///< by agent name (its last build; may have finished)
    QHash<qint64, QString> m_runningBuilds; ///< build -> agent
    std::optional<StoreGenerations> m_seen; ///< the store's generations m_catalog/m_jobs reflect
};

} // namespace Bridge
