// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/suspendsignal.h"

#include <fcntl.h>
#include <unistd.h>

namespace Agent {

SuspendSignal::SuspendSignal()
{
    if (::pipe2(m_fds, O_CLOEXEC | O_NONBLOCK) != 0)
        m_fds[0] = m_fds[1] = -1;
}

SuspendSignal::~SuspendSignal()
{
    for (int fd : m_fds) {
        if (fd >= 0)
            ::close(fd);
    }
}

void SuspendSignal::setSuspended(bool suspended)
{
    // The state first, then the wake-up: a reader that drained the pipe before this byte
    // arrived either sees the new state or is woken again by the byte.
    m_suspended = suspended;
    const unsigned char byte = 0;
    [[maybe_unused]] const ssize_t written = ::write(m_fds[1], &byte, 1);
}

bool SuspendSignal::isSuspended()
{
    unsigned char buffer[64];
    while (::read(m_fds[0], buffer, sizeof buffer) > 0) { }
    return m_suspended;
}

} // namespace Agent
