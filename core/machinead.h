// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

#include "core/classad.h"
#include "core/result.h"

namespace Core {

class IniFile;
class OwnerPolicy;
class SlaveProperties;

/// What an agent measures about its machine at one moment (read by Agent::SystemProbe).
struct SystemSnapshot
{
    int cpus = 0; ///< online CPUs
    qint64 memoryMiB = 0; ///< total memory
    qint64 availableMemoryMiB = 0;
    double loadAverage = 0; ///< one-minute load average
    qint64 freeDiskMiB = 0; ///< free space where builds run
    qint64 consoleIdleSeconds = -1; ///< since the last console/terminal input; -1 = unknown
    int minutesSinceMidnight = 0; ///< local time
    int dayOfWeek = 0; ///< local time, 0 = Sunday … 6 = Saturday
    qint64 currentTime = 0; ///< seconds since the epoch
};

/**
 * Builds an agent's machine ad (condor-matchmaking §1.1, §1.5): the Bitten properties
 * (bitten-spec §6.3) as string attributes, the measured SystemSnapshot (Cpus, Memory,
 * FreeMemory, LoadAvg, FreeDisk, ConsoleIdle, ClockMin, ClockHour, ClockDay, CurrentTime), and
 * the `[bittern]` policy: Rank, Start, Suspend, Preempt, Kill and the advertised Requirements.
 * Pure: the snapshot is measured elsewhere.
 *
 * ClassAd names cannot hold dots, so a package property `python.version` becomes the attribute
 * `python_version` (attributeName()); the same mapping converts Bitten platform rules (JobAd).
 */
class MachineAd
{
public:
    static ClassAd build(const QString &agentName, const SlaveProperties &properties,
                         const SystemSnapshot &snapshot, const OwnerPolicy &policy);
    /// The same with the policy read from @p ini's `[bittern]` section.
    static Result<ClassAd> build(const QString &agentName, const SlaveProperties &properties,
                                 const SystemSnapshot &snapshot, const IniFile &ini);
    /// The ad of a plain Bitten slave from the properties the master stored for it (name,
    /// ipnr, os, …, package.option): the properties only, Requirements TRUE.
    static ClassAd fromProperties(const QHash<QString, QString> &properties);

    /// The attribute a Bitten property is advertised as: characters other than letters,
    /// digits and `_` become `_`, and a leading digit gets a `_` prefix.
    static QString attributeName(const QString &property);

private:
    static void addSnapshot(ClassAd *ad, const SystemSnapshot &snapshot);
};

} // namespace Core
