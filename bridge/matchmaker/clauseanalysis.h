// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QString>
#include <QVector>

#include "core/classad.h"
#include "core/classadexpression.h"

namespace Bridge {

/// What a clause reads when evaluated with a given ad as MY.
struct ClauseDependencies
{
    QSet<QString> targetAttributes; ///< lower-case names looked up in TARGET
    bool usesMy = false; ///< reads an attribute of MY
    bool usesTime = false; ///< calls time() or reads CurrentTime
};

/**
 * Splits a Requirements expression into its top-level `&&` clauses and finds what each clause
 * depends on. A conjunction is TRUE exactly when every clause is (condor-matchmaking §1.4), so
 * the matchmaker can evaluate clauses separately, group agents by the values a clause reads,
 * and share results between builds whose clause does not read the build's own ad.
 */
class ClauseAnalysis
{
public:
    /// The operands of the top-level `&&` chain, left to right; the expression itself if it is
    /// no conjunction.
    static QVector<Core::ClassAdExpressionPtr>
    clauses(const Core::ClassAdExpressionPtr &expression);
    /// The dependencies of @p expression evaluated with @p my as MY (old-style scoping: an
    /// unscoped name missing from MY is looked up in TARGET). MY's attributes are followed.
    static ClauseDependencies dependencies(const Core::ClassAdExpression &expression,
                                           const Core::ClassAd &my);

private:
    static void collect(const Core::ClassAdExpression &expression, const Core::ClassAd &my,
                        QSet<QString> *visiting, ClauseDependencies *out);
    static void collectMy(const QString &name, const Core::ClassAd &my, QSet<QString> *visiting,
                          ClauseDependencies *out);
};

} // namespace Bridge
