// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/matchmaker/clauseanalysis.h"

namespace Bridge {

using Core::ClassAdExpression;
using Core::ClassAdExpressionPtr;

QVector<ClassAdExpressionPtr> ClauseAnalysis::clauses(const ClassAdExpressionPtr &expression)
{
    if (!expression)
        return {};
    if (expression->kind != ClassAdExpression::Kind::Binary
        || expression->op != Core::ClassAdOperator::And)
        return {expression};
    QVector<ClassAdExpressionPtr> result = clauses(expression->operands.at(0));
    result += clauses(expression->operands.at(1));
    return result;
}

ClauseDependencies ClauseAnalysis::dependencies(const ClassAdExpression &expression,
                                                const Core::ClassAd &my)
{
    ClauseDependencies out;
    QSet<QString> visiting;
    collect(expression, my, &visiting, &out);
    return out;
}

void ClauseAnalysis::collectMy(const QString &name, const Core::ClassAd &my,
                               QSet<QString> *visiting, ClauseDependencies *out)
{
    out->usesMy = true;
    const QString key = name.toLower();
    const ClassAdExpressionPtr bound = my.lookup(name);
    if (!bound || visiting->contains(key))
        return;
    visiting->insert(key);
    collect(*bound, my, visiting, out);
    visiting->remove(key);
}

void ClauseAnalysis::collect(const ClassAdExpression &expression, const Core::ClassAd &my,
                             QSet<QString> *visiting, ClauseDependencies *out)
{
    using Kind = ClassAdExpression::Kind;
    using Scope = ClassAdExpression::Scope;
    if (expression.kind == Kind::Attribute) {
        if (expression.scope == Scope::Target) {
            out->targetAttributes.insert(expression.name.toLower());
        } else if (expression.scope == Scope::My || my.contains(expression.name)) {
            collectMy(expression.name, my, visiting, out);
        } else {
            out->targetAttributes.insert(expression.name.toLower());
            if (expression.name.compare(QLatin1String("CurrentTime"), Qt::CaseInsensitive) == 0)
                out->usesTime = true;
        }
        return;
    }
    if (expression.kind == Kind::Call
        && expression.name.compare(QLatin1String("time"), Qt::CaseInsensitive) == 0)
        out->usesTime = true;
    for (const ClassAdExpressionPtr &operand : expression.operands)
        collect(*operand, my, visiting, out);
}

} // namespace Bridge
