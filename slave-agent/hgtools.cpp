// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/hgtools.h"

#include "slave-agent/commandregistry.h"
#include "slave-agent/shtools.h"

namespace Agent {

QStringList HgTools::pullArguments(const Core::RecipeCommand &command)
{
    QStringList arguments{QStringLiteral("pull"), QStringLiteral("-u")};
    const QString revision = command.value(QStringLiteral("revision"));
    if (!revision.isEmpty())
        arguments << QStringLiteral("-r") << revision.section(QLatin1Char(':'), -1);
    return arguments;
}

Core::Result<void> HgTools::pull(StepContext &context, const Core::RecipeCommand &command)
{
    ShExecution execution;
    execution.generator = command.generator();
    execution.file = QStringLiteral("hg");
    execution.arguments = pullArguments(command);
    execution.dir = command.value(QStringLiteral("dir"), QStringLiteral("."));
    const ShOutcome outcome = ShTools::execute(context, execution);
    if (outcome.exited && outcome.exitCode != 0) {
        context.error(execution.generator,
                      QStringLiteral("hg pull -u failed (%1)").arg(outcome.exitCode));
    }
    return {};
}

void HgTools::registerCommands(CommandRegistry &registry)
{
    registry.add(Core::CommandId::HgPull, &HgTools::pull);
}

} // namespace Agent
