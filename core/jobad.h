// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVector>

#include "core/classad.h"
#include "core/enums.h"
#include "core/result.h"

namespace Core {

/// One rule of a Bitten target platform: a slave property and a Python regex (bitten-spec §7.1).
struct BittenRule
{
    QString property;
    QString pattern;
};

/// What a queued build's job ad is made of.
struct JobDescription
{
    qint64 buildId = 0;
    QString config;
    QString platform;
    QString revision;
    qint64 revisionTime = 0;
    int priority = 0; ///< higher first; Bitten has none (0)
    QString configRequirements; ///< ClassAd expression; empty = none
    QString configRank;
    QString platformRequirements;
    QString platformRank;
    QVector<BittenRule> rules; ///< the platform's Bitten rules, in order
};

/**
 * Builds a queued build's job ad (condor-matchmaking §1.5): MyType, BuildId, Config, Platform,
 * Revision, RevTime, Priority, Requirements = configuration requirements && platform
 * requirements && the platform's Bitten rules, and Rank = the sum of the configuration's and
 * the platform's rank.
 *
 * A Bitten rule (prop, pattern) becomes `regexp("^(?:pattern)", TARGET.prop, "i")` (no "i" for
 * Bitten 0.6), which matches exactly when Bitten's did (bitten-spec §7.3): the property must
 * exist and be a string; an empty value fails because a guard `TARGET.prop =!= ""` is added
 * when the pattern could match the empty string; a pattern that is not a valid regex on its
 * own stays unwrapped, so regexp() yields ERROR and the rule never matches.
 */
class JobAd
{
public:
    static Result<ClassAd> build(const JobDescription &job,
                                 BittenRuleCase ruleCase = BittenRuleCase::Insensitive);

    /// The requirements equivalent to @p rules, joined with `&&`; "true" for no rules.
    static QString requirementsFromRules(const QVector<BittenRule> &rules,
                                         BittenRuleCase ruleCase = BittenRuleCase::Insensitive);
    /// The expression for one rule.
    static QString ruleExpression(const BittenRule &rule,
                                  BittenRuleCase ruleCase = BittenRuleCase::Insensitive);

private:
    static Result<ClassAdExpressionPtr> combinedRequirements(const JobDescription &job,
                                                             BittenRuleCase ruleCase);
    static Result<ClassAdExpressionPtr> combinedRank(const JobDescription &job);
};

} // namespace Core
