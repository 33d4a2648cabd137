// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/monotools.h"

#include "core/nunitparser.h"
#include "slave-agent/commandregistry.h"
#include "slave-agent/commandsupport.h"

namespace Agent {

void MonoTools::registerCommands(CommandRegistry &registry)
{
    registry.add(Core::CommandId::MonoNunit, &MonoTools::nunit);
}

Core::Result<void> MonoTools::nunit(StepContext &context, const Core::RecipeCommand &command)
{
    const QString file = command.value(QStringLiteral("file"));
    if (file.isEmpty()) {
        return CommandSupport::missingAttribute(QStringLiteral("file"));
    }
    QVector<Core::Result<QByteArray>> files;
    for (const QString &path : CommandSupport::glob(context, file)) {
        files.append(CommandSupport::readFile(path));
    }
    return CommandSupport::apply(context, command.generator(), Core::NUnitParser::parse(files));
}

} // namespace Agent
