// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/unixsignalwatcher.h"

#include <csignal>

#include <sys/socket.h>
#include <unistd.h>

#include <QSocketNotifier>

namespace Bridge {

namespace {

int signalFds[2] = {-1, -1}; // written by the handler, so it must be a plain global

} // namespace

UnixSignalWatcher::UnixSignalWatcher(const QVector<int> &signalNumbers, QObject *parent)
    : QObject(parent), m_signals(signalNumbers)
{
    Q_ASSERT(signalFds[0] < 0);
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, signalFds) != 0)
        return;
    m_notifier = new QSocketNotifier(signalFds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &UnixSignalWatcher::handleActivated);
    struct sigaction action = {};
    action.sa_handler = &UnixSignalWatcher::handleSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int number : qAsConst(m_signals))
        ::sigaction(number, &action, nullptr);
}

UnixSignalWatcher::~UnixSignalWatcher()
{
    for (int number : qAsConst(m_signals))
        std::signal(number, SIG_DFL);
    delete m_notifier;
    for (int &fd : signalFds) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

void UnixSignalWatcher::handleSignal(int signalNumber)
{
    const char byte = char(signalNumber);
    [[maybe_unused]] const ssize_t written = ::write(signalFds[0], &byte, 1);
}

void UnixSignalWatcher::handleActivated()
{
    char byte = 0;
    if (::read(signalFds[1], &byte, 1) == 1)
        Q_EMIT signalReceived(int(byte));
}

} // namespace Bridge
