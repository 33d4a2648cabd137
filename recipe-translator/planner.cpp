// SPDX-License-Identifier: GPL-3.0-or-later
#include "recipe-translator/planner.h"

#include <QHash>

#include "core/commandcatalog.h"
#include "integrations/jenkins/labelexpression.h"
#include "recipe-translator/shellword.h"
#include "recipe-translator/strategytable.h"

namespace Translator {

namespace {

/// Checks the node against rules no label expresses, like Bitten's master does (re.match,
/// case-insensitive as in 0.6.1), and fails with the reason.
const char nodeCheckProgram[] = R"PY(import os, platform, re, sys
props = {"os": platform.system(), "family": os.name, "version": platform.release(),
         "machine": platform.machine(), "processor": platform.processor()}
args = sys.argv[1:]
for name, pattern in zip(args[0::2], args[1::2]):
    value = props.get(name, "")
    try:
        ok = bool(value) and re.match(pattern, value, re.I) is not None
    except re.error:
        ok = False
    if not ok:
        sys.exit("This node does not belong to Bitten target platform %s: its property %s is %r, "
                 "which does not match %r." % (os.environ.get("BITTEN_PLATFORM", ""), name,
                                               value, pattern))
)PY";

QString unsupportedArgument(const Core::RecipeCommand &command)
{
    const Core::CommandSpec &spec = Core::CommandCatalog::spec(command.id);
    for (const Core::RecipeAttribute &attribute : command.attributes) {
        if (!spec.attribute(Core::CommandCatalog::parameterName(attribute.name)))
            return QStringLiteral("attribute %1 is not a parameter of %2: Bitten records "
                                  "\"Unsupported argument\", which the agent reproduces")
                    .arg(attribute.name, command.qualifiedName());
    }
    for (const Core::AttributeSpec &attribute : spec.attributes) {
        if (attribute.use == Core::AttributeUse::Required && !command.hasAttribute(attribute.name))
            return QStringLiteral("required attribute %1 is missing: Bitten fails the step "
                                  "without a message, which the agent reproduces")
                    .arg(attribute.name);
    }
    bool any = spec.requireOneOf.isEmpty();
    for (const QString &name : spec.requireOneOf)
        any = any || command.hasAttribute(name);
    if (!any)
        return QStringLiteral("none of %1 is given: Bitten fails the step without a message, "
                              "which the agent reproduces")
                .arg(spec.requireOneOf.join(QLatin1Char('/')));
    return QString();
}

/// The 0.6 command a pre-0.5 (bitten:bitten.build.*tools) command element stands for.
const Core::CommandSpec *preFiveSpec(const Core::RecipeCommand &command)
{
    if (command.family != Core::NamespaceFamily::PreFive)
        return nullptr;
    const QString prefix = Core::CommandCatalog::namespaceName(command.namespaceUri);
    return Core::CommandCatalog::find(Core::CommandCatalog::currentUri(prefix), command.localName);
}

QHash<QString, QString> rootVariables(const Core::Recipe &recipe)
{
    QHash<QString, QString> variables;
    for (const Core::RecipeAttribute &attribute : recipe.variables)
        variables.insert(attribute.name, attribute.value);
    return variables;
}

} // namespace

QString Planner::location(const QString &source, const Core::SourcePosition &position)
{
    return QStringLiteral("%1:%2:%3").arg(source).arg(position.line).arg(position.column);
}

CommandPlan Planner::planCommand(const Core::RecipeCommand &command,
                                 const NativeCommand &native) const
{
    CommandPlan plan{command.qualifiedName(),
                     command.generator(),
                     command.id,
                     command.family,
                     Strategy::Agent,
                     QString(),
                     QString(),
                     StrategyTable::reports(command),
                     command.position,
                     command.attributes};
    const QString manual = StrategyTable::manualReason(command);
    if (!manual.isEmpty()) {
        plan.strategy = Strategy::Manual;
        plan.reason = manual;
        return plan;
    }
    if (command.id == Core::CommandId::Unknown) {
        plan.strategy
                = m_options.strategy == StrategyChoice::Agent ? Strategy::Agent : Strategy::Native;
        plan.reason = QStringLiteral("not a Bitten command: the step fails with Bitten's "
                                     "\"Unknown recipe command\" error");
        plan.script = QLatin1String("( echo ")
                + ShellWord::quote(QLatin1String("Unknown recipe command <")
                                   + command.qualifiedName() + QLatin1Char('>'))
                + QLatin1String(" >&2; exit 1 )");
        return plan;
    }
    const QString invalid = unsupportedArgument(command);
    if (!invalid.isEmpty()) {
        plan.reason = invalid;
        return plan;
    }
    if (m_options.strategy == StrategyChoice::Agent) {
        plan.reason = QStringLiteral("--strategy agent");
        return plan;
    }
    const Core::Result<NativeForm> form = native.translate(command);
    if (!form) {
        plan.reason = form.error().message;
        return plan;
    }
    if (!form.value().exact && m_options.strategy != StrategyChoice::Native) {
        plan.reason = StrategyTable::agentReason(command.id);
        return plan;
    }
    plan.strategy = Strategy::Native;
    plan.script = form.value().script;
    plan.reason = form.value().exact ? QStringLiteral("exact") : QStringLiteral("approximate");
    if (!form.value().note.isEmpty())
        plan.reason += QLatin1String(": ") + form.value().note;
    return plan;
}

