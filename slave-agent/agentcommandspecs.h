// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QVector>

#include "core/optionspec.h"

namespace Agent {

/**
 * The option tables of `bittern-agent` and its subcommands run, step and poll: the parsers,
 * the --help texts and the bittern-agent(1) man page all come from these (core/optionspec.h).
 */
class AgentCommandSpecs
{
public:
    static Core::ProgramSpec program();
    static Core::ProgramSpec run();
    static Core::ProgramSpec step();
    static Core::ProgramSpec poll();
    static QVector<Core::ProgramSpec> subcommands();
    /// The options of the run|step parser: run's and step's, each once, then --version.
    static Core::ProgramSpec runOrStepParser();
};

} // namespace Agent
