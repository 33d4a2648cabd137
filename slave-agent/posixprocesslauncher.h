// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <vector>

#include <QByteArray>

#include "slave-agent/processlauncher.h"

namespace Agent {

class StopSignal;
class SuspendSignal;

/**
 * Runs a process with fork/exec in a new process group, reads stdout and stderr with poll()
 * through LineSplitter, and stops the whole group (SIGTERM, then SIGKILL after a grace
 * period) on timeout, on a stop request, and when the leader exits leaving others behind.
 * With a SuspendSignal it also pauses the group (SIGSTOP, its timeout clock stands still) and
 * continues it (SIGCONT), and starts no process while suspended.
 */
class PosixProcessLauncher : public ProcessLauncher
{
public:
    static constexpr int defaultGraceMilliseconds = 2000;

    explicit PosixProcessLauncher(StopSignal *stop = nullptr,
                                  int graceMilliseconds = defaultGraceMilliseconds);

    ProcessOutcome run(const ProcessSpec &spec, const LineHandler &onLine) override;
    ProcessOutcome runLines(const ProcessSpec &spec, const OutputHandler &onOutput) override;

    /// Called after each batch of output was read and passed on (at most once per 64 KiB), e.g.
    /// to flush a buffered live log: output is never left waiting while a command is quiet.
    void setAfterReadHandler(std::function<void()> handler) { m_afterRead = std::move(handler); }

    /// Follows @p suspend (owned by the caller; null: never suspends): while it is set, the
    /// running group is stopped and no new process starts.
    void setSuspendSignal(SuspendSignal *suspend) { m_suspend = suspend; }

    /// The id (= process group id) of the last process started; 0 before the first.
    qint64 lastProcessId() const { return m_lastPid; }

private:
    const std::vector<QByteArray> &systemEnvironment();

    /// Before a start: returns once not suspended (at once if not) or a stop was requested.
    void waitWhileSuspended();

    StopSignal *m_stop;
    SuspendSignal *m_suspend = nullptr;
    int m_graceMilliseconds;
    std::function<void()> m_afterRead;
    qint64 m_lastPid = 0;
    std::vector<const char *> m_environSnapshot; ///< environ when the entries were made
    std::vector<QByteArray> m_environmentEntries; ///< the agent's environment, KEY=VALUE
    bool m_environmentRead = false;
};

} // namespace Agent
