// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Agent {

/**
 * The agent's stop request as a self-pipe: SIGINT/SIGTERM handlers (installHandlers()) and
 * request() write a byte to it, and the process launcher polls readFd() next to the child's
 * pipes, so a signal stops the running process group at once. The request is sticky.
 */
class StopSignal
{
public:
    StopSignal();
    ~StopSignal();
    Q_DISABLE_COPY_MOVE(StopSignal)

    /// Routes SIGINT and SIGTERM of this process to this object (one object at a time).
    void installHandlers();
    /// Restores the default handlers if this object installed them.
    void uninstallHandlers();
    /// Asks for a stop, as a signal would (async-signal-safe).
    void request();
    /// True once a stop was requested; drains the pipe.
    bool isRequested();
    /// The signal that caused the request, or 0 for request().
    int signalNumber() const { return m_signal; }
    /// Readable when a stop was requested (and not yet drained by isRequested()).
    int readFd() const { return m_fds[0]; }

private:
    int m_fds[2] = {-1, -1};
    bool m_requested = false;
    int m_signal = 0;
    bool m_installed = false;
};

} // namespace Agent
