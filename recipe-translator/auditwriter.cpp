// SPDX-License-Identifier: GPL-3.0-or-later
#include "recipe-translator/auditwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include "recipe-translator/planner.h"

namespace Translator {

namespace {

/// Table-cell text: pipes, backslashes and newlines cannot end a cell or a row.
QString cell(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    out.replace(QLatin1Char('|'), QLatin1String("\\|"));
    out.replace(QLatin1Char('\r'), QLatin1Char(' '));
    out.replace(QLatin1Char('\n'), QLatin1String("<br>"));
    out.replace(QLatin1Char('<'), QLatin1String("&lt;"))
            .replace(QLatin1String("&lt;br>"), QLatin1String("<br>"));
    return out;
}

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject attributesObject(const QVector<Core::RecipeAttribute> &attributes)
{
    QJsonObject object;
    for (const Core::RecipeAttribute &attribute : attributes)
        object.insert(attribute.name, attribute.value);
    return object;
}

struct Counts
{
    int converted = 0;
    int partial = 0;
    int unsupported = 0;
    int native = 0;
    int agent = 0;
    int manual = 0;
};

Counts count(const QVector<ConfigurationPlan> &plans)
{
    Counts c;
    for (const ConfigurationPlan &plan : plans) {
        c.converted += plan.status == ConversionStatus::Converted;
        c.partial += plan.status == ConversionStatus::Partial;
        c.unsupported += plan.status == ConversionStatus::Unsupported;
        for (const StepPlan &step : plan.steps) {
            for (const CommandPlan &command : step.commands) {
                c.native += command.strategy == Strategy::Native;
                c.agent += command.strategy == Strategy::Agent;
                c.manual += command.strategy == Strategy::Manual;
            }
        }
    }
    return c;
}

/// "jenkins", "jenkins,buildbot"; "none" for an audit without --to.
QString targetNames(const AuditContext &context)
{
    if (context.targets.isEmpty())
        return enumName(Target::None);
    QStringList names;
    for (const Target target : context.targets)
        names += enumName(target);
    return names.join(QLatin1Char(','));
}

} // namespace

QJsonObject AuditWriter::configurationObject(const ConfigurationPlan &plan)
{
    QJsonArray platforms;
    for (const PlatformPlan &platform : plan.platforms) {
        QJsonArray checks;
        for (const PlatformRule &rule : platform.nodeChecks)
            checks.append(QJsonObject{{QStringLiteral("property"), rule.property},
                                      {QStringLiteral("pattern"), rule.pattern}});
        platforms.append(QJsonObject{{QStringLiteral("name"), platform.name},
                                     {QStringLiteral("label"), platform.labelExpression},
                                     {QStringLiteral("nodeChecks"), checks},
                                     {QStringLiteral("notes"), strings(platform.notes)}});
    }
    QJsonArray steps;
    QJsonArray manual;
    for (const StepPlan &step : plan.steps) {
        QJsonArray commands;
        for (const CommandPlan &command : step.commands) {
            const QString where = Planner::location(plan.source, command.position);
            commands.append(QJsonObject{{QStringLiteral("command"), command.qualifiedName},
                                        {QStringLiteral("generator"), command.generator},
                                        {QStringLiteral("location"), where},
                                        {QStringLiteral("strategy"), enumName(command.strategy)},
                                        {QStringLiteral("reason"), command.reason}});
            if (command.strategy == Strategy::Manual)
                manual.append(QJsonObject{
                        {QStringLiteral("step"), step.id},
                        {QStringLiteral("command"), command.qualifiedName},
                        {QStringLiteral("generator"), command.generator},
                        {QStringLiteral("location"), where},
                        {QStringLiteral("reason"), command.reason},
                        {QStringLiteral("attributes"), attributesObject(command.attributes)}});
        }
        steps.append(QJsonObject{
                {QStringLiteral("id"), step.id},
                {QStringLiteral("location"), Planner::location(plan.source, step.position)},
                {QStringLiteral("onerror"), Core::onErrorName(step.onError)},
                {QStringLiteral("strategy"), enumName(step.strategy)},
                {QStringLiteral("reason"), step.reason},
                {QStringLiteral("commands"), commands}});
    }
    return QJsonObject{{QStringLiteral("name"), plan.name},
                       {QStringLiteral("source"), plan.source},
                       {QStringLiteral("status"), enumName(plan.status)},
                       {QStringLiteral("problems"), strings(plan.problems)},
                       {QStringLiteral("platforms"), platforms},
                       {QStringLiteral("steps"), steps},
                       {QStringLiteral("manualTasks"), manual}};
}

QByteArray AuditWriter::json(const QVector<ConfigurationPlan> &plans, const AuditContext &context)
{
    const Counts c = count(plans);
    QJsonArray configurations;
    for (const ConfigurationPlan &plan : plans)
        configurations.append(configurationObject(plan));
    const QJsonObject root{
            {QStringLiteral("schema"), QStringLiteral("bittern.audit/1")},
            {QStringLiteral("target"), targetNames(context)},
            {QStringLiteral("strategy"), enumName(context.strategy)},
            {QStringLiteral("allowPartial"), context.partial == PartialPolicy::AllowPartial},
            {QStringLiteral("summary"),
             QJsonObject{{QStringLiteral("configurations"), plans.size()},
                         {QStringLiteral("converted"), c.converted},
                         {QStringLiteral("partial"), c.partial},
                         {QStringLiteral("unsupported"), c.unsupported},
                         {QStringLiteral("nativeCommands"), c.native},
                         {QStringLiteral("agentCommands"), c.agent},
                         {QStringLiteral("manualCommands"), c.manual}}},
            {QStringLiteral("configurations"), configurations}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString AuditWriter::markdownConfiguration(const ConfigurationPlan &plan)
{
    QString md = QStringLiteral("## %1 — %2\n\nSource: `%3`\n\n")
                         .arg(cell(plan.name), enumName(plan.status), cell(plan.source));
    for (const QString &problem : plan.problems)
        md += QLatin1String("- ") + cell(problem) + QLatin1Char('\n');
    md += QLatin1String(
            "\n| platform | Jenkins label | checked on the node | notes |\n|---|---|---|---|\n");
    for (const PlatformPlan &platform : plan.platforms) {
        QStringList checks;
        for (const PlatformRule &rule : platform.nodeChecks)
            checks += rule.property + QLatin1String(" ~ ") + rule.pattern;
        md += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                      .arg(cell(platform.name), cell(platform.labelExpression),
                           cell(checks.join(QLatin1String(", "))),
                           cell(platform.notes.join(QLatin1Char(' '))));
    }
    md += QLatin1String("\n| step | onerror | command | strategy | reason | location |\n"
                        "|---|---|---|---|---|---|\n");
    QString manual;
    for (const StepPlan &step : plan.steps) {
        md += QStringLiteral("| %1 | %2 | | **%3** | %4 | %5 |\n")
                      .arg(cell(step.id), Core::onErrorName(step.onError), enumName(step.strategy),
                           cell(step.reason), cell(Planner::location(plan.source, step.position)));
        for (const CommandPlan &command : step.commands) {
            const QString where = Planner::location(plan.source, command.position);
            md += QStringLiteral("| | | %1 | %2 | %3 | %4 |\n")
                          .arg(cell(command.qualifiedName), enumName(command.strategy),
                               cell(command.reason), cell(where));
            if (command.strategy != Strategy::Manual)
                continue;
            manual += QStringLiteral("- [ ] `%1` in step %2 (%3): %4\n")
                              .arg(cell(command.generator), cell(step.id), cell(where),
                                   cell(command.reason));
            for (const Core::RecipeAttribute &attribute : command.attributes)
                manual += QStringLiteral("  - %1 = `%2`\n")
                                  .arg(cell(attribute.name), cell(attribute.value));
        }
    }
    if (!manual.isEmpty())
        md += QLatin1String("\nManual tasks:\n\n") + manual;
    return md + QLatin1Char('\n');
}

QByteArray AuditWriter::markdown(const QVector<ConfigurationPlan> &plans,
                                 const AuditContext &context)
{
    const Counts c = count(plans);
    QString md = QStringLiteral("# Bittern translation audit\n\nTarget: %1 · strategy: %2%3\n\n")
                         .arg(targetNames(context), enumName(context.strategy),
                              context.partial == PartialPolicy::AllowPartial
                                      ? QStringLiteral(" · --allow-partial")
                                      : QString());
    md += QStringLiteral("| configurations | converted | partial | unsupported | native commands | "
                         "agent commands | manual commands |\n|---|---|---|---|---|---|---|\n"
                         "| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n\n")
                  .arg(plans.size())
                  .arg(c.converted)
                  .arg(c.partial)
                  .arg(c.unsupported)
                  .arg(c.native)
                  .arg(c.agent)
                  .arg(c.manual);
    for (const ConfigurationPlan &plan : plans)
        md += markdownConfiguration(plan);
    return md.toUtf8();
}

} // namespace Translator
