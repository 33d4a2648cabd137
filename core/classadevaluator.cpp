// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/classadevaluator.h"

#include <cmath>

#include <QDateTime>

#include "core/classadfunctions.h"

namespace Core {

namespace {

using Op = ClassAdOperator;
using Value = ClassAdValue;

/// A value reduced to the four states of the logical tables; strings and lists are ERROR.
enum class Truth {
    True,
    False,
    Undefined,
    Error,
};

Truth truthOf(const Value &value)
{
    if (value.isUndefined())
        return Truth::Undefined;
    if (!value.isBooleanEquivalent())
        return Truth::Error;
    return value.toBool() ? Truth::True : Truth::False;
}

Value fromTruth(Truth truth)
{
    switch (truth) {
    case Truth::True:
        return Value::boolean(true);
    case Truth::False:
        return Value::boolean(false);
    case Truth::Undefined:
        return Value::undefined();
    case Truth::Error:
        break;
    }
    return Value::error();
}

// Integer arithmetic wraps around like two's complement instead of overflowing.
qint64 wrap(quint64 value)
{
    return static_cast<qint64>(value);
}

Value integerArithmetic(Op op, qint64 a, qint64 b)
{
    const auto ua = static_cast<quint64>(a);
    const auto ub = static_cast<quint64>(b);
    switch (op) {
    case Op::Add:
        return Value::integer(wrap(ua + ub));
    case Op::Subtract:
        return Value::integer(wrap(ua - ub));
    case Op::Multiply:
        return Value::integer(wrap(ua * ub));
    case Op::Divide:
        if (b == 0)
            return Value::error();
        return Value::integer(b == -1 ? wrap(0 - ua) : a / b);
    case Op::Modulo:
        if (b == 0)
            return Value::error();
        return Value::integer(b == -1 ? 0 : a % b);
    default:
        return Value::error();
    }
}

Value realArithmetic(Op op, double a, double b)
{
    switch (op) {
    case Op::Add:
        return Value::real(a + b);
    case Op::Subtract:
        return Value::real(a - b);
    case Op::Multiply:
        return Value::real(a * b);
    case Op::Divide:
        return b == 0.0 ? Value::error() : Value::real(a / b);
    case Op::Modulo:
        return b == 0.0 ? Value::error() : Value::real(std::fmod(a, b));
    default:
        return Value::error();
    }
}

bool isNumeric(const Value &value)
{
    return value.isNumber() || value.type() == ClassAdType::Boolean;
}

// Strict in UNDEFINED and ERROR (ERROR wins); booleans count as 1 / 0.
Value arithmetic(Op op, const Value &a, const Value &b)
{
    if (a.isError() || b.isError())
        return Value::error();
    if (a.isUndefined() || b.isUndefined())
        return Value::undefined();
    if (!isNumeric(a) || !isNumeric(b))
        return Value::error();
    if (a.type() == ClassAdType::Real || b.type() == ClassAdType::Real)
        return realArithmetic(op, a.toReal(), b.toReal());
    return integerArithmetic(op, a.toInteger(), b.toInteger());
}

Value compareResult(Op op, int order)
{
    switch (op) {
    case Op::Less:
        return Value::boolean(order < 0);
    case Op::LessEqual:
        return Value::boolean(order <= 0);
    case Op::Greater:
        return Value::boolean(order > 0);
    case Op::GreaterEqual:
        return Value::boolean(order >= 0);
    case Op::Equal:
        return Value::boolean(order == 0);
    case Op::NotEqual:
        return Value::boolean(order != 0);
    default:
        return Value::error();
    }
}

// Strict in UNDEFINED and ERROR; strings only with strings, case-insensitively.
Value comparison(Op op, const Value &a, const Value &b)
{
    if (a.isError() || b.isError())
        return Value::error();
    if (a.isUndefined() || b.isUndefined())
        return Value::undefined();
    if (a.type() == ClassAdType::String && b.type() == ClassAdType::String) {
        const int order = a.toStringValue().compare(b.toStringValue(), Qt::CaseInsensitive);
        return compareResult(op, order);
    }
    if (!isNumeric(a) || !isNumeric(b))
        return Value::error();
    if (a.type() != ClassAdType::Real && b.type() != ClassAdType::Real) {
        const qint64 x = a.toInteger();
        const qint64 y = b.toInteger();
        return compareResult(op, x < y ? -1 : (x > y ? 1 : 0));
    }
    const double x = a.toReal();
    const double y = b.toReal();
    if (std::isnan(x) || std::isnan(y))
        return Value::boolean(op == Op::NotEqual);
    return compareResult(op, x < y ? -1 : (x > y ? 1 : 0));
}

} // namespace

ClassAdEvaluator::ClassAdEvaluator(const ClassAd *my, const ClassAd *target)
    : m_my(my), m_target(target), m_now(QDateTime::currentSecsSinceEpoch())
{ }

ClassAdValue ClassAdEvaluator::logicalAnd(const Value &a, const Value &b)
{
    const Truth x = truthOf(a);
    if (x == Truth::False || x == Truth::Error)
        return fromTruth(x);
    const Truth y = truthOf(b);
    if (y == Truth::Error || y == Truth::False)
        return fromTruth(y);
    return fromTruth(x == Truth::Undefined || y == Truth::Undefined ? Truth::Undefined
                                                                    : Truth::True);
}

ClassAdValue ClassAdEvaluator::logicalOr(const Value &a, const Value &b)
{
    const Truth x = truthOf(a);
    if (x == Truth::True || x == Truth::Error)
        return fromTruth(x);
    const Truth y = truthOf(b);
    if (y == Truth::Error || y == Truth::True)
        return fromTruth(y);
    return fromTruth(x == Truth::Undefined || y == Truth::Undefined ? Truth::Undefined
                                                                    : Truth::False);
}

ClassAdValue ClassAdEvaluator::unary(Op op, const Value &a)
{
    if (op == Op::Not) {
        const Truth x = truthOf(a);
        if (x == Truth::True || x == Truth::False)
            return Value::boolean(x == Truth::False);
        return fromTruth(x);
    }
    if (a.isExceptional())
        return a;
    if (!isNumeric(a))
        return Value::error();
    if (op == Op::Plus)
        return a.type() == ClassAdType::Real ? a : Value::integer(a.toInteger());
    if (a.type() == ClassAdType::Real)
        return Value::real(-a.toReal());
    return Value::integer(wrap(0 - static_cast<quint64>(a.toInteger())));
}

ClassAdValue ClassAdEvaluator::binary(Op op, const Value &a, const Value &b)
{
    switch (op) {
    case Op::Multiply:
    case Op::Divide:
    case Op::Modulo:
    case Op::Add:
    case Op::Subtract:
        return arithmetic(op, a, b);
    case Op::MetaEqual:
        return Value::boolean(a.isIdenticalTo(b));
    case Op::MetaNotEqual:
        return Value::boolean(!a.isIdenticalTo(b));
    case Op::And:
        return logicalAnd(a, b);
    case Op::Or:
        return logicalOr(a, b);
    case Op::Negate:
    case Op::Plus:
    case Op::Not:
        return Value::error();
    default:
        return comparison(op, a, b);
    }
}

ClassAdValue ClassAdEvaluator::evaluate(const ClassAdExpression &expression) const
{
    return eval(expression, Frame{m_my, m_target});
}

ClassAdValue ClassAdEvaluator::evaluateAttribute(const QString &name) const
{
    return evalBoundAttribute(m_my, name, Frame{m_my, m_target});
}

ClassAdValue ClassAdEvaluator::eval(const ClassAdExpression &expression, const Frame &frame) const
{
    using Kind = ClassAdExpression::Kind;
    switch (expression.kind) {
    case Kind::Literal:
        return expression.value;
    case Kind::Attribute:
        return evalAttribute(expression, frame);
    case Kind::Unary:
        return unary(expression.op, eval(*expression.operands.at(0), frame));
    case Kind::Binary:
        if (expression.op == Op::And || expression.op == Op::Or)
            return evalLogical(expression, frame);
        return binary(expression.op, eval(*expression.operands.at(0), frame),
                      eval(*expression.operands.at(1), frame));
    case Kind::Conditional:
        return evalConditional(expression, frame);
    case Kind::Elvis: {
        const Value first = eval(*expression.operands.at(0), frame);
        return first.isUndefined() ? eval(*expression.operands.at(1), frame) : first;
    }
    case Kind::Call:
        return ClassAdFunctions::call(
                expression.name, expression.operands,
                [&](const ClassAdExpression &argument) { return eval(argument, frame); }, m_now);
    case Kind::List:
        break;
    }
    QVector<Value> items;
    for (const auto &item : expression.operands)
        items.append(eval(*item, frame));
    return Value::list(items);
}

// Short-circuit: the right operand is evaluated only when the left one does not decide.
ClassAdValue ClassAdEvaluator::evalLogical(const ClassAdExpression &expression,
                                           const Frame &frame) const
{
    const Value left = eval(*expression.operands.at(0), frame);
    const Truth decided = expression.op == Op::And ? Truth::False : Truth::True;
    const Truth truth = truthOf(left);
    if (truth == decided || truth == Truth::Error)
        return fromTruth(truth);
    const Value right = eval(*expression.operands.at(1), frame);
    return expression.op == Op::And ? logicalAnd(left, right) : logicalOr(left, right);
}

ClassAdValue ClassAdEvaluator::evalConditional(const ClassAdExpression &expression,
                                               const Frame &frame) const
{
    const Truth truth = truthOf(eval(*expression.operands.at(0), frame));
    if (truth == Truth::True)
        return eval(*expression.operands.at(1), frame);
    if (truth == Truth::False)
        return eval(*expression.operands.at(2), frame);
    return fromTruth(truth);
}

ClassAdValue ClassAdEvaluator::evalAttribute(const ClassAdExpression &expression,
                                             const Frame &frame) const
{
    using Scope = ClassAdExpression::Scope;
    const Frame swapped{frame.target, frame.my};
    switch (expression.scope) {
    case Scope::My:
        return evalBoundAttribute(frame.my, expression.name, frame);
    case Scope::Target:
        return evalBoundAttribute(frame.target, expression.name, swapped);
    case Scope::None:
        break;
    }
    if (frame.my && frame.my->contains(expression.name))
        return evalBoundAttribute(frame.my, expression.name, frame);
    if (m_scoping == Scoping::OldStyle) {
        if (frame.target && frame.target->contains(expression.name))
            return evalBoundAttribute(frame.target, expression.name, swapped);
        if (expression.name.compare(QLatin1String("CurrentTime"), Qt::CaseInsensitive) == 0)
            return Value::integer(m_now);
    }
    return Value::undefined();
}

// Evaluates @p ad's attribute @p name in @p frame (whose MY is @p ad); a reference back to an
// attribute still being evaluated is a cycle and yields ERROR.
ClassAdValue ClassAdEvaluator::evalBoundAttribute(const ClassAd *ad, const QString &name,
                                                  const Frame &frame) const
{
    if (!ad)
        return Value::undefined();
    const ClassAdExpressionPtr expression = ad->lookup(name);
    if (!expression)
        return Value::undefined();
    const QPair<const ClassAd *, QString> key{ad, name.toLower()};
    if (m_active.contains(key) || m_active.size() >= maxReferenceDepth)
        return Value::error();
    m_active.append(key);
    const Value value = eval(*expression, frame);
    m_active.removeLast();
    return value;
}

bool ClassAdEvaluator::matches(const ClassAd &left, const ClassAd &right)
{
    const auto holds = [](const ClassAd &my, const ClassAd &target) {
        const Value value
                = ClassAdEvaluator(&my, &target).evaluateAttribute(QStringLiteral("Requirements"));
        return value.isBooleanEquivalent() && value.toBool();
    };
    return holds(right, left) && holds(left, right);
}

double ClassAdEvaluator::rank(const ClassAd &ad, const ClassAd &target)
{
    const Value value = ClassAdEvaluator(&ad, &target).evaluateAttribute(QStringLiteral("Rank"));
    return value.isBooleanEquivalent() ? value.toReal() : 0.0;
}

} // namespace Core
