// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace Jenkins {

/// One rule of a Bitten target platform: a slave property and a Python regular expression.
struct LabelRule
{
    QString property;
    QString pattern;
};

/// The label expression for a platform, and what it could not say.
struct LabelMapping
{
    QString expression; ///< empty when no rule could be expressed (any node)
    QVector<LabelRule> unexpressed; ///< rules the job must check on the node itself
    QStringList notes; ///< where the label is narrower than the rule (prefix matches)
};

/**
 * Maps the rules of a Bitten target platform to a Jenkins label expression, by the naming
 * convention of docs/TRANSLATION.md: a node that has property P with value V carries the label
 * `P-V`. A rule whose pattern is a literal, optionally anchored (`^linux$`), or a parenthesised
 * alternation of literals (`^(x86_64|amd64)$`) becomes atoms joined with `&&` / `||`; every
 * other rule (wildcards, classes, characters a label cannot hold) is returned as unexpressed.
 */
class LabelExpression
{
public:
    static LabelMapping fromRules(const QVector<LabelRule> &rules);
    /// The label atom for a property value, or an empty string when the text cannot be one.
    static QString atom(const QString &property, const QString &value);

private:
    static QStringList literalAlternatives(const QString &pattern, bool *anchoredAtEnd);
};

} // namespace Jenkins
