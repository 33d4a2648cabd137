// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/matchmaker/explain.h"

#include <QStringList>

#include "bridge/matchmaker/clauseanalysis.h"
#include "core/classadevaluator.h"
#include "core/ownerpolicy.h"

namespace Bridge {

using Core::ClassAd;
using Core::ClassAdExpression;
using Core::ClassAdExpressionPtr;
using Core::ClassAdTruth;

namespace {

Core::ClassAdValue evaluate(const ClassAdExpression &expression, const ClassAd *my,
                            const ClassAd *target, qint64 now)
{
    Core::ClassAdEvaluator evaluator(my, target);
    evaluator.setCurrentTime(now);
    return evaluator.evaluate(expression);
}

ClassAdTruth truth(const ClassAdExpression &expression, const ClassAd *my, const ClassAd *target,
                   qint64 now)
{
    return Core::OwnerPolicy::truthOf(evaluate(expression, my, target, now));
}

double rank(const ClassAd &my, const ClassAd &target, qint64 now)
{
    const ClassAdExpressionPtr expression = my.lookup(QStringLiteral("Rank"));
    if (!expression)
        return 0;
    const Core::ClassAdValue value = evaluate(*expression, &my, &target, now);
    return value.isBooleanEquivalent() ? value.toReal() : 0.0;
}

QString truthName(ClassAdTruth value)
{
    switch (value) {
    case ClassAdTruth::True:
        return QStringLiteral("true");
    case ClassAdTruth::False:
        return QStringLiteral("false");
    case ClassAdTruth::Undefined:
        return QStringLiteral("undefined");
    case ClassAdTruth::Error:
        break;
    }
    return QStringLiteral("an error");
}

QString stringAttribute(const ClassAd &ad, const char *name)
{
    const ClassAdExpressionPtr expression = ad.lookup(QLatin1String(name));
    return expression ? evaluate(*expression, &ad, nullptr, 0).toStringValue() : QString();
}

// The attribute's name as the ad spells it.
QString spelled(const ClassAd &ad, const QString &lowerName)
{
    for (const QString &name : ad.attributeNames()) {
        if (name.toLower() == lowerName)
            return name;
    }
    return lowerName;
}

QString number(double value)
{
    return QString::number(value, 'g', 10);
}

} // namespace

QString Explain::valuesRead(const ClassAdExpression &clause, const ClassAd &my,
                            const ClassAd &target, qint64 currentTime)
{
    const ClauseDependencies deps = ClauseAnalysis::dependencies(clause, my);
    QStringList parts;
    for (const QString &name : clause.referencedAttributes()) {
        const bool inTarget = deps.targetAttributes.contains(name);
        const ClassAd &ad = inTarget ? target : my;
        Core::ClassAdEvaluator evaluator(&ad, inTarget ? &my : &target);
        evaluator.setCurrentTime(currentTime);
        const Core::ClassAdValue value = evaluator.evaluateAttribute(name);
        const QString prefix = inTarget ? QStringLiteral("TARGET.") : QStringLiteral("MY.");
        parts.append(prefix + spelled(ad, name) + QLatin1String(" = ") + value.toString());
    }
    return parts.join(QLatin1String(", "));
}

AgentReport Explain::analyseAgent(const ClassAd &job, const ClassAd &agent,
                                  const QVector<ClassAdExpressionPtr> &clauses,
                                  QVector<ClauseReport> *counts, qint64 currentTime)
{
    AgentReport report;
    report.agent = stringAttribute(agent, "Name");
    for (int i = 0; i < clauses.size(); ++i) {
        const ClassAdTruth value = truth(*clauses.at(i), &job, &agent, currentTime);
        if (value == ClassAdTruth::True) {
            ++(*counts)[i].satisfied;
        } else if (report.failedClause < 0) {
            report.failedClause = i;
            report.failedValue = value;
            report.values = valuesRead(*clauses.at(i), job, agent, currentTime);
        }
    }
    const ClassAdExpressionPtr own = agent.lookup(QStringLiteral("Requirements"));
    report.agentRequirements
            = own ? truth(*own, &agent, &job, currentTime) : ClassAdTruth::Undefined;
    for (const ClassAdExpressionPtr &clause : ClauseAnalysis::clauses(own)) {
        const ClassAdTruth value = truth(*clause, &agent, &job, currentTime);
        if (value != ClassAdTruth::True) {
            report.agentFailedClause = clause->toString();
            report.agentFailedValue = value;
            if (report.failedClause < 0)
                report.values = valuesRead(*clause, agent, job, currentTime);
            break;
        }
    }
    report.matches = report.failedClause < 0 && !clauses.isEmpty()
            && report.agentRequirements == ClassAdTruth::True;
    report.jobRank = rank(job, agent, currentTime);
    report.agentRank = rank(agent, job, currentTime);
    return report;
}

Explanation Explain::analyse(const ClassAd &job, const QVector<ClassAd> &agents, qint64 currentTime)
{
    Explanation result;
    const Core::ClassAdEvaluator evaluator(&job);
    result.build = QStringLiteral("Build %1 (configuration '%2', platform '%3')")
                           .arg(evaluator.evaluateAttribute(QStringLiteral("BuildId")).toString(),
                                stringAttribute(job, "Config"), stringAttribute(job, "Platform"));
    const auto clauses = ClauseAnalysis::clauses(job.lookup(QStringLiteral("Requirements")));
    for (const ClassAdExpressionPtr &clause : clauses)
        result.clauses.append(ClauseReport{clause->toString(), 0});
    for (const ClassAd &agent : agents) {
        AgentReport report = analyseAgent(job, agent, clauses, &result.clauses, currentTime);
        if (report.failedClause < 0 && !clauses.isEmpty())
            ++result.satisfyingAll;
        if (report.matches)
            ++result.matching;
        result.agents.append(report);
    }
    return result;
}

QString Explain::agentLine(const AgentReport &report, const Explanation &explanation)
{
    if (report.matches) {
        return QStringLiteral("matches (build rank %1, agent rank %2)")
                .arg(number(report.jobRank), number(report.agentRank));
    }
    QString line;
    if (report.failedClause >= 0) {
        line = QStringLiteral("build clause [%1] is %2")
                       .arg(report.failedClause + 1)
                       .arg(truthName(report.failedValue));
    } else if (explanation.clauses.isEmpty()) {
        line = QStringLiteral("the build has no Requirements");
    } else {
        line = QStringLiteral("build requirements hold");
    }
    if (report.agentRequirements != ClassAdTruth::True) {
        line += QStringLiteral("; agent requirements are %1")
                        .arg(truthName(report.agentRequirements));
        if (!report.agentFailedClause.isEmpty())
            line += QStringLiteral(" at %1").arg(report.agentFailedClause);
    } else {
        line += QStringLiteral("; agent requirements are true");
    }
    if (!report.values.isEmpty())
        line += QStringLiteral(" (%1)").arg(report.values);
    return line;
}

QString Explain::format(const Explanation &explanation)
{
    QString out = QStringLiteral("%1: %2 of %3 agents match.\n")
                          .arg(explanation.build)
                          .arg(explanation.matching)
                          .arg(explanation.agents.size());
    out += QLatin1String("\nBuild requirements, clause by clause (agents satisfying it):\n");
    for (int i = 0; i < explanation.clauses.size(); ++i) {
        out += QStringLiteral("  [%1] %2  %3\n")
                       .arg(i + 1)
                       .arg(explanation.clauses.at(i).satisfied, 5)
                       .arg(explanation.clauses.at(i).text);
    }
    out += QStringLiteral("  all %1  (every clause)\n").arg(explanation.satisfyingAll, 5);
    out += QLatin1String("\nAgents:\n");
    int width = 0;
    for (const AgentReport &report : explanation.agents)
        width = qMax(width, report.agent.size());
    for (const AgentReport &report : explanation.agents) {
        out += QLatin1String("  ") + report.agent.leftJustified(width) + QLatin1String("  ")
                + agentLine(report, explanation) + QLatin1Char('\n');
    }
    if (explanation.matching > 0) {
        out += QLatin1String("\nThe build can run; it is waiting for one of the matching agents "
                             "to become idle and poll.\n");
    }
    return out;
}

} // namespace Bridge
