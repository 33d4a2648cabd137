// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPair>
#include <QString>
#include <QVector>

#include "core/classad.h"
#include "core/classadvalue.h"

namespace Core {

/**
 * Evaluates ClassAd expressions in the context of an ad (MY) and optionally a candidate ad
 * (TARGET), with the exact UNDEFINED / ERROR rules of condor-matchmaking §1.2-§1.6: strict
 * arithmetic and comparisons (strings compared case-insensitively), `=?=` / `=!=` that never
 * yield UNDEFINED or ERROR, the three-valued `&&` / `||` / `!` tables, lazy `?:` and Elvis,
 * cycles evaluating to ERROR, and the built-in functions of ClassAdFunctions.
 *
 * An attribute of TARGET is evaluated with the scopes swapped (its own ad is MY there).
 */
class ClassAdEvaluator
{
public:
    /// How an unscoped name is resolved.
    enum class Scoping {
        OldStyle, ///< MY, then TARGET, then CurrentTime (HTCondor's default)
        Strict, ///< MY only (STRICT_CLASSAD_EVALUATION)
    };

    explicit ClassAdEvaluator(const ClassAd *my = nullptr, const ClassAd *target = nullptr);

    void setScoping(Scoping scoping) { m_scoping = scoping; }
    /// Seconds since the epoch for time() and CurrentTime; the wall clock by default.
    void setCurrentTime(qint64 seconds) { m_now = seconds; }
    qint64 currentTime() const { return m_now; }

    ClassAdValue evaluate(const ClassAdExpression &expression) const;
    /// MY's attribute @p name; UNDEFINED when absent.
    ClassAdValue evaluateAttribute(const QString &name) const;

    /// Both ads' Requirements hold for each other (boolean-equivalent true), §1.5.
    static bool matches(const ClassAd &left, const ClassAd &right);
    /// @p ad's Rank against @p target as a real; non-numeric results count as 0.
    static double rank(const ClassAd &ad, const ClassAd &target);

    /// The three-valued operators, exposed for tests of the §1.4 tables.
    static ClassAdValue logicalAnd(const ClassAdValue &a, const ClassAdValue &b);
    static ClassAdValue logicalOr(const ClassAdValue &a, const ClassAdValue &b);
    static ClassAdValue binary(ClassAdOperator op, const ClassAdValue &a, const ClassAdValue &b);
    static ClassAdValue unary(ClassAdOperator op, const ClassAdValue &a);

    /// Deepest chain of attribute references followed before giving ERROR.
    static constexpr int maxReferenceDepth = 128;

private:
    struct Frame
    {
        const ClassAd *my;
        const ClassAd *target;
    };

    ClassAdValue eval(const ClassAdExpression &expression, const Frame &frame) const;
    ClassAdValue evalAttribute(const ClassAdExpression &expression, const Frame &frame) const;
    ClassAdValue evalBoundAttribute(const ClassAd *ad, const QString &name,
                                    const Frame &frame) const;
    ClassAdValue evalLogical(const ClassAdExpression &expression, const Frame &frame) const;
    ClassAdValue evalConditional(const ClassAdExpression &expression, const Frame &frame) const;

    const ClassAd *m_my;
    const ClassAd *m_target;
    Scoping m_scoping = Scoping::OldStyle;
    qint64 m_now;
    mutable QVector<QPair<const ClassAd *, QString>> m_active; ///< attributes being evaluated
};

} // namespace Core
