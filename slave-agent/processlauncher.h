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
};

} // namespace Agent
