// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/classadexpression.h"

#include <QStringList>

namespace Core {

namespace {

QString operatorText(ClassAdOperator op)
{
    switch (op) {
    case ClassAdOperator::Negate:
    case ClassAdOperator::Subtract:
        return QStringLiteral("-");
    case ClassAdOperator::Plus:
    case ClassAdOperator::Add:
        return QStringLiteral("+");
    case ClassAdOperator::Not:
        return QStringLiteral("!");
    case ClassAdOperator::Multiply:
        return QStringLiteral("*");
    case ClassAdOperator::Divide:
        return QStringLiteral("/");
    case ClassAdOperator::Modulo:
        return QStringLiteral("%");
    case ClassAdOperator::Less:
        return QStringLiteral("<");
    case ClassAdOperator::LessEqual:
        return QStringLiteral("<=");
    case ClassAdOperator::GreaterEqual:
        return QStringLiteral(">=");
    case ClassAdOperator::Greater:
        return QStringLiteral(">");
    case ClassAdOperator::Equal:
        return QStringLiteral("==");
    case ClassAdOperator::NotEqual:
        return QStringLiteral("!=");
    case ClassAdOperator::MetaEqual:
        return QStringLiteral("=?=");
    case ClassAdOperator::MetaNotEqual:
        return QStringLiteral("=!=");
    case ClassAdOperator::And:
        return QStringLiteral("&&");
    case ClassAdOperator::Or:
        return QStringLiteral("||");
    }
    return QString();
}

QString joined(const QVector<ClassAdExpressionPtr> &operands)
{
    QStringList parts;
    for (const auto &operand : operands)
        parts.append(operand->toString());
    return parts.join(QLatin1String(", "));
}

void collectReferences(const ClassAdExpression &expression, QStringList *names)
{
    if (expression.kind == ClassAdExpression::Kind::Attribute)
        names->append(expression.name.toLower());
    for (const auto &operand : expression.operands)
        collectReferences(*operand, names);
}

} // namespace

QString ClassAdExpression::toString() const
{
    switch (kind) {
    case Kind::Literal:
        return value.toString();
    case Kind::Attribute:
        return scope == Scope::My        ? QLatin1String("MY.") + name
                : scope == Scope::Target ? QLatin1String("TARGET.") + name
                                         : name;
    case Kind::Unary:
        return operatorText(op) + operands.at(0)->toString();
    case Kind::Binary:
        return QLatin1Char('(') + operands.at(0)->toString() + QLatin1Char(' ') + operatorText(op)
                + QLatin1Char(' ') + operands.at(1)->toString() + QLatin1Char(')');
    case Kind::Conditional:
        return QLatin1Char('(') + operands.at(0)->toString() + QLatin1String(" ? ")
                + operands.at(1)->toString() + QLatin1String(" : ") + operands.at(2)->toString()
                + QLatin1Char(')');
    case Kind::Elvis:
        return QLatin1Char('(') + operands.at(0)->toString() + QLatin1String(" ?: ")
                + operands.at(1)->toString() + QLatin1Char(')');
    case Kind::Call:
        return name + QLatin1Char('(') + joined(operands) + QLatin1Char(')');
    case Kind::List:
        break;
    }
    return operands.isEmpty() ? QStringLiteral("{ }")
                              : QLatin1String("{ ") + joined(operands) + QLatin1String(" }");
}

QStringList ClassAdExpression::referencedAttributes() const
{
    QStringList names;
    collectReferences(*this, &names);
    names.sort();
    names.removeDuplicates();
    return names;
}

} // namespace Core
