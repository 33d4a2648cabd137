// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/recipevalidator.h"

#include <algorithm>

#include <QHash>
#include <QSet>

#include "core/commandcatalog.h"

namespace Core {

namespace {

void add(QVector<Diagnostic> &out, Severity severity, const QString &message,
         SourcePosition position)
{
    out.append({severity, message, position});
}

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

const RecipeAttribute *findAttribute(const QVector<RecipeAttribute> &attributes,
                                     const QString &name)
{
    for (const RecipeAttribute &attr : attributes) {
        if (attr.name == name)
            return &attr;
    }
    return nullptr;
}

/// Error for an onerror value Bitten's recipe loader rejects with an AssertionError.
void checkOnError(const QVector<RecipeAttribute> &attributes, const QString &owner,
                  QVector<Diagnostic> &out)
{
    const RecipeAttribute *attr = findAttribute(attributes, QStringLiteral("onerror"));
    if (!attr || parseOnError(attr->value) != OnError::Invalid)
        return;
    add(out, Severity::Error,
        QStringLiteral("The onerror value %1 of %2 is not valid; Bitten accepts only \"fail\", "
                       "\"continue\" or \"ignore\" and would abort the build.")
                .arg(quoted(attr->value), owner),
        attr->position);
}

const char preFiveExplanation[]
        = "This recipe is in the pre-0.5 format of 2005 (Bitten 0.3 and earlier): command "
          "namespaces name Python modules (\"bitten:bitten.build.*\") and report commands are "
          "wrapped in <reports>. Bitten 0.6 rejects it; to modernise it, declare the "
          "http://bitten.edgewall.org/tools/* namespaces instead (for example "
          "\"bitten:bitten.build.pythontools\" becomes "
          "\"http://bitten.edgewall.org/tools/python\"), "
          "move the commands out of each <reports> element into its step, and write step titles "
          "as description attributes.";

} // namespace

QVector<Diagnostic> RecipeValidator::validate(const Recipe &recipe)
{
    QVector<Diagnostic> out;
    checkStructure(recipe, out);
    checkNamespaces(recipe, out);
    QSet<QString> seen;
    for (const RecipeStep &step : recipe.steps) {
        if (step.hasId && !step.id.isEmpty()) {
            if (seen.contains(step.id))
                add(out, Severity::Error, QStringLiteral("Duplicate step ID \"%1\"").arg(step.id),
                    step.position);
            seen.insert(step.id);
        }
        checkStep(step, out);
    }
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic &a, const Diagnostic &b) {
        if (a.position.line != b.position.line)
            return a.position.line < b.position.line;
        return a.position.column < b.position.column;
    });
    return out;
}

