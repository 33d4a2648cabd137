// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/matchmaker/agentpool.h"

#include <algorithm>

#include "bridge/matchmaker/clauseanalysis.h"
#include "core/classadevaluator.h"
#include "core/ownerpolicy.h"

namespace Bridge {

using Core::ClassAd;
using Core::ClassAdExpression;
using Core::ClassAdExpressionPtr;

Core::ClassAdTruth AgentPool::truth(const ClassAdExpression &expression, const ClassAd *my,
                                    const ClassAd *target) const
{
    Core::ClassAdEvaluator evaluator(my, target);
    evaluator.setCurrentTime(m_now);
    return Core::OwnerPolicy::truthOf(evaluator.evaluate(expression));
}

double AgentPool::rank(const ClassAdExpression &expression, const ClassAd *my,
                       const ClassAd *target) const
{
    Core::ClassAdEvaluator evaluator(my, target);
    evaluator.setCurrentTime(m_now);
    const Core::ClassAdValue value = evaluator.evaluate(expression);
    return value.isBooleanEquivalent() ? value.toReal() : 0.0;
}

AgentPool::Agent AgentPool::analyse(const QString &name, const ClassAd &ad) const
{
    Agent agent;
    agent.name = name;
    agent.ad = ad;
    const ClassAdExpressionPtr requirements = ad.lookup(QStringLiteral("Requirements"));
    if (!requirements) {
        // A missing Requirements is UNDEFINED: the agent matches nothing (§1.5).
        agent.localClauses.append(requirements);
    }
    for (const ClassAdExpressionPtr &clause : ClauseAnalysis::clauses(requirements)) {
        const ClauseDependencies deps = ClauseAnalysis::dependencies(*clause, ad);
        if (deps.targetAttributes.isEmpty()) {
            agent.localClauses.append(clause);
            agent.localUsesTime = agent.localUsesTime || deps.usesTime;
        } else if (!deps.usesMy) {
            agent.sharedClauses.append({clause->toString(), clause});
        } else {
            agent.pairClauses.append(clause);
        }
    }
    agent.rank = ad.lookup(QStringLiteral("Rank"));
    if (agent.rank) {
        const ClauseDependencies deps = ClauseAnalysis::dependencies(*agent.rank, ad);
        if (deps.targetAttributes.isEmpty())
            agent.constantRank = rank(*agent.rank, &ad, nullptr);
        else if (!deps.usesMy)
            agent.rankKind = Agent::RankKind::Shared;
        else
            agent.rankKind = Agent::RankKind::PerPair;
        agent.sharedRank = agent.rank->toString();
    }
    agent.localHolds = localHolds(agent);
    return agent;
}

bool AgentPool::localHolds(const Agent &agent) const
{
    for (const ClassAdExpressionPtr &clause : agent.localClauses) {
        if (!clause || truth(*clause, &agent.ad, nullptr) != Core::ClassAdTruth::True)
            return false;
    }
    return true;
}

Core::Result<void> AgentPool::update(const ClassAd &ad)
{
    const Core::ClassAdValue name
            = Core::ClassAdEvaluator(&ad).evaluateAttribute(QStringLiteral("Name"));
    if (name.type() != Core::ClassAdType::String || name.toStringValue().isEmpty()) {
        return Core::makeError(Core::ErrorCode::InvalidInput,
                               QStringLiteral("The machine ad has no Name string attribute."));
    }
    Agent agent = analyse(name.toStringValue(), ad);
    m_tablesChanged = true;
    const int slot = slotOf(agent.name);
    if (slot >= 0) {
        m_agents[slot] = agent;
        if (!m_slotsChanged)
            m_index.update(slot, ad);
        return {};
    }
    const auto at = std::lower_bound(m_agents.begin(), m_agents.end(), agent.name,
                                     [](const Agent &a, const QString &n) { return a.name < n; });
    m_agents.insert(at, agent);
    m_slotsChanged = true;
    return {};
}

int AgentPool::slotOf(const QString &name) const
{
    const auto at = std::lower_bound(m_agents.cbegin(), m_agents.cend(), name,
                                     [](const Agent &a, const QString &n) { return a.name < n; });
    return at != m_agents.cend() && at->name == name ? int(at - m_agents.cbegin()) : -1;
}

bool AgentPool::remove(const QString &name)
{
    const int slot = slotOf(name);
    if (slot < 0)
        return false;
    m_agents.remove(slot);
    m_slotsChanged = true;
    m_tablesChanged = true;
    return true;
}

void AgentPool::rebuild()
{
    QVector<ClassAd> ads;
    ads.reserve(m_agents.size());
    for (const Agent &agent : qAsConst(m_agents))
        ads.append(agent.ad);
    m_index.reset(ads);
    m_slotsChanged = false;
}

void AgentPool::prepare()
{
    if (m_slotsChanged)
        rebuild();
    const int n = m_agents.size();
    const bool tables = m_tablesChanged;
    if (tables) {
        m_sharedClauses.clear();
        m_sharedRanks.clear();
        m_pairClauseAgents = AgentSet(n);
        m_pairRankAgents = AgentSet(n);
        m_uniformRank = true;
        m_constantRanks.clear();
        m_variableRanks = AgentSet(n);
    }
    m_willing = AgentSet(n);
    for (int slot = 0; slot < n; ++slot) {
        Agent &agent = m_agents[slot];
        if (agent.localUsesTime)
            agent.localHolds = localHolds(agent);
        if (agent.localHolds)
            m_willing.insert(slot);
        if (tables)
            addToTables(slot);
    }
    m_tablesChanged = false;
}

AgentPool::Shared AgentPool::shared(const ClassAdExpressionPtr &expression, const ClassAd &ad) const
{
    const ClauseDependencies deps = ClauseAnalysis::dependencies(*expression, ad);
    return Shared{expression, AgentSet(m_agents.size()), deps.targetAttributes};
}

void AgentPool::addToTables(int slot)
{
    const Agent &agent = m_agents.at(slot);
    for (const auto &clause : agent.sharedClauses) {
        auto it = m_sharedClauses.find(clause.first);
        if (it == m_sharedClauses.end())
            it = m_sharedClauses.insert(clause.first, shared(clause.second, agent.ad));
        it->members.insert(slot);
    }
    if (!agent.pairClauses.isEmpty())
        m_pairClauseAgents.insert(slot);
    if (agent.rankKind == Agent::RankKind::Shared) {
        auto it = m_sharedRanks.find(agent.sharedRank);
        if (it == m_sharedRanks.end())
            it = m_sharedRanks.insert(agent.sharedRank, shared(agent.rank, agent.ad));
        it->members.insert(slot);
    } else if (agent.rankKind == Agent::RankKind::PerPair) {
        m_pairRankAgents.insert(slot);
    }
    if (agent.rankKind == Agent::RankKind::Constant) {
        auto group = m_constantRanks.find(agent.constantRank);
        if (group == m_constantRanks.end())
            group = m_constantRanks.insert(agent.constantRank, AgentSet(m_agents.size()));
        group->insert(slot);
    } else {
        m_variableRanks.insert(slot);
    }
    if (agent.rankKind != Agent::RankKind::Constant
        || agent.constantRank != m_agents.at(0).constantRank)
        m_uniformRank = false;
}

} // namespace Bridge
