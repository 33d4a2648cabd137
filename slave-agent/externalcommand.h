// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "core/recipe.h"
#include "core/result.h"
#include "slave-agent/stepcontext.h"

namespace Agent {

class CommandRegistry;

/**
 * A third-party recipe command carried out by an external program (docs/AGENT.md): the INI
 * section [bittern.commands] maps a namespace URI to an executable, which gets the command as
 * JSON on stdin ({"namespace", "name", "generator", "basedir", "attributes"}) and answers on
 * stdout with a Bitten step result document (<result> with <log>, <error>, <report>, <attach>
 * children). Its stderr lines are logged as errors; a non-zero exit is a step error.
 */
class ExternalCommand
{
public:
    explicit ExternalCommand(const QString &executable);

    Core::Result<void> operator()(StepContext &context, const Core::RecipeCommand &command) const;

    /// The JSON document the executable receives.
    static QByteArray request(const StepContext &context, const Core::RecipeCommand &command);
    /// Registers one ExternalCommand per namespace of the [bittern.commands] section.
    static void registerAll(CommandRegistry &registry, const QHash<QString, QString> &mapping);

private:
    QString m_executable;
};

} // namespace Agent
