// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "slave-agent/processlauncher.h"

namespace Agent {

class StopSignal;

/**
 * Runs a process with fork/exec in a new process group, reads stdout and stderr with poll()
 * through LineSplitter, and stops the whole group (SIGTERM, then SIGKILL after a grace
 * period) on timeout, on a stop request, and when the leader exits leaving others behind.
 */
class PosixProcessLauncher : public ProcessLauncher
{
public:
    static constexpr int defaultGraceMilliseconds = 2000;

    explicit PosixProcessLauncher(StopSignal *stop = nullptr,
                                  int graceMilliseconds = defaultGraceMilliseconds);

    ProcessOutcome run(const ProcessSpec &spec, const LineHandler &onLine) override;

    /// The id (= process group id) of the last process started; 0 before the first.
    qint64 lastProcessId() const { return m_lastPid; }

private:
    StopSignal *m_stop;
    int m_graceMilliseconds;
    qint64 m_lastPid = 0;
};

} // namespace Agent
