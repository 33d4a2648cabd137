// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QMap>
#include <QSet>
#include <QString>
#include <QVector>

#include "bridge/matchmaker/agentindex.h"
#include "bridge/matchmaker/agentset.h"
#include "core/classad.h"
#include "core/enums.h"
#include "core/result.h"

namespace Bridge {

/**
 * The idle agents the matchmaker may give builds to, in name order (slot = position), with
 * their Requirements split into clauses and sorted by what they read: clauses on the agent
 * alone are evaluated once per agent; clauses on the build alone are shared by every agent
 * that has the same text and are evaluated once per build; the rest once per (agent, build).
 * Rank is sorted the same way. Also owns the AgentIndex used for the builds' clauses.
 */
class AgentPool
{
public:
    /// A clause or rank shared by agents with the same text: evaluated once per build.
    struct Shared
    {
        Core::ClassAdExpressionPtr expression;
        AgentSet members;
        QSet<QString> reads; ///< the build's attributes it reads (lower-case)
    };
    struct Agent
    {
        QString name;
        Core::ClassAd ad;
        QVector<Core::ClassAdExpressionPtr> localClauses; ///< read only the agent
        bool localUsesTime = false;
        bool localHolds = false; ///< all local clauses TRUE (when last evaluated)
        /// Clauses that read only the build, with their text as key.
        QVector<QPair<QString, Core::ClassAdExpressionPtr>> sharedClauses;
        QVector<Core::ClassAdExpressionPtr> pairClauses; ///< read the agent and the build
        enum class RankKind {
            Constant,
            Shared,
            PerPair,
        };
        RankKind rankKind = RankKind::Constant;
        double constantRank = 0;
        QString sharedRank; ///< key, for RankKind::Shared
        Core::ClassAdExpressionPtr rank;
    };

    void setCurrentTime(qint64 seconds) { m_now = seconds; }
    qint64 currentTime() const { return m_now; }

    /// Adds or replaces the agent named by the ad's Name attribute.
    Core::Result<void> update(const Core::ClassAd &ad);
    bool remove(const QString &name);
    int size() const { return m_agents.size(); }
    const Agent &agent(int slot) const { return m_agents.at(slot); }
    /// The slot of the agent called @p name, or -1.
    int slotOf(const QString &name) const;
    AgentIndex &index() { return m_index; }

    /// Brings derived data up to date; call before a pass or an event.
    void prepare();
    /// Agents whose own clauses hold (after prepare()).
    const AgentSet &willing() const { return m_willing; }
    const QHash<QString, Shared> &sharedClauses() const { return m_sharedClauses; }
    const QHash<QString, Shared> &sharedRanks() const { return m_sharedRanks; }
    const AgentSet &pairClauseAgents() const { return m_pairClauseAgents; }
    const AgentSet &pairRankAgents() const { return m_pairRankAgents; }
    /// All agents rank every build the same (Constant ranks, all equal).
    bool hasUniformRank() const { return m_uniformRank; }
    /// Agents with a constant Rank, by that rank.
    const QMap<double, AgentSet> &constantRankGroups() const { return m_constantRanks; }
    /// Agents whose Rank reads the build (shared or per pair).
    const AgentSet &variableRankAgents() const { return m_variableRanks; }

    /// Evaluation helpers with this pool's clock.
    Core::ClassAdTruth truth(const Core::ClassAdExpression &expression, const Core::ClassAd *my,
                             const Core::ClassAd *target) const;
    double rank(const Core::ClassAdExpression &expression, const Core::ClassAd *my,
                const Core::ClassAd *target) const;

    /// Splits @p ad's Requirements and Rank as described above.
    Agent analyse(const QString &name, const Core::ClassAd &ad) const;

private:
    void rebuild();
    void addToTables(int slot);
    Shared shared(const Core::ClassAdExpressionPtr &expression, const Core::ClassAd &ad) const;
    bool localHolds(const Agent &agent) const;

    QVector<Agent> m_agents;
    AgentIndex m_index;
    bool m_slotsChanged = false; ///< agents added or removed: rebuild the index
    bool m_tablesChanged = false; ///< any agent changed: rebuild the shared tables
    AgentSet m_willing;
    QHash<QString, Shared> m_sharedClauses;
    QHash<QString, Shared> m_sharedRanks;
    AgentSet m_pairClauseAgents;
    AgentSet m_pairRankAgents;
    bool m_uniformRank = true;
    QMap<double, AgentSet> m_constantRanks;
    AgentSet m_variableRanks;
    qint64 m_now = 0;
};

} // namespace Bridge