bool RecipeValidator::hasErrors(const QVector<Diagnostic> &diagnostics)
{
    return std::any_of(diagnostics.cbegin(), diagnostics.cend(),
                       [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

void RecipeValidator::checkStructure(const Recipe &recipe, QVector<Diagnostic> &out)
{
    if (recipe.isPreFiveFormat)
        add(out, Severity::Error, QString::fromLatin1(preFiveExplanation), recipe.rootPosition);
    if (recipe.rootName != QLatin1String("build"))
        add(out, Severity::Error, QStringLiteral("Root element must be <build>"),
            recipe.rootPosition);
    if (recipe.topLevelElementCount == 0)
        add(out, Severity::Error, QStringLiteral("Recipe defines no build steps"),
            recipe.rootPosition);
    for (const RecipeElement &stray : recipe.strayElements)
        add(out, Severity::Error,
            QStringLiteral("Only <step> elements allowed at top level of recipe"), stray.position);
    checkOnError(recipe.variables, QStringLiteral("<build>"), out);
}

void RecipeValidator::checkNamespaces(const Recipe &recipe, QVector<Diagnostic> &out)
{
    for (const NamespaceDeclaration &ns : recipe.namespaces) {
        if (CommandCatalog::family(ns.uri) != NamespaceFamily::Legacy)
            continue;
        const QString current = CommandCatalog::currentUri(CommandCatalog::namespaceName(ns.uri));
        add(out, Severity::Warning,
            QStringLiteral("Namespace %1 is the name Bitten used before 0.6b2 for %2; it still "
                           "works, but new recipes should use the current name.")
                    .arg(quoted(ns.uri), quoted(current)),
            ns.position);
    }
}

void RecipeValidator::checkStep(const RecipeStep &step, QVector<Diagnostic> &out)
{
    if (!step.hasId || step.id.isEmpty())
        add(out, Severity::Error, QStringLiteral("Steps must have an \"id\" attribute"),
            step.position);
    const QString name = step.hasId ? quoted(step.id) : QStringLiteral("without id");
    if (step.commands.isEmpty()) {
        add(out, Severity::Error, QStringLiteral("Step %1 has no recipe commands").arg(name),
            step.position);
        if (step.commentCount > 0)
            add(out, Severity::Warning,
                QStringLiteral("Step %1 holds only comments; bitten-slave runs it as an empty "
                               "step that always succeeds.")
                        .arg(name),
                step.position);
    }
    checkOnError(step.attributes, QStringLiteral("step ") + name, out);
    for (const RecipeCommand &command : step.commands)
        checkCommand(command, out);
}

void RecipeValidator::checkCommand(const RecipeCommand &command, QVector<Diagnostic> &out)
{
    const QString element = QLatin1Char('<') + command.qualifiedName() + QLatin1Char('>');
    if (command.hasNestedContent)
        add(out, Severity::Error,
            QStringLiteral("Recipe command <%1> has nested content").arg(command.localName),
            command.position);
    switch (command.family) {
    case NamespaceFamily::PreFive: {
        const QString prefix = CommandCatalog::namespaceName(command.namespaceUri);
        const QString current = prefix.isEmpty()
                ? QStringLiteral("http://bitten.edgewall.org/tools/")
                : CommandCatalog::currentUri(prefix);
        add(out, Severity::Error,
            QStringLiteral("Recipe command %1 uses the pre-0.5 namespace %2; Bitten 0.6 knows "
                           "its commands only under %3.")
                    .arg(element, quoted(command.namespaceUri), quoted(current)),
            command.position);
        return;
    }
    case NamespaceFamily::ThirdParty:
        add(out, Severity::Warning,
            QStringLiteral("Recipe command %1 comes from the third-party namespace %2; it runs "
                           "only on a bitten-slave that has the plugin providing it installed.")
                    .arg(element, quoted(command.namespaceUri)),
            command.position);
        return;
    default:
        break;
    }
    if (command.id == CommandId::Unknown) {
        const QString hint = command.namespaceUri.isEmpty()
                ? QStringLiteral("only <report> and <attach> exist without a namespace")
                : QStringLiteral("the built-in namespace %1 has no command %2")
                          .arg(quoted(command.namespaceUri), quoted(command.localName));
        add(out, Severity::Error,
            QStringLiteral("Unknown recipe command %1: %2.").arg(element, hint), command.position);
        return;
    }
    checkAttributes(command, out);
}

void RecipeValidator::checkAttributes(const RecipeCommand &command, QVector<Diagnostic> &out)
{
    const CommandSpec &spec = CommandCatalog::spec(command.id);
    const QString element = QLatin1Char('<') + command.qualifiedName() + QLatin1Char('>');
    QHash<QString, QString> parameters;
    for (const RecipeAttribute &attr : command.attributes) {
        const QString parameter = CommandCatalog::parameterName(attr.name);
        if (!spec.attribute(attr.name))
            add(out, Severity::Error,
                QStringLiteral("Unsupported argument '%1' for command %2; bitten-slave would fail "
                               "the step without running the command.")
                        .arg(attr.name, element),
                attr.position);
        else if (parameters.contains(parameter))
            add(out, Severity::Warning,
                QStringLiteral("Attributes '%1' and '%2' of %3 set the same parameter; Bitten "
                               "uses only one of them.")
                        .arg(parameters.value(parameter), attr.name, element),
                attr.position);
        parameters.insert(parameter, attr.name);
    }
    for (const AttributeSpec &attr : spec.attributes) {
        if (attr.use == AttributeUse::Required && !command.hasAttribute(attr.name))
            add(out, Severity::Error,
                QStringLiteral("Recipe command %1 lacks the required attribute \"%2\"; "
                               "bitten-slave would stop the step with an internal error.")
                        .arg(element, attr.name),
                command.position);
    }
    if (!spec.requireOneOf.isEmpty()
        && std::none_of(spec.requireOneOf.cbegin(), spec.requireOneOf.cend(),
                        [&](const QString &name) { return command.hasAttribute(name); }))
        add(out, Severity::Error,
            QStringLiteral("Recipe command %1 needs a \"%2\" or a \"%3\" attribute; bitten-slave "
                           "would stop the step with an internal error.")
                    .arg(element, spec.requireOneOf.value(0), spec.requireOneOf.value(1)),
            command.position);
    if (command.id == CommandId::PythonExec && command.hasAttribute(QStringLiteral("function"))
        && (!command.hasAttribute(QStringLiteral("module"))
            || command.hasAttribute(QStringLiteral("file"))))
        add(out, Severity::Error,
            QStringLiteral("Recipe command %1 has a \"function\" attribute, which needs a "
                           "\"module\" attribute and no \"file\" attribute; bitten-slave would "
                           "stop the step with an internal error.")
                    .arg(element),
            command.position);
}

} // namespace Core
