// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

#include "core/result.h"

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

/// The parsed command line of bittern-agent run|step.
struct Options
{
    AgentMode mode = AgentMode::Help;
    QString recipeFile;
    QString configFile; ///< -f, --config: slave INI file
    QString workDir; ///< -d, --work-dir; empty: a temporary directory
    QString buildDirPattern = QStringLiteral("build_${config}_${build}");
    QString reportDir; ///< --report-dir; required for step
    QString stepId; ///< --step
    KeepFiles keepFiles = KeepFiles::No;
    QVector<QPair<QString, QString>> properties; ///< -D name=value, in order
    QString helpText; ///< for AgentMode::Help
};

/**
 * Parses bittern-agent's arguments (without the program name) with QCommandLineParser.
 * Pure: no I/O; usage errors come back as ErrorCode::InvalidArgument.
 */
Core::Result<Options> parseOptions(const QStringList &arguments);

} // namespace Agent
