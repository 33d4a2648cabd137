// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/stopsignal.h"

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace Agent {

namespace {

// The write end the signal handler uses; a signal handler cannot reach an object otherwise.
volatile sig_atomic_t g_writeFd = -1;

void handleSignal(int signalNumber)
{
    const int fd = g_writeFd;
    if (fd >= 0) {
        const unsigned char byte = static_cast<unsigned char>(signalNumber);
        [[maybe_unused]] const ssize_t written = ::write(fd, &byte, 1);
    }
}

void setHandler(int signalNumber, void (*handler)(int))
{
    struct sigaction action = {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(signalNumber, &action, nullptr);
}

} // namespace

StopSignal::StopSignal()
{
    if (::pipe2(m_fds, O_CLOEXEC | O_NONBLOCK) != 0)
        m_fds[0] = m_fds[1] = -1;
}

StopSignal::~StopSignal()
{
    uninstallHandlers();
    for (int fd : m_fds) {
        if (fd >= 0)
            ::close(fd);
    }
}

void StopSignal::installHandlers()
{
    g_writeFd = m_fds[1];
    m_installed = true;
    setHandler(SIGINT, handleSignal);
    setHandler(SIGTERM, handleSignal);
}

void StopSignal::uninstallHandlers()
{
    if (!m_installed)
        return;
    setHandler(SIGINT, SIG_DFL);
    setHandler(SIGTERM, SIG_DFL);
    g_writeFd = -1;
    m_installed = false;
}

void StopSignal::request()
{
    const unsigned char byte = 0;
    [[maybe_unused]] const ssize_t written = ::write(m_fds[1], &byte, 1);
}

bool StopSignal::isRequested()
{
    unsigned char buffer[64];
    ssize_t count = 0;
    while ((count = ::read(m_fds[0], buffer, sizeof buffer)) > 0) {
        m_requested = true;
        if (buffer[count - 1] != 0)
            m_signal = buffer[count - 1];
    }
    return m_requested;
}

} // namespace Agent
