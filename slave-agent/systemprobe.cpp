// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/systemprobe.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QThread>

#ifdef Q_OS_UNIX
#include <sys/statvfs.h>
#endif

namespace Agent {

QByteArray SystemProbe::readProcFile(const QString &path)
{
    QFile file(path);
    // /proc files report size 0: read until the end instead of by size.
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

double SystemProbe::parseLoadAverage(const QByteArray &procLoadavg)
{
    const QList<QByteArray> fields = procLoadavg.simplified().split(' ');
    bool ok = false;
    const double value = fields.isEmpty() ? 0.0 : fields.first().toDouble(&ok);
    return ok ? value : -1.0;
}

SystemProbe::MemoryInfo SystemProbe::parseMemInfo(const QByteArray &procMeminfo)
{
    MemoryInfo info;
    for (const QByteArray &line : procMeminfo.split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 2)
            continue;
        const qint64 kib = fields.at(1).toLongLong();
        if (fields.first() == "MemTotal:")
            info.totalMiB = kib / 1024;
        else if (fields.first() == "MemAvailable:")
            info.availableMiB = kib / 1024;
    }
    return info;
}

qint64 SystemProbe::idleSeconds(const QVector<QDateTime> &accessTimes, const QDateTime &now)
{
    QDateTime newest;
    for (const QDateTime &time : accessTimes) {
        if (time.isValid() && (!newest.isValid() || time > newest))
            newest = time;
    }
    return newest.isValid() ? qMax<qint64>(0, newest.secsTo(now)) : -1;
}

void SystemProbe::setClock(Core::SystemSnapshot *snapshot, const QDateTime &localTime)
{
    const QTime time = localTime.time();
    snapshot->minutesSinceMidnight = time.hour() * 60 + time.minute();
    snapshot->dayOfWeek = localTime.date().dayOfWeek() % 7; // Qt: Monday 1 … Sunday 7
    snapshot->currentTime = localTime.toSecsSinceEpoch();
}

qint64 SystemProbe::freeDiskMiB(const QString &path)
{
#ifdef Q_OS_UNIX
    struct statvfs info = {};
    if (statvfs(QFile::encodeName(path).constData(), &info) == 0)
        return qint64(info.f_bavail) * qint64(info.f_frsize) / (1024 * 1024);
#else
    Q_UNUSED(path)
#endif
    return 0;
}

// Console keyboards and login terminals: their access time moves on input.
QVector<QDateTime> SystemProbe::terminalAccessTimes()
{
    QVector<QDateTime> times;
    const QDir dev(QStringLiteral("/dev"));
    const QStringList ttys = dev.entryList({QStringLiteral("tty[0-9]*"), QStringLiteral("console")},
                                           QDir::System | QDir::Files);
    for (const QString &tty : ttys)
        times.append(QFileInfo(dev.filePath(tty)).lastRead());
    const QDir pts(QStringLiteral("/dev/pts"));
    for (const QString &pty : pts.entryList(QDir::System | QDir::Files)) {
        if (pty != QLatin1String("ptmx"))
            times.append(QFileInfo(pts.filePath(pty)).lastRead());
    }
    return times;
}

Core::SystemSnapshot SystemProbe::read(const QString &workDir)
{
    Core::SystemSnapshot snapshot;
    snapshot.cpus = QThread::idealThreadCount();
    const MemoryInfo memory = parseMemInfo(readProcFile(QStringLiteral("/proc/meminfo")));
    snapshot.memoryMiB = memory.totalMiB;
    snapshot.availableMemoryMiB = memory.availableMiB;
    snapshot.loadAverage
            = qMax(0.0, parseLoadAverage(readProcFile(QStringLiteral("/proc/loadavg"))));
    snapshot.freeDiskMiB = freeDiskMiB(workDir.isEmpty() ? QDir::tempPath() : workDir);
    const QDateTime now = QDateTime::currentDateTime();
    snapshot.consoleIdleSeconds = idleSeconds(terminalAccessTimes(), now);
    setClock(&snapshot, now);
    return snapshot;
}

} // namespace Agent
