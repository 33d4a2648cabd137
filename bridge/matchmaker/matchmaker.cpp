// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/matchmaker/matchmaker.h"

#include <algorithm>
#include <memory>

#include <QDateTime>

#include "bridge/matchmaker/clauseanalysis.h"
#include "bridge/matchmaker/matchcluster.h"
#include "core/classadevaluator.h"

namespace Bridge {

using Core::ClassAd;
using Core::ClassAdTruth;
using Core::ClassAdValue;

namespace {

// Job attributes that identify a build rather than describe it: left out of the autocluster
// signature unless some expression reads them.
bool isIdentity(const QString &lowerName)
{
    return lowerName == QLatin1String("buildid") || lowerName == QLatin1String("revision")
            || lowerName == QLatin1String("revtime") || lowerName == QLatin1String("priority");
}

ClassAdValue attribute(const ClassAd &ad, const char *name)
{
    return Core::ClassAdEvaluator(&ad).evaluateAttribute(QLatin1String(name));
}

} // namespace

Matchmaker::Matchmaker()
{
    m_pool.setCurrentTime(QDateTime::currentSecsSinceEpoch());
}

Core::Result<void> Matchmaker::updateAgent(const ClassAd &machineAd)
{
    auto updated = m_pool.update(machineAd);
    if (updated)
        noteAgentReferences(machineAd);
    return updated;
}

bool Matchmaker::removeAgent(const QString &name)
{
    return m_pool.remove(name);
}

void Matchmaker::noteAgentReferences(const ClassAd &ad)
{
    for (const char *name : {"Requirements", "Rank"}) {
        const Core::ClassAdExpressionPtr expression = ad.lookup(QLatin1String(name));
        if (!expression)
            continue;
        const ClauseDependencies deps = ClauseAnalysis::dependencies(*expression, ad);
        for (const QString &target : deps.targetAttributes) {
            if (!m_agentReferences.contains(target)) {
                m_agentReferences.insert(target);
                ++m_referencesVersion;
            }
        }
    }
}

Core::Result<void> Matchmaker::updateJob(const ClassAd &jobAd)
{
    const ClassAdValue id = attribute(jobAd, "BuildId");
    if (id.type() != Core::ClassAdType::Integer) {
        return Core::makeError(Core::ErrorCode::InvalidInput,
                               QStringLiteral("The job ad has no integer BuildId attribute."));
    }
    Job job;
    job.id = id.toInteger();
    job.priority = attribute(jobAd, "Priority").isNumber()
            ? attribute(jobAd, "Priority").toInteger()
            : 0;
    job.revisionTime
            = attribute(jobAd, "RevTime").isNumber() ? attribute(jobAd, "RevTime").toInteger() : 0;
    job.config = attribute(jobAd, "Config").toStringValue();
    job.platform = attribute(jobAd, "Platform").toStringValue();
    job.ad = jobAd;
    m_jobs.insert(job.id, job);
    m_queueValid = false;
    return {};
}

bool Matchmaker::removeJob(qint64 buildId)
{
    m_queueValid = false;
    return m_jobs.remove(buildId) > 0;
}

bool Matchmaker::isBefore(const Job *a, const Job *b)
{
    if (a->priority != b->priority)
        return a->priority > b->priority;
    if (a->revisionTime != b->revisionTime)
        return a->revisionTime > b->revisionTime;
    if (a->config != b->config)
        return a->config < b->config;
    if (a->platform != b->platform)
        return a->platform < b->platform;
    return a->id < b->id;
}

const QVector<Matchmaker::Job *> &Matchmaker::queue()
{
    if (!m_queueValid) {
        m_queue.clear();
        m_queue.reserve(m_jobs.size());
        for (auto it = m_jobs.begin(); it != m_jobs.end(); ++it)
            m_queue.append(&it.value());
        std::sort(m_queue.begin(), m_queue.end(), &Matchmaker::isBefore);
        m_queueValid = true;
    }
    return m_queue;
}

// Builds with equal signatures match the same agents with the same ranks.
const QString &Matchmaker::signatureOf(Job *job)
{
    if (job->signatureVersion == m_referencesVersion)
        return job->signature;
    QSet<QString> ownReferences;
    for (const QString &name : job->ad.attributeNames()) {
        const auto names = job->ad.lookup(name)->referencedAttributes();
        for (const QString &referenced : names)
            ownReferences.insert(referenced);
    }
    QStringList parts;
    for (const QString &name : job->ad.attributeNames()) {
        const QString lower = name.toLower();
        if (isIdentity(lower) && !ownReferences.contains(lower)
            && !m_agentReferences.contains(lower))
            continue;
        parts.append(lower + QLatin1Char('=') + job->ad.lookup(name)->toString());
    }
    parts.sort();
    job->signature = parts.join(QLatin1Char('\n'));
    job->signatureVersion = m_referencesVersion;
    return job->signature;
}

QVector<Match> Matchmaker::matchAll()
{
    m_pool.prepare();
    QVector<Match> matches;
    MatchCluster::Cache cache;
    QHash<QString, std::shared_ptr<MatchCluster>> clusters;
    AgentSet available = m_pool.willing();
    for (Job *job : queue()) {
        if (available.isEmpty())
            break;
        std::shared_ptr<MatchCluster> &cluster = clusters[signatureOf(job)];
        if (!cluster)
            cluster = std::make_shared<MatchCluster>(&m_pool, job->ad, &cache);
        const int slot = cluster->best(available);
        if (slot < 0)
            continue;
        available.remove(slot);
        matches.append(Match{job->id, m_pool.agent(slot).name, cluster->jobRank(slot),
                             cluster->agentRank(slot)});
    }
    return matches;
}

std::optional<Match> Matchmaker::matchForBuild(const ClassAd &jobAd)
{
    m_pool.prepare();
    MatchCluster::Cache cache;
    MatchCluster cluster(&m_pool, jobAd, &cache);
    const int slot = cluster.bestOnce(m_pool.willing());
    if (slot < 0)
        return std::nullopt;
    return Match{attribute(jobAd, "BuildId").toInteger(), m_pool.agent(slot).name,
                 cluster.jobRank(slot), cluster.agentRank(slot)};
}

std::optional<Match> Matchmaker::matchForAgent(const ClassAd &machineAd)
{
    const AgentPool::Agent agent
            = m_pool.analyse(attribute(machineAd, "Name").toStringValue(), machineAd);
    if (!agent.localHolds)
        return std::nullopt;
    const auto requirements = QStringLiteral("Requirements");
    struct Seen
    {
        bool matches;
        double agentRank;
    };
    QHash<QString, Seen> seen;
    std::optional<Match> best;
    for (Job *job : queue()) {
        auto it = seen.find(signatureOf(job));
        if (it == seen.end()) {
            const auto jobRequirements = job->ad.lookup(requirements);
            const auto agentRequirements = machineAd.lookup(requirements);
            const bool matches = jobRequirements && agentRequirements
                    && m_pool.truth(*jobRequirements, &job->ad, &machineAd) == ClassAdTruth::True
                    && m_pool.truth(*agentRequirements, &machineAd, &job->ad) == ClassAdTruth::True;
            const double rank = agent.rank ? m_pool.rank(*agent.rank, &machineAd, &job->ad) : 0;
            it = seen.insert(job->signature, Seen{matches, rank});
        }
        if (!it->matches || (best && it->agentRank <= best->agentRank))
            continue;
        const auto jobRank = job->ad.lookup(QStringLiteral("Rank"));
        best = Match{job->id, agent.name,
                     jobRank ? m_pool.rank(*jobRank, &job->ad, &machineAd) : 0.0, it->agentRank};
    }
    return best;
}

} // namespace Bridge
