// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "core/classad.h"
#include "core/classadexpression.h"
#include "core/enums.h"
#include "core/result.h"

namespace Core {

class IniFile;

/// The four owner-policy expressions evaluated at one moment (condor-matchmaking §1.8).
struct OwnerPolicyDecision
{
    ClassAdTruth start = ClassAdTruth::True;
    ClassAdTruth suspend = ClassAdTruth::False;
    ClassAdTruth preempt = ClassAdTruth::False;
    ClassAdTruth kill = ClassAdTruth::False;

    /// What a running build should do: Kill over Preempt over Suspend; Run otherwise. Only a
    /// TRUE expression acts; UNDEFINED and ERROR never stop a build.
    OwnerAction runningAction() const;
    /// Whether the agent is willing to take a new build now (START is TRUE).
    bool isWillingToStart() const { return start == ClassAdTruth::True; }
    bool operator==(const OwnerPolicyDecision &other) const;
};

/**
 * An agent's matchmaking policy from the `[bittern]` section of its INI file: `requirements`
 * and `rank` for builds, and the owner policy `start`, `suspend`, `preempt` and `kill`
 * (condor-matchmaking §1.5, §1.8), each a ClassAd expression over the machine ad (MY) and a
 * build's job ad (TARGET). Missing options take the dedicated-node defaults: requirements and
 * start TRUE, rank 0, suspend/preempt/kill FALSE. Evaluation is pure; the agent re-evaluates
 * with a fresh machine ad on every poll.
 */
class OwnerPolicy
{
public:
    /// The INI section the policy is read from.
    static QString sectionName() { return QStringLiteral("bittern"); }

    /// Dedicated-node defaults.
    OwnerPolicy();
    /// Reads `[bittern]`; a missing section gives the defaults. An option that is not a valid
    /// expression is an InvalidInput error naming it.
    static Result<OwnerPolicy> fromIni(const IniFile &ini);

    const ClassAdExpressionPtr &requirements() const { return m_requirements; }
    const ClassAdExpressionPtr &rank() const { return m_rank; }
    const ClassAdExpressionPtr &start() const { return m_start; }
    const ClassAdExpressionPtr &suspend() const { return m_suspend; }
    const ClassAdExpressionPtr &preempt() const { return m_preempt; }
    const ClassAdExpressionPtr &kill() const { return m_kill; }

    /// Evaluates the four expressions with @p machine as MY and @p job (null: none) as TARGET.
    OwnerPolicyDecision evaluate(const ClassAd &machine, const ClassAd *job,
                                 qint64 currentTime) const;
    /// START on the machine ad alone: TRUE, FALSE, or UNDEFINED when it needs a build's ad.
    ClassAdTruth startWithoutJob(const ClassAd &machine, qint64 currentTime) const;
    /// The Requirements the machine advertises (§1.5): `requirements` when START holds on its
    /// own, FALSE when START is FALSE or ERROR, `(requirements) && (start)` when START needs
    /// the build's attributes.
    ClassAdExpressionPtr advertisedRequirements(const ClassAd &machine, qint64 currentTime) const;

    /// The value reduced to a condition's four states.
    static ClassAdTruth truthOf(const ClassAdValue &value);

private:
    Result<void> read(const IniFile &ini, const QString &option, ClassAdExpressionPtr *target);
    static ClassAdTruth evaluateWith(const ClassAdExpressionPtr &expression, const ClassAd &machine,
                                     const ClassAd *job, qint64 currentTime);

    ClassAdExpressionPtr m_requirements;
    ClassAdExpressionPtr m_rank;
    ClassAdExpressionPtr m_start;
    ClassAdExpressionPtr m_suspend;
    ClassAdExpressionPtr m_preempt;
    ClassAdExpressionPtr m_kill;
};

} // namespace Core
