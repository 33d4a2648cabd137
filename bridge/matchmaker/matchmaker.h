// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QHash>
#include <QSet>
#include <QString>
#include <QVector>

#include "bridge/matchmaker/agentpool.h"
#include "core/classad.h"
#include "core/result.h"

namespace Bridge {

/// A build given to an agent, with the ranks that chose it.
struct Match
{
    qint64 buildId = 0;
    QString agent;
    double jobRank = 0;
    double agentRank = 0;
    bool operator==(const Match &other) const
    {
        return buildId == other.buildId && agent == other.agent && jobRank == other.jobRank
                && agentRank == other.agentRank;
    }
};

/**
 * Symmetric ClassAd matchmaking of queued builds (job ads, JobAd) and idle agents (machine
 * ads, MachineAd), condor-matchmaking §1.5 and §1.7: a build and an agent match when both
 * Requirements are TRUE; a build prefers agents by its Rank, then by the agent's Rank, then by
 * name; an agent prefers builds by its Rank, then by queue order. The queue order is Priority
 * (higher first), then RevTime (newest first, as Bitten), Config, Platform, BuildId.
 *
 * Pure: the caller feeds ads in (updateAgent/updateJob) and acts on the matches. Matching runs
 * on events — matchForAgent() when an agent polls, matchForBuild() when a build is queued — and
 * as a periodic full pass, matchAll(), which gives each agent at most one build. Builds with
 * the same significant attributes form one autocluster and are matched together.
 */
class Matchmaker
{
public:
    Matchmaker();

    /// Seconds since the epoch for time() and CurrentTime.
    void setCurrentTime(qint64 seconds) { m_pool.setCurrentTime(seconds); }

    /// Adds or replaces an idle agent, keyed by its Name attribute.
    Core::Result<void> updateAgent(const Core::ClassAd &machineAd);
    bool removeAgent(const QString &name);
    int agentCount() const { return m_pool.size(); }

    /// Adds or replaces a queued build, keyed by its BuildId attribute.
    Core::Result<void> updateJob(const Core::ClassAd &jobAd);
    bool removeJob(qint64 buildId);
    int jobCount() const { return m_jobs.size(); }

    /// The full pass: queued builds in queue order, each given its preferred agent among those
    /// still free; at most one build per agent. Changes nothing.
    QVector<Match> matchAll();
    /// The build an agent that polls now should get (the agent need not be registered).
    std::optional<Match> matchForAgent(const Core::ClassAd &machineAd);
    /// The registered idle agent a newly queued build should go to.
    std::optional<Match> matchForBuild(const Core::ClassAd &jobAd);

private:
    struct Job
    {
        qint64 id = 0;
        qint64 priority = 0;
        qint64 revisionTime = 0;
        QString config;
        QString platform;
        Core::ClassAd ad;
        QString signature;
        int signatureVersion = -1;
    };

    static bool isBefore(const Job *a, const Job *b);
    const QVector<Job *> &queue();
    const QString &signatureOf(Job *job);
    void noteAgentReferences(const Core::ClassAd &ad);

    AgentPool m_pool;
    QHash<qint64, Job> m_jobs;
    QVector<Job *> m_queue;
    bool m_queueValid = false;
    /// Lower-case job attributes some agent's Requirements or Rank reads.
    QSet<QString> m_agentReferences;
    int m_referencesVersion = 0;
};

} // namespace Bridge
