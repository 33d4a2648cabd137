// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "slave-agent/stepcontext.h"

namespace Agent {

/**
 * Runs one process to completion and streams its output lines: the seam between the step
 * runner and the operating system. The real implementation is PosixProcessLauncher; tests of
 * the step runner use a fake that answers from a table.
 */
class ProcessLauncher
{
public:
    virtual ~ProcessLauncher() = default;
    virtual ProcessOutcome run(const ProcessSpec &spec, const LineHandler &onLine) = 0;
    /// run() on the byte-level path (see OutputLine; @p onOutput may get runs of plain lines);
    /// by default the lines of run() are passed on.
    virtual ProcessOutcome runLines(const ProcessSpec &spec, const OutputHandler &onOutput)
    {
        return run(spec, [&onOutput](ProcessStream stream, const QString &line) {
            onOutput(stream, OutputLine::decoded(line));
        });
    }
};

} // namespace Agent
