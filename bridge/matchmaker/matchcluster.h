// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QVector>

#include "bridge/matchmaker/agentpool.h"
#include "bridge/matchmaker/agentset.h"
#include "core/classad.h"

namespace Bridge {

struct ClauseDependencies;

/**
 * One build (or one autocluster of identical builds) matched against an AgentPool: the agents
 * for which both Requirements hold, and the order in which the build prefers them — its own
 * Rank, then the agent's Rank, then the agent's name (condor-matchmaking §1.5, §1.7).
 *
 * Clauses that read the agent ad are evaluated once per distinct value (AgentIndex groups);
 * clauses and ranks that do not read the build's own ad are cached in a Cache shared by all
 * builds of one pass.
 */
class MatchCluster
{
public:
    /// Results shared between the builds of one pass, keyed by expression text.
    struct Cache
    {
        QHash<QString, AgentSet> clauses;
        QHash<QString, QVector<double>> ranks;
        /// Willing agents sorted by a rank (highest first, then by slot), per rank text.
        QHash<QString, QVector<int>> orders;
    };

    MatchCluster(AgentPool *pool, const Core::ClassAd &job, Cache *cache);

    /// Agents both Requirements may hold for; clauses reading both ads are checked lazily.
    const AgentSet &candidates() const { return m_candidates; }
    /// The preferred candidate that is also in @p available, or -1. For repeated calls with a
    /// shrinking @p available (a pass).
    int best(const AgentSet &available);
    /// The same for a single call (an event): one scan, no order or heap is built.
    int bestOnce(const AgentSet &available);
    double jobRank(int slot) const;
    double agentRank(int slot) const;

private:
    struct Entry
    {
        double jobRank;
        double agentRank;
        int slot;
    };

    static bool isWorse(const Entry &a, const Entry &b);
    void applyJobClauses();
    AgentSet computedFor(const ClauseDependencies &deps) const;
    AgentSet sharedClauseSet(const Core::ClassAdExpression &clause, const ClauseDependencies &deps);
    const QVector<int> &sharedOrder(const QString &key, const QVector<double> &values);
    AgentSet clauseSet(const Core::ClassAdExpression &clause, const ClauseDependencies &deps,
                       const AgentSet &scope) const;
    void applyAgentClauses();
    bool readsLiteralsOnly(const AgentPool::Shared &shared) const;
    /// Checks the slot's clauses that read both ads, once; drops it from the candidates if
    /// one is not TRUE.
    bool acceptable(int slot);
    void computeJobRanks();
    void computeAgentRanks();
    QVector<double> rankValues(const Core::ClassAdExpression &rank, const ClauseDependencies &deps,
                               const AgentSet &scope) const;
    void buildHeap(const AgentSet &available);
    int nextInOrder(const AgentSet &available);
    int bestByAgentRank(const AgentSet &available);

    AgentPool *m_pool;
    Core::ClassAd m_job;
    Cache *m_cache;
    AgentSet m_candidates;
    AgentSet m_unchecked; ///< candidates whose clauses reading both ads are not checked yet
    double m_constantJobRank = 0;
    double m_constantAgentRank = 0;
    QVector<double> m_jobRanks; ///< by slot; empty when the job's rank is constant
    QVector<double> m_agentRanks; ///< by slot; empty when all agents rank alike
    QVector<Entry> m_heap;
    bool m_heapBuilt = false;
    QString m_orderKey; ///< the build's rank text when its values are shared in the pass
    const QVector<int> *m_order = nullptr; ///< agents by that rank
    int m_cursor = 0;
    QVector<QPair<double, AgentSet>> m_tiers; ///< candidates by constant agent rank, highest first
    AgentSet m_variable; ///< candidates whose rank reads the build
    bool m_tiersBuilt = false;
};

} // namespace Bridge
