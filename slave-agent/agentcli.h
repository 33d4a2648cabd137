// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

#include "core/error.h"
#include "core/recipe.h"
#include "core/result.h"
#include "slave-agent/options.h"

namespace Agent {

/// bittern-agent's exit statuses (ARCHITECTURE.md).
enum class ExitCode {
    Success = 0,
    Failed = 1, ///< the build or step failed (or was stopped)
    UsageError = 2, ///< bad arguments, unreadable recipe or configuration
};

/// What the slave configuration provides besides properties.
struct AgentConfig
{
    QHash<QString, QString> properties;
    QHash<QString, QString> externalCommands; ///< namespace URI → executable
};

/**
 * bittern-agent run and step: loads the recipe and the slave configuration, runs the build with
 * the real process launcher and a stop signal wired to SIGINT/SIGTERM, prints the live log and
 * the summary table, and maps the outcome to an ExitCode.
 */
class AgentCli
{
public:
    static ExitCode execute(const Options &options);

    static Core::Result<Core::Recipe> loadRecipe(const QString &path);
    static Core::Result<AgentConfig> loadConfig(const Options &options);
    static ExitCode exitCodeFor(const Core::Error &error);
};

} // namespace Agent