CommandPlan Planner::planModernised(const Core::RecipeCommand &command,
                                    const NativeCommand &native) const
{
    Core::RecipeCommand modern = command;
    if (command.family == Core::NamespaceFamily::PreFive
        && command.id == Core::CommandId::Unknown) {
        if (const Core::CommandSpec *spec = preFiveSpec(command))
            modern.id = spec->id;
    }
    CommandPlan plan = planCommand(modern, native);
    if (command.family == Core::NamespaceFamily::PreFive && plan.strategy != Strategy::Manual)
        plan.reason = QStringLiteral("pre-0.5 namespace %1, run as its 0.6 command (Bitten 0.6 "
                                     "would not run it); ")
                              .arg(command.namespaceUri)
                + plan.reason;
    return plan;
}

void Planner::finishNativeStep(StepPlan &step) const
{
    QStringList scripts;
    for (const CommandPlan &command : qAsConst(step.commands)) {
        if (command.strategy == Strategy::Native)
            scripts += command.script;
    }
    step.strategy = Strategy::Native;
    step.reason = QStringLiteral("every command runs natively");
    if (scripts.isEmpty()) {
        step.script = QStringLiteral(":");
    } else if (scripts.size() == 1) {
        step.script = scripts.first();
    } else {
        // Bitten runs every command of a step and fails the step if any failed.
        step.script = QStringLiteral("bitten_rc=0\n");
        for (const QString &script : qAsConst(scripts))
            step.script += script + QLatin1String(" || bitten_rc=1\n");
        step.script += QLatin1String("exit $bitten_rc");
    }
}

void Planner::finishAgentStep(StepPlan &step) const
{
    step.strategy = Strategy::Agent;
    for (const CommandPlan &command : qAsConst(step.commands)) {
        if (command.strategy == Strategy::Agent) {
            step.reason = QStringLiteral("%1 needs the agent").arg(command.qualifiedName);
            break;
        }
    }
    step.reportDir = m_options.reportRoot + QLatin1Char('/') + QString::number(step.index + 1);
    step.script = QLatin1String("rm -rf ") + ShellWord::quote(step.reportDir) + QLatin1Char('\n')
            + QLatin1String("bittern-agent step ") + ShellWord::quote(m_options.recipePath)
            + QLatin1String(" --step ") + ShellWord::quote(step.id)
            + QLatin1String(" --report-dir ") + ShellWord::quote(step.reportDir);
    for (const QString &name :
         {QStringLiteral("revision"), QStringLiteral("build"), QStringLiteral("config"),
          QStringLiteral("path"), QStringLiteral("platform")})
        step.script += QLatin1String(" -D \"") + name + QLatin1String("=$")
                + ShellWord::runtimeVariables().value(name) + QLatin1Char('"');
}

StepPlan Planner::planStep(const Core::RecipeStep &recipeStep, int index, const QString &source,
                           const NativeCommand &native) const
{
    StepPlan step;
    step.id = recipeStep.id;
    step.description = recipeStep.description;
    step.index = index;
    step.onError = recipeStep.onError;
    step.position = recipeStep.position;
    QStringList manual;
    bool anyAgent = false;
    QVector<Core::RecipeCommand> commands;
    for (const Core::RecipeCommand &command : recipeStep.commands) {
        // Pre-0.5 <reports> wrappers: the normalised recipe flattens them.
        if (command.localName == QLatin1String("reports") && !command.children.isEmpty())
            commands += command.children;
        else
            commands += command;
    }
    for (const Core::RecipeCommand &command : qAsConst(commands)) {
        step.commands += planModernised(command, native);
        CommandPlan &plan = step.commands.last();
        if (plan.strategy == Strategy::Manual) {
            manual += QStringLiteral("%1 (%2): %3")
                              .arg(plan.qualifiedName, location(source, plan.position),
                                   plan.reason);
            if (m_options.partial == PartialPolicy::AllowPartial)
                plan.reason += QLatin1String("; left out (--allow-partial)");
        }
        anyAgent = anyAgent || plan.strategy == Strategy::Agent;
        if (plan.strategy != Strategy::Manual
            || m_options.partial == PartialPolicy::FailUnsupported)
            step.reports |= plan.reports;
    }
    if (!manual.isEmpty() && m_options.partial == PartialPolicy::FailUnsupported) {
        step.strategy = Strategy::Manual;
        step.reason = QStringLiteral("has commands nothing can run");
        step.failureMessage = QStringLiteral("Bitten step \"%1\" cannot run on this CI: %2. Port "
                                             "it by hand, or translate with --allow-partial to "
                                             "leave such commands out.")
                                      .arg(step.id, manual.join(QLatin1String("; ")));
        step.reports = ReportKinds();
    } else if (anyAgent) {
        finishAgentStep(step);
    } else {
        finishNativeStep(step);
    }
    return step;
}

