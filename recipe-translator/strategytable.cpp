// SPDX-License-Identifier: GPL-3.0-or-later
#include "recipe-translator/strategytable.h"

namespace Translator {

using Core::CommandId;

ReportKinds StrategyTable::reports(const Core::RecipeCommand &command)
{
    ReportKinds kinds;
    switch (command.id) {
    case CommandId::CCppunit:
    case CommandId::CCunit:
    case CommandId::JavaJunit:
    case CommandId::MonoNunit:
    case CommandId::PhpPhpunit:
    case CommandId::PythonUnittest:
        kinds.tests = true;
        break;
    case CommandId::CGcov:
    case CommandId::JavaCobertura:
    case CommandId::PhpCoverage:
    case CommandId::PythonTrace:
    case CommandId::PythonCoverage:
    case CommandId::PythonFigleaf:
        kinds.coverage = true;
        break;
    case CommandId::PhpPhpcs:
    case CommandId::PythonPylint:
        kinds.lint = true;
        break;
    case CommandId::Attach:
        kinds.attachments = true;
        break;
    case CommandId::Report: {
        const QString category = command.value(QStringLiteral("category"));
        kinds.tests = category == QLatin1String("test");
        kinds.coverage = category == QLatin1String("coverage");
        kinds.lint = category == QLatin1String("lint");
        break;
    }
    default:
        break;
    }
    return kinds;
}

QString StrategyTable::manualReason(const Core::RecipeCommand &command)
{
    switch (command.family) {
    case Core::NamespaceFamily::ThirdParty:
        return QStringLiteral("command of the third-party namespace %1").arg(command.namespaceUri);
    case Core::NamespaceFamily::PreFive:
        if (command.id != CommandId::Unknown)
            break; // modernised by the normalised recipe
        return QStringLiteral("command of the pre-0.5 namespace %1, which Bitten 0.6 does not run")
                .arg(command.namespaceUri);
    default:
        break;
    }
    if (command.id == CommandId::PythonFigleaf)
        return QStringLiteral("figleaf coverage is a Python pickle; switch the recipe to "
                              "python:coverage");
    return QString();
}

QString StrategyTable::agentReason(CommandId id)
{
    switch (id) {
    case CommandId::Report:
        return QStringLiteral("sends a report file to Bitten; the agent converts it");
    case CommandId::Attach:
        return QStringLiteral("uploads an attachment; the agent packs it for the CI");
    case CommandId::PythonExec:
        return QStringLiteral("runs the slave's Python interpreter or imports a module");
    case CommandId::PythonDistutils:
        return QStringLiteral("Bitten fails the step on 'error:' lines on stderr");
    case CommandId::JavaAnt:
        return QStringLiteral("Bitten reads ant's XmlLogger output for errors and log levels");
    default:
        break;
    }
    return QStringLiteral("parses tool output into Bitten reports; the agent writes JUnit, "
                          "Cobertura and warnings-ng files");
}

} // namespace Translator
