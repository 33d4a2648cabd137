// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/matchmaker/matchcluster.h"

#include <algorithm>

#include "bridge/matchmaker/agentpool.h"
#include "bridge/matchmaker/clauseanalysis.h"

namespace Bridge {

using Core::ClassAdExpression;
using Core::ClassAdExpressionPtr;
using Core::ClassAdTruth;

// Heap order: the top is the preferred agent.
bool MatchCluster::isWorse(const Entry &a, const Entry &b)
{
    if (a.jobRank != b.jobRank)
        return a.jobRank < b.jobRank;
    if (a.agentRank != b.agentRank)
        return a.agentRank < b.agentRank;
    return a.slot > b.slot;
}

MatchCluster::MatchCluster(AgentPool *pool, const Core::ClassAd &job, Cache *cache)
    : m_pool(pool), m_job(job), m_cache(cache), m_candidates(pool->willing())
{
    applyJobClauses();
    applyAgentClauses();
    computeJobRanks();
    computeAgentRanks();
}

void MatchCluster::applyJobClauses()
{
    const ClassAdExpressionPtr requirements = m_job.lookup(QStringLiteral("Requirements"));
    if (!requirements) {
        m_candidates = AgentSet(m_pool->size());
        return;
    }
    // Clauses reading one agent attribute first: they are cheap and shrink the candidates.
    QVector<QPair<ClassAdExpressionPtr, ClauseDependencies>> clauses;
    for (const ClassAdExpressionPtr &clause : ClauseAnalysis::clauses(requirements))
        clauses.append({clause, ClauseAnalysis::dependencies(*clause, m_job)});
    std::stable_sort(clauses.begin(), clauses.end(), [](const auto &a, const auto &b) {
        return (a.second.targetAttributes.size() > 1) < (b.second.targetAttributes.size() > 1);
    });
    for (const auto &clause : qAsConst(clauses)) {
        if (m_candidates.isEmpty())
            return;
        if (clause.second.usesMy) {
            m_candidates &= clauseSet(*clause.first, clause.second, m_candidates);
            continue;
        }
        m_candidates &= sharedClauseSet(*clause.first, clause.second);
    }
}

// Shared by every build with this clause, except for agents whose attribute is an expression
// (it may read the build): those are evaluated for this build.
AgentSet MatchCluster::sharedClauseSet(const ClassAdExpression &clause,
                                       const ClauseDependencies &deps)
{
    const AgentSet computed = computedFor(deps);
    const QString key = clause.toString();
    auto it = m_cache->clauses.find(key);
    if (it == m_cache->clauses.end()) {
        AgentSet scope = m_pool->willing();
        scope.subtract(computed);
        it = m_cache->clauses.insert(key, clauseSet(clause, deps, scope));
    }
    AgentSet result = it.value();
    AgentSet own = computed;
    own &= m_candidates;
    if (!own.isEmpty())
        result |= clauseSet(clause, deps, own);
    return result;
}

AgentSet MatchCluster::computedFor(const ClauseDependencies &deps) const
{
    AgentSet computed(m_pool->size());
    for (const QString &name : deps.targetAttributes)
        computed |= m_pool->index().computed(name);
    return computed;
}

AgentSet MatchCluster::clauseSet(const ClassAdExpression &clause, const ClauseDependencies &deps,
                                 const AgentSet &scope) const
{
    AgentIndex &index = m_pool->index();
    if (deps.targetAttributes.isEmpty()) {
        const bool holds = m_pool->truth(clause, &m_job, nullptr) == ClassAdTruth::True;
        return holds ? scope : AgentSet(scope.size());
    }
    AgentSet result(scope.size());
    if (deps.targetAttributes.size() == 1) {
        for (const AgentIndex::Group &group : index.groups(*deps.targetAttributes.cbegin())) {
            if (group.representative < 0 || group.members.firstCommon(scope) < 0)
                continue;
            if (m_pool->truth(clause, &m_job, &index.ad(group.representative))
                == ClassAdTruth::True)
                result |= group.members;
        }
        result &= scope;
        return result;
    }
    for (int slot = scope.next(0); slot >= 0; slot = scope.next(slot + 1)) {
        if (m_pool->truth(clause, &m_job, &index.ad(slot)) == ClassAdTruth::True)
            result.insert(slot);
    }
    return result;
}

// An agent expression that reads only literal attributes of the build has one value for all
// agents sharing it; a computed build attribute may read the agent.
bool MatchCluster::readsLiteralsOnly(const AgentPool::Shared &shared) const
{
    for (const QString &name : shared.reads) {
        const ClassAdExpressionPtr expression = m_job.lookup(name);
        if (expression && expression->kind != ClassAdExpression::Kind::Literal)
            return false;
    }
    return true;
}

void MatchCluster::applyAgentClauses()
{
    for (const AgentPool::Shared &shared : m_pool->sharedClauses()) {
        int slot = shared.members.firstCommon(m_candidates);
        if (slot < 0)
            continue;
        if (readsLiteralsOnly(shared)) {
            if (m_pool->truth(*shared.expression, &m_pool->agent(slot).ad, &m_job)
                != ClassAdTruth::True)
                m_candidates.subtract(shared.members);
            continue;
        }
        for (; slot >= 0; slot = shared.members.firstCommon(m_candidates, slot + 1)) {
            if (m_pool->truth(*shared.expression, &m_pool->agent(slot).ad, &m_job)
                != ClassAdTruth::True)
                m_candidates.remove(slot);
        }
    }
    // Clauses that read both ads are checked only for agents about to be chosen (acceptable()):
    // a build needs one agent, not the full list.
    m_unchecked = m_pool->pairClauseAgents();
    m_unchecked &= m_candidates;
}

bool MatchCluster::acceptable(int slot)
{
    if (!m_unchecked.contains(slot))
        return true;
    m_unchecked.remove(slot);
    const AgentPool::Agent &agent = m_pool->agent(slot);
    for (const ClassAdExpressionPtr &clause : agent.pairClauses) {
        if (m_pool->truth(*clause, &agent.ad, &m_job) != ClassAdTruth::True) {
            m_candidates.remove(slot);
            return false;
        }
    }
    return true;
}

QVector<double> MatchCluster::rankValues(const ClassAdExpression &rank,
                                         const ClauseDependencies &deps,
                                         const AgentSet &scope) const
{
    AgentIndex &index = m_pool->index();
    QVector<double> values(scope.size(), 0.0);
    if (deps.targetAttributes.size() == 1) {
        for (const AgentIndex::Group &group : index.groups(*deps.targetAttributes.cbegin())) {
            int slot = group.members.firstCommon(scope);
            if (slot < 0)
                continue;
            const double value = m_pool->rank(rank, &m_job, &index.ad(slot));
            for (; slot >= 0; slot = group.members.firstCommon(scope, slot + 1))
                values[slot] = value;
        }
        return values;
    }
    for (int slot = scope.next(0); slot >= 0; slot = scope.next(slot + 1))
        values[slot] = m_pool->rank(rank, &m_job, &index.ad(slot));
    return values;
}

void MatchCluster::computeJobRanks()
{
    const ClassAdExpressionPtr rank = m_job.lookup(QStringLiteral("Rank"));
    if (!rank || m_candidates.isEmpty())
        return;
    const ClauseDependencies deps = ClauseAnalysis::dependencies(*rank, m_job);
    if (deps.targetAttributes.isEmpty()) {
        m_constantJobRank = m_pool->rank(*rank, &m_job, nullptr);
        return;
    }
    if (deps.usesMy) {
        m_jobRanks = rankValues(*rank, deps, m_candidates);
        return;
    }
    const AgentSet computed = computedFor(deps);
    const QString key = rank->toString();
    auto it = m_cache->ranks.find(key);
    if (it == m_cache->ranks.end()) {
        AgentSet scope = m_pool->willing();
        scope.subtract(computed);
        it = m_cache->ranks.insert(key, rankValues(*rank, deps, scope));
    }
    m_jobRanks = it.value();
    AgentSet own = computed;
    own &= m_candidates;
    if (!own.isEmpty()) {
        const QVector<double> values = rankValues(*rank, deps, own);
        for (int slot = own.next(0); slot >= 0; slot = own.next(slot + 1))
            m_jobRanks[slot] = values.at(slot);
    }
    if (!computed.isEmpty())
        return;
    // Every build with this rank can walk the same order (built on first use by best()).
    m_orderKey = key;
}

const QVector<int> &MatchCluster::sharedOrder(const QString &key, const QVector<double> &values)
{
    auto order = m_cache->orders.find(key);
    if (order == m_cache->orders.end()) {
        QVector<int> slots;
        const AgentSet &willing = m_pool->willing();
        for (int slot = willing.next(0); slot >= 0; slot = willing.next(slot + 1))
            slots.append(slot);
        std::stable_sort(slots.begin(), slots.end(),
                         [&values](int a, int b) { return values.at(a) > values.at(b); });
        order = m_cache->orders.insert(key, slots);
    }
    return order.value();
}

void MatchCluster::computeAgentRanks()
{
    if (m_pool->hasUniformRank()) {
        m_constantAgentRank = m_pool->size() > 0 ? m_pool->agent(0).constantRank : 0.0;
        return;
    }
    m_agentRanks = QVector<double>(m_pool->size(), 0.0);
    for (int slot = m_candidates.next(0); slot >= 0; slot = m_candidates.next(slot + 1))
        m_agentRanks[slot] = m_pool->agent(slot).constantRank;
    for (const AgentPool::Shared &shared : m_pool->sharedRanks()) {
        int slot = shared.members.firstCommon(m_candidates);
        if (slot < 0)
            continue;
        const bool once = readsLiteralsOnly(shared);
        const double value = m_pool->rank(*shared.expression, &m_pool->agent(slot).ad, &m_job);
        for (; slot >= 0; slot = shared.members.firstCommon(m_candidates, slot + 1)) {
            m_agentRanks[slot] = once
                    ? value
                    : m_pool->rank(*shared.expression, &m_pool->agent(slot).ad, &m_job);
        }
    }
    const AgentSet &pairs = m_pool->pairRankAgents();
    for (int slot = pairs.firstCommon(m_candidates); slot >= 0;
         slot = pairs.firstCommon(m_candidates, slot + 1)) {
        const AgentPool::Agent &agent = m_pool->agent(slot);
        m_agentRanks[slot] = m_pool->rank(*agent.rank, &agent.ad, &m_job);
    }
}

double MatchCluster::jobRank(int slot) const
{
    return m_jobRanks.isEmpty() ? m_constantJobRank : m_jobRanks.at(slot);
}

double MatchCluster::agentRank(int slot) const
{
    return m_agentRanks.isEmpty() ? m_constantAgentRank : m_agentRanks.at(slot);
}

void MatchCluster::buildHeap(const AgentSet &available)
{
    for (int slot = m_candidates.firstCommon(available); slot >= 0;
         slot = m_candidates.firstCommon(available, slot + 1))
        m_heap.append(Entry{jobRank(slot), agentRank(slot), slot});
    std::make_heap(m_heap.begin(), m_heap.end(), &MatchCluster::isWorse);
    m_heapBuilt = true;
}

// Walks the shared order by build rank; among agents of equal build rank the agent's rank and
// then the slot decide. Entries before the cursor are never wanted again in this pass: not
// candidates, or already taken.
int MatchCluster::nextInOrder(const AgentSet &available)
{
    const auto valid
            = [&](int slot) { return m_candidates.contains(slot) && available.contains(slot); };
    while (m_cursor < m_order->size()) {
        if (!valid(m_order->at(m_cursor))) {
            ++m_cursor;
            continue;
        }
        const double blockRank = jobRank(m_order->at(m_cursor));
        int chosen = -1;
        for (int i = m_cursor; i < m_order->size(); ++i) {
            const int slot = m_order->at(i);
            if (jobRank(slot) != blockRank)
                break;
            if (valid(slot) && (chosen < 0 || agentRank(slot) > agentRank(chosen)))
                chosen = slot;
            if (m_agentRanks.isEmpty())
                break; // agents rank alike: the first valid one wins
        }
        if (chosen < 0) // a NaN rank equals nothing, not even itself
            chosen = m_order->at(m_cursor);
        if (acceptable(chosen))
            return chosen;
    }
    return -1;
}

// The build's rank is constant: the best agent is the first free one of the highest constant
// rank group, or an agent whose rank reads the build, whichever ranks higher.
int MatchCluster::bestByAgentRank(const AgentSet &available)
{
    if (!m_tiersBuilt) {
        for (auto it = m_pool->constantRankGroups().cbegin();
             it != m_pool->constantRankGroups().cend(); ++it) {
            AgentSet tier = it.value();
            tier &= m_candidates;
            m_tiers.prepend({it.key(), tier});
        }
        m_variable = m_pool->variableRankAgents();
        m_variable &= m_candidates;
        m_tiersBuilt = true;
    }
    while (true) {
        int chosen = -1;
        for (const auto &tier : qAsConst(m_tiers)) {
            chosen = tier.second.firstCommon(available);
            if (chosen >= 0)
                break;
        }
        for (int slot = m_variable.firstCommon(available); slot >= 0;
             slot = m_variable.firstCommon(available, slot + 1)) {
            if (chosen < 0 || agentRank(slot) > agentRank(chosen)
                || (agentRank(slot) == agentRank(chosen) && slot < chosen))
                chosen = slot;
        }
        if (chosen < 0 || acceptable(chosen))
            return chosen;
        for (auto &tier : m_tiers)
            tier.second.remove(chosen);
        m_variable.remove(chosen);
    }
}

int MatchCluster::bestOnce(const AgentSet &available)
{
    while (true) {
        int chosen = -1;
        for (int slot = m_candidates.firstCommon(available); slot >= 0;
             slot = m_candidates.firstCommon(available, slot + 1)) {
            if (chosen < 0
                || isWorse(Entry{jobRank(chosen), agentRank(chosen), chosen},
                           Entry{jobRank(slot), agentRank(slot), slot}))
                chosen = slot;
        }
        if (chosen < 0 || acceptable(chosen))
            return chosen;
    }
}

int MatchCluster::best(const AgentSet &available)
{
    if (m_jobRanks.isEmpty() && m_agentRanks.isEmpty()) {
        for (int slot = m_candidates.firstCommon(available); slot >= 0;
             slot = m_candidates.firstCommon(available, slot + 1)) {
            if (acceptable(slot))
                return slot;
        }
        return -1;
    }
    if (!m_orderKey.isEmpty()) {
        if (!m_order)
            m_order = &sharedOrder(m_orderKey, m_jobRanks);
        return nextInOrder(available);
    }
    if (m_jobRanks.isEmpty())
        return bestByAgentRank(available);
    if (!m_heapBuilt)
        buildHeap(available);
    // Availability only shrinks during a pass: an agent taken by another build is dropped.
    while (!m_heap.isEmpty()) {
        const int slot = m_heap.first().slot;
        if (available.contains(slot) && acceptable(slot))
            return slot;
        std::pop_heap(m_heap.begin(), m_heap.end(), &MatchCluster::isWorse);
        m_heap.removeLast();
    }
    return -1;
}

} // namespace Bridge
