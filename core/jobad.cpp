// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jobad.h"

#include <QRegularExpression>
#include <QStringList>

#include "core/classadparser.h"
#include "core/machinead.h"

namespace Core {

namespace {

QString quoted(const QString &text)
{
    return ClassAdValue::string(text).toString();
}

Result<void> checkExpression(const QString &text, const QString &what)
{
    const auto parsed = ClassAdParser::parse(text);
    if (!parsed) {
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("The %1 a valid ClassAd expression: %2")
                                 .arg(what, parsed.error().message));
    }
    return {};
}

// "requirements of … are not" / "rank of … is not".
QString verb(const char *field)
{
    return qstrcmp(field, "requirements") == 0 ? QStringLiteral("are not")
                                               : QStringLiteral("is not");
}

QString configWhat(const JobDescription &job, const char *field)
{
    return QStringLiteral("%1 of configuration '%2' %3")
            .arg(QLatin1String(field), job.config, verb(field));
}

QString platformWhat(const JobDescription &job, const char *field)
{
    return QStringLiteral("%1 of target platform '%2' of configuration '%3' %4")
            .arg(QLatin1String(field), job.platform, job.config, verb(field));
}

} // namespace

QString JobAd::ruleExpression(const BittenRule &rule, BittenRuleCase ruleCase)
{
    const QString target = QLatin1String("TARGET.") + MachineAd::attributeName(rule.property);
    const QString options
            = ruleCase == BittenRuleCase::Insensitive ? QStringLiteral(", \"i\"") : QString();
    const QRegularExpression::PatternOptions flags = ruleCase == BittenRuleCase::Insensitive
            ? QRegularExpression::CaseInsensitiveOption
            : QRegularExpression::NoPatternOption;
    // Invalid on its own: left unwrapped so that regexp() gives ERROR (Bitten: no match)
    // instead of "(?:" ")" turning a stray parenthesis into a valid pattern.
    if (!QRegularExpression(rule.pattern, flags).isValid())
        return QStringLiteral("regexp(%1, %2%3)").arg(quoted(rule.pattern), target, options);
    const QString anchored = QLatin1String("^(?:") + rule.pattern + QLatin1Char(')');
    const QString call = QStringLiteral("regexp(%1, %2%3)").arg(quoted(anchored), target, options);
    // Bitten skips empty values; only a pattern that matches "" needs the guard.
    if (QRegularExpression(anchored, flags).match(QString()).hasMatch())
        return target + QLatin1String(" =!= \"\" && ") + call;
    return call;
}

QString JobAd::requirementsFromRules(const QVector<BittenRule> &rules, BittenRuleCase ruleCase)
{
    if (rules.isEmpty())
        return QStringLiteral("true");
    QStringList parts;
    for (const BittenRule &rule : rules)
        parts.append(ruleExpression(rule, ruleCase));
    return parts.join(QLatin1String(" && "));
}

Result<ClassAdExpressionPtr> JobAd::combinedRequirements(const JobDescription &job,
                                                         BittenRuleCase ruleCase)
{
    QStringList parts;
    const struct
    {
        const QString &text;
        QString what;
    } given[] = {
            {job.configRequirements, configWhat(job, "requirements")},
            {job.platformRequirements, platformWhat(job, "requirements")},
    };
    for (const auto &part : given) {
        if (part.text.trimmed().isEmpty())
            continue;
        const auto checked = checkExpression(part.text, part.what);
        if (!checked)
            return checked.error();
        parts.append(QLatin1Char('(') + part.text.trimmed() + QLatin1Char(')'));
    }
    if (!job.rules.isEmpty() || parts.isEmpty())
        parts.append(requirementsFromRules(job.rules, ruleCase));
    return ClassAdParser::parse(parts.join(QLatin1String(" && ")));
}

Result<ClassAdExpressionPtr> JobAd::combinedRank(const JobDescription &job)
{
    QStringList parts;
    const struct
    {
        const QString &text;
        QString what;
    } given[] = {
            {job.configRank, configWhat(job, "rank")},
            {job.platformRank, platformWhat(job, "rank")},
    };
    for (const auto &part : given) {
        if (part.text.trimmed().isEmpty())
            continue;
        const auto checked = checkExpression(part.text, part.what);
        if (!checked)
            return checked.error();
        parts.append(QLatin1Char('(') + part.text.trimmed() + QLatin1Char(')'));
    }
    if (parts.isEmpty())
        return ClassAdExpressionPtr();
    return ClassAdParser::parse(parts.join(QLatin1String(" + ")));
}

Result<ClassAd> JobAd::build(const JobDescription &job, BittenRuleCase ruleCase)
{
    const auto requirements = combinedRequirements(job, ruleCase);
    if (!requirements)
        return requirements.error();
    const auto rank = combinedRank(job);
    if (!rank)
        return rank.error();
    ClassAd ad;
    ad.insertValue(QStringLiteral("MyType"), ClassAdValue::string(QStringLiteral("Job")));
    ad.insertValue(QStringLiteral("BuildId"), ClassAdValue::integer(job.buildId));
    ad.insertValue(QStringLiteral("Config"), ClassAdValue::string(job.config));
    ad.insertValue(QStringLiteral("Platform"), ClassAdValue::string(job.platform));
    ad.insertValue(QStringLiteral("Revision"), ClassAdValue::string(job.revision));
    ad.insertValue(QStringLiteral("RevTime"), ClassAdValue::integer(job.revisionTime));
    ad.insertValue(QStringLiteral("Priority"), ClassAdValue::integer(job.priority));
    ad.insert(QStringLiteral("Requirements"), requirements.value());
    if (rank.value())
        ad.insert(QStringLiteral("Rank"), rank.value());
    return ad;
}

} // namespace Core