QString Planner::checkScript(const QVector<PlatformRule> &rules)
{
    QString script = QStringLiteral("python3 - ");
    for (const PlatformRule &rule : rules)
        script += ShellWord::quote(rule.property) + QLatin1Char(' ')
                + ShellWord::quote(rule.pattern) + QLatin1Char(' ');
    return script + QLatin1String("<<'BITTERN_NODE_CHECK'\n") + QLatin1String(nodeCheckProgram)
            + QLatin1String("BITTERN_NODE_CHECK");
}

PlatformPlan Planner::planPlatform(const TargetPlatform &platform) const
{
    PlatformPlan plan;
    plan.name = platform.name;
    plan.rules = platform.rules;
    QVector<Jenkins::LabelRule> rules;
    for (const PlatformRule &rule : platform.rules)
        rules += Jenkins::LabelRule{rule.property, rule.pattern};
    const Jenkins::LabelMapping mapping = Jenkins::LabelExpression::fromRules(rules);
    plan.labelExpression = mapping.expression;
    plan.notes = mapping.notes;
    for (const Jenkins::LabelRule &rule : mapping.unexpressed) {
        plan.nodeChecks += PlatformRule{rule.property, rule.pattern};
        plan.notes += QStringLiteral("Rule %1 ~ %2 has no label form; the job checks it on the "
                                     "node.")
                              .arg(rule.property, rule.pattern);
    }
    if (!plan.nodeChecks.isEmpty())
        plan.checkScript = checkScript(plan.nodeChecks);
    return plan;
}

Core::Recipe Planner::runnableRecipe(const Core::Recipe &recipe) const
{
    if (m_options.partial == PartialPolicy::FailUnsupported)
        return recipe;
    Core::Recipe runnable = recipe;
    for (Core::RecipeStep &step : runnable.steps) {
        QVector<Core::RecipeCommand> kept;
        for (const Core::RecipeCommand &command : qAsConst(step.commands)) {
            if (preFiveSpec(command) || StrategyTable::manualReason(command).isEmpty())
                kept += command;
        }
        step.commands = kept;
    }
    return runnable;
}

ConfigurationPlan Planner::unreadable(const Configuration &configuration,
                                      const Core::Error &error) const
{
    ConfigurationPlan plan;
    plan.name = configuration.name;
    plan.label = configuration.label;
    plan.description = configuration.description;
    plan.path = configuration.path;
    plan.source = configuration.source;
    plan.status = ConversionStatus::Unsupported;
    plan.problems += QStringLiteral("%1: %2").arg(configuration.source, error.toString());
    return plan;
}

ConfigurationPlan Planner::plan(const Configuration &configuration,
                                const Core::Recipe &recipe) const
{
    ConfigurationPlan plan;
    plan.name = configuration.name;
    plan.label = configuration.label;
    plan.description = configuration.description;
    plan.path = configuration.path;
    plan.source = configuration.source;
    QHash<QString, QString> known;
    if (!configuration.path.isEmpty())
        known.insert(QStringLiteral("path"), configuration.path);
    const NativeCommand native{ShellWord(rootVariables(recipe), known)};
    for (int i = 0; i < recipe.steps.size(); ++i)
        plan.steps += planStep(recipe.steps.at(i), i, configuration.source, native);
    for (const TargetPlatform &platform : configuration.platforms)
        plan.platforms += planPlatform(platform);
    if (plan.platforms.isEmpty()) {
        plan.platforms += PlatformPlan{QStringLiteral("any"), {}, QString(), {}, QString(), {}};
        if (!configuration.platforms.isEmpty() || configuration.source.contains(QLatin1Char('#')))
            plan.platforms.last().notes += QStringLiteral(
                    "The configuration has no target platforms, so Bitten builds nothing for it; "
                    "the job runs on any node.");
    }
    for (const StepPlan &step : qAsConst(plan.steps)) {
        for (const CommandPlan &command : step.commands) {
            if (command.strategy == Strategy::Manual)
                plan.problems += QStringLiteral("%1: %2 needs a manual port: %3")
                                         .arg(location(configuration.source, command.position),
                                              command.qualifiedName, command.reason);
            else if (command.family == Core::NamespaceFamily::PreFive)
                plan.problems += QStringLiteral("%1: %2 is in a pre-0.5 namespace; it runs as "
                                                "the 0.6 command")
                                         .arg(location(configuration.source, command.position),
                                              command.qualifiedName);
            else if (command.reason.startsWith(QLatin1String("approximate")))
                plan.problems += QStringLiteral("%1: %2 runs natively but not exactly: %3")
                                         .arg(location(configuration.source, command.position),
                                              command.qualifiedName, command.reason);
        }
    }
    if (!plan.problems.isEmpty())
        plan.status = ConversionStatus::Partial;
    bool anyRuns = plan.steps.isEmpty();
    for (const StepPlan &step : qAsConst(plan.steps))
        anyRuns = anyRuns || step.strategy != Strategy::Manual;
    if (!anyRuns)
        plan.status = ConversionStatus::Unsupported;
    return plan;
}

} // namespace Translator
