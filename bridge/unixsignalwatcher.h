// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QVector>

class QSocketNotifier;

namespace Bridge {

/**
 * Turns SIGTERM/SIGINT into a Qt signal (HOUSE-STYLE rule 27): the async-signal-safe
 * handler writes the signal number to a socketpair, and a QSocketNotifier on the other end
 * emits signalReceived() from the event loop. One instance per process at a time.
 */
class UnixSignalWatcher final : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignalWatcher(const QVector<int> &signalNumbers, QObject *parent = nullptr);
    ~UnixSignalWatcher() override;
    Q_DISABLE_COPY_MOVE(UnixSignalWatcher)

    bool isValid() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void signalReceived(int signalNumber);

private:
    void handleActivated();
    static void handleSignal(int signalNumber);

    QVector<int> m_signals;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Bridge
