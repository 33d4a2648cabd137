// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>

#include <QtGlobal>

namespace Agent {

/**
 * The owner policy's SUSPEND state for the running build as a self-pipe: setSuspended() may be
 * called from any thread and writes a byte, and the process launcher polls readFd() next to the
 * child's pipes, so it stops (SIGSTOP) or continues (SIGCONT) the process group at once and
 * starts no new process while suspended. Unlike StopSignal the state goes both ways.
 */
class SuspendSignal
{
public:
    SuspendSignal();
    ~SuspendSignal();
    Q_DISABLE_COPY_MOVE(SuspendSignal)

    /// Suspends or continues (thread-safe); a change wakes a poll() on readFd().
    void setSuspended(bool suspended);
    /// The current state; drains the pipe, so readFd() next becomes readable on a later change.
    bool isSuspended();
    /// Readable when setSuspended() was called since the last isSuspended().
    int readFd() const { return m_fds[0]; }

private:
    int m_fds[2] = {-1, -1};
    std::atomic<bool> m_suspended{false};
};

} // namespace Agent
