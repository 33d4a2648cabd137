// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVector>

#include "core/classad.h"
#include "core/enums.h"

namespace Bridge {

/// One clause of a build's Requirements and how many agents satisfy it.
struct ClauseReport
{
    QString text;
    int satisfied = 0;
};

/// Why one agent does or does not match the build.
struct AgentReport
{
    QString agent;
    bool matches = false;
    int failedClause = -1; ///< index into Explanation::clauses of the first build clause not TRUE
    Core::ClassAdTruth failedValue = Core::ClassAdTruth::True;
    Core::ClassAdTruth agentRequirements = Core::ClassAdTruth::True;
    QString agentFailedClause; ///< the agent's first clause not TRUE
    Core::ClassAdTruth agentFailedValue = Core::ClassAdTruth::True;
    QString values; ///< `name = value` of what the failing clause read
    double jobRank = 0;
    double agentRank = 0;
};

/// The analysis of one build against a set of agents.
struct Explanation
{
    QString build; ///< "Build 42 (configuration 'trunk', platform 'linux')"
    QVector<ClauseReport> clauses;
    int satisfyingAll = 0; ///< agents for which every build clause holds
    QVector<AgentReport> agents;
    int matching = 0;
};

/**
 * `bittern why BUILD` (condor_q -better-analyze in spirit): evaluates a build's job ad against
 * every agent's machine ad, clause by clause (the top-level `&&` operands of Requirements,
 * ClauseAnalysis), counting the agents that satisfy each clause; then, agent by agent, names
 * the first clause that is not TRUE with the values it read, and the agent's own Requirements
 * result. Pure: plain evaluation, no matchmaker index.
 */
class Explain
{
public:
    static Explanation analyse(const Core::ClassAd &job, const QVector<Core::ClassAd> &agents,
                               qint64 currentTime);
    static QString format(const Explanation &explanation);

private:
    static AgentReport analyseAgent(const Core::ClassAd &job, const Core::ClassAd &agent,
                                    const QVector<Core::ClassAdExpressionPtr> &clauses,
                                    QVector<ClauseReport> *counts, qint64 currentTime);
    static QString valuesRead(const Core::ClassAdExpression &clause, const Core::ClassAd &my,
                              const Core::ClassAd &target, qint64 currentTime);
    static QString agentLine(const AgentReport &report, const Explanation &explanation);
};

} // namespace Bridge
