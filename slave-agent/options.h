// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPair>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QVector>

#include "core/result.h"
#include "slave-agent/resultlogs.h"

namespace Agent {

/// Which subcommand of bittern-agent was asked for.
enum class AgentMode {
    Help,
    Version,
    Run, ///< bittern-agent run RECIPE: every step, like bitten-slave RECIPE
    Step, ///< bittern-agent step RECIPE --step ID: one step inside a CI job
};

/// Whether work and build directories survive the run.
enum class KeepFiles {
    No,
    Yes,
};

/// Where Options::configFile came from.
enum class ConfigSource {
    None,
    CommandLine, ///< -f, --config
    Environment, ///< BITTERN_AGENT_CONFIG (when -f is not given)
};

/// The parsed command line of bittern-agent run|step.
struct Options
{
    AgentMode mode = AgentMode::Help;
    QString recipeFile;
    QString configFile; ///< -f, --config, else $BITTERN_AGENT_CONFIG: slave INI file
    ConfigSource configSource = ConfigSource::None;
    QString workDir; ///< -d, --work-dir; empty: a temporary directory
    QString buildDirPattern = QStringLiteral("build_${config}_${build}");
    QString reportDir; ///< --report-dir; required for step
    QString stepId; ///< --step
    KeepFiles keepFiles = KeepFiles::No;
    /// run: --embed-logs gives a self-contained result.xml; else it refers to step.log
    ResultLogs resultLogs = ResultLogs::Referenced;
    /// -D with a dotted name or os/family/version/machine/processor: slave properties, in order
    QVector<QPair<QString, QString>> properties;
    /// -D with any other undotted name: build variables (root attributes of the recipe as the
    /// master serves it, bitten-spec §2.1), overwriting the recipe's own; in order
    QVector<QPair<QString, QString>> buildVariables;
    QString helpText; ///< for AgentMode::Help
};

/**
 * Parses bittern-agent's arguments (without the program name) with QCommandLineParser.
 * Pure: no I/O; @p environment supplies BITTERN_AGENT_CONFIG when -f is not given. Usage errors
 * come back as ErrorCode::InvalidArgument.
 */
Core::Result<Options> parseOptions(const QStringList &arguments,
                                   const QProcessEnvironment &environment = QProcessEnvironment());

} // namespace Agent
