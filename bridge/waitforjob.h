// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QEventLoop>
#include <QTimer>

namespace Bridge {

/// Runs an event loop until @p job (a job object with isFinished() and finished()) finished,
/// or until @p timeoutMs passed (0: no limit). Returns whether it finished.
template<typename Job>
bool waitForJob(Job *job, int timeoutMs = 0)
{
    if (job->isFinished())
        return true;
    QEventLoop loop;
    QObject::connect(job, &Job::finished, &loop, &QEventLoop::quit);
    if (timeoutMs > 0)
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return job->isFinished();
}

/// Lets the event loop run for @p ms (between polls).
inline void pause(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace Bridge
