// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include "core/machinead.h"

namespace Agent {

/**
 * Measures the agent's machine for its machine ad (Core::MachineAd): CPUs, memory and load
 * from /proc, free disk with statvfs() on the work directory, console idle time from the
 * access times of the terminal devices (as HTCondor's startd does), and the local clock.
 * The I/O shell around pure parsers of the /proc files; the agent re-reads it on every poll
 * so that the owner policy is re-evaluated while it runs.
 */
class SystemProbe
{
public:
    /// The snapshot now; @p workDir is where builds run (for FreeDisk).
    static Core::SystemSnapshot read(const QString &workDir);

    /// The one-minute load average from /proc/loadavg; -1 when unreadable.
    static double parseLoadAverage(const QByteArray &procLoadavg);
    struct MemoryInfo
    {
        qint64 totalMiB = 0;
        qint64 availableMiB = 0;
    };
    /// MemTotal and MemAvailable of /proc/meminfo in MiB (0 when absent).
    static MemoryInfo parseMemInfo(const QByteArray &procMeminfo);
    /// Seconds since the newest of @p accessTimes (-1 for none), at @p now.
    static qint64 idleSeconds(const QVector<QDateTime> &accessTimes, const QDateTime &now);
    /// The clock fields of the snapshot from a local time.
    static void setClock(Core::SystemSnapshot *snapshot, const QDateTime &localTime);

private:
    static QByteArray readProcFile(const QString &path);
    static qint64 freeDiskMiB(const QString &path);
    static QVector<QDateTime> terminalAccessTimes();
};

} // namespace Agent
