// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/phptools.h"

#include "core/phpcoverageparser.h"
#include "core/phpcsparser.h"
#include "core/phpunitparser.h"
#include "slave-agent/commandregistry.h"
#include "slave-agent/commandsupport.h"
#include "slave-agent/shtools.h"

namespace Agent {

namespace {

using Parser
        = Core::Result<Core::ToolReport> (*)(const Core::Result<QByteArray> &, const QString &);

/// The common shape of php:phpunit, php:coverage and php:phpcs: read `file`, parse, send.
Core::Result<void> parseFile(StepContext &context, const Core::RecipeCommand &command,
                             Parser parser)
{
    const QString file = command.value(QStringLiteral("file"));
    if (file.isEmpty()) {
        return CommandSupport::missingAttribute(QStringLiteral("file"));
    }
    const auto data = CommandSupport::readFile(CommandSupport::resolve(context, file));
    return CommandSupport::apply(context, command.generator(), parser(data, context.basedir()));
}

} // namespace

void PhpTools::registerCommands(CommandRegistry &registry)
{
    registry.add(Core::CommandId::PhpPhing, &PhpTools::phing);
    registry.add(Core::CommandId::PhpPhpunit, &PhpTools::phpunit);
    registry.add(Core::CommandId::PhpCoverage, &PhpTools::coverage);
    registry.add(Core::CommandId::PhpPhpcs, &PhpTools::phpcs);
}

QStringList PhpTools::phingArguments(const StepContext &context, const Core::RecipeCommand &command,
                                     const QStringList &userArguments)
{
    QStringList arguments = userArguments;
    const QString file = command.value(QStringLiteral("file"));
    arguments << QStringLiteral("-logger") << QStringLiteral("phing.listener.DefaultLogger")
              << QStringLiteral("-buildfile")
              << CommandSupport::resolve(context,
                                         file.isEmpty() ? QStringLiteral("build.xml") : file);
    const QString target = command.value(QStringLiteral("target"));
    if (!target.isEmpty()) {
        arguments << target;
    }
    return arguments;
}

Core::Result<void> PhpTools::phing(StepContext &context, const Core::RecipeCommand &command)
{
    const auto userArguments
            = CommandSupport::splitArguments(command.value(QStringLiteral("args")));
    if (!userArguments) {
        return userArguments.error();
    }
    ShExecution execution;
    execution.generator = command.generator();
    const QString executable = command.value(QStringLiteral("executable"));
    // Bitten hands the executable to shtools.execute() as its `file` parameter.
    execution.file = executable.isEmpty() ? QStringLiteral("phing") : executable;
    execution.arguments = phingArguments(context, command, userArguments.value());
    const ShOutcome outcome = ShTools::execute(context, execution);
    if (outcome.exited && outcome.exitCode != 0) {
        context.error(execution.generator,
                      QStringLiteral("Phing failed (%1)").arg(outcome.exitCode));
    }
    return {};
}

Core::Result<void> PhpTools::phpunit(StepContext &context, const Core::RecipeCommand &command)
{
    return parseFile(context, command, &Core::PhpUnitParser::parse);
}

Core::Result<void> PhpTools::coverage(StepContext &context, const Core::RecipeCommand &command)
{
    return parseFile(context, command, &Core::PhpCoverageParser::parse);
}

Core::Result<void> PhpTools::phpcs(StepContext &context, const Core::RecipeCommand &command)
{
    return parseFile(context, command, &Core::PhpCsParser::parse);
}

} // namespace Agent
