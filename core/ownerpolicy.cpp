// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ownerpolicy.h"

#include "core/classadevaluator.h"
#include "core/classadparser.h"
#include "core/inifile.h"

namespace Core {

namespace {

ClassAdExpressionPtr literal(const ClassAdValue &value)
{
    auto expression = std::make_shared<ClassAdExpression>();
    expression->value = value;
    return expression;
}

ClassAdExpressionPtr conjunction(const ClassAdExpressionPtr &a, const ClassAdExpressionPtr &b)
{
    auto expression = std::make_shared<ClassAdExpression>();
    expression->kind = ClassAdExpression::Kind::Binary;
    expression->op = ClassAdOperator::And;
    expression->operands = {a, b};
    return expression;
}

} // namespace

OwnerAction OwnerPolicyDecision::runningAction() const
{
    if (kill == ClassAdTruth::True)
        return OwnerAction::Kill;
    if (preempt == ClassAdTruth::True)
        return OwnerAction::Preempt;
    if (suspend == ClassAdTruth::True)
        return OwnerAction::Suspend;
    return OwnerAction::Run;
}

bool OwnerPolicyDecision::operator==(const OwnerPolicyDecision &other) const
{
    return start == other.start && suspend == other.suspend && preempt == other.preempt
            && kill == other.kill;
}

OwnerPolicy::OwnerPolicy()
    : m_requirements(literal(ClassAdValue::boolean(true))),
      m_rank(literal(ClassAdValue::integer(0))),
      m_start(literal(ClassAdValue::boolean(true))),
      m_suspend(literal(ClassAdValue::boolean(false))),
      m_preempt(literal(ClassAdValue::boolean(false))),
      m_kill(literal(ClassAdValue::boolean(false)))
{ }

Result<OwnerPolicy> OwnerPolicy::fromIni(const IniFile &ini)
{
    OwnerPolicy policy;
    const struct
    {
        const char *option;
        ClassAdExpressionPtr *target;
    } options[] = {
            {"requirements", &policy.m_requirements},
            {"rank", &policy.m_rank},
            {"start", &policy.m_start},
            {"suspend", &policy.m_suspend},
            {"preempt", &policy.m_preempt},
            {"kill", &policy.m_kill},
    };
    for (const auto &option : options) {
        auto read = policy.read(ini, QLatin1String(option.option), option.target);
        if (!read)
            return read.error();
    }
    return policy;
}

Result<void> OwnerPolicy::read(const IniFile &ini, const QString &option,
                               ClassAdExpressionPtr *target)
{
    if (!ini.hasSection(sectionName()) || !ini.hasOption(sectionName(), option))
        return {};
    const auto text = ini.value(sectionName(), option);
    if (!text)
        return text.error();
    if (text.value().trimmed().isEmpty())
        return {};
    const auto expression = ClassAdParser::parse(text.value());
    if (!expression) {
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("The [bittern] option '%1' is not a valid ClassAd "
                                        "expression: %2")
                                 .arg(option, expression.error().message));
    }
    *target = expression.value();
    return {};
}

ClassAdTruth OwnerPolicy::truthOf(const ClassAdValue &value)
{
    if (value.isUndefined())
        return ClassAdTruth::Undefined;
    if (!value.isBooleanEquivalent())
        return ClassAdTruth::Error;
    return value.toBool() ? ClassAdTruth::True : ClassAdTruth::False;
}

ClassAdTruth OwnerPolicy::evaluateWith(const ClassAdExpressionPtr &expression,
                                       const ClassAd &machine, const ClassAd *job,
                                       qint64 currentTime)
{
    ClassAdEvaluator evaluator(&machine, job);
    evaluator.setCurrentTime(currentTime);
    return truthOf(evaluator.evaluate(*expression));
}

OwnerPolicyDecision OwnerPolicy::evaluate(const ClassAd &machine, const ClassAd *job,
                                          qint64 currentTime) const
{
    OwnerPolicyDecision decision;
    decision.start = evaluateWith(m_start, machine, job, currentTime);
    decision.suspend = evaluateWith(m_suspend, machine, job, currentTime);
    decision.preempt = evaluateWith(m_preempt, machine, job, currentTime);
    decision.kill = evaluateWith(m_kill, machine, job, currentTime);
    return decision;
}

ClassAdTruth OwnerPolicy::startWithoutJob(const ClassAd &machine, qint64 currentTime) const
{
    return evaluateWith(m_start, machine, nullptr, currentTime);
}

ClassAdExpressionPtr OwnerPolicy::advertisedRequirements(const ClassAd &machine,
                                                         qint64 currentTime) const
{
    switch (startWithoutJob(machine, currentTime)) {
    case ClassAdTruth::True:
        return m_requirements;
    case ClassAdTruth::Undefined:
        return conjunction(m_requirements, m_start);
    case ClassAdTruth::False:
    case ClassAdTruth::Error:
        break;
    }
    return literal(ClassAdValue::boolean(false));
}

} // namespace Core
