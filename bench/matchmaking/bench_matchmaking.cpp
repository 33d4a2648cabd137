// SPDX-License-Identifier: GPL-3.0-or-later
// Matchmaking benchmark (docs/PERFORMANCE.md): one full pass of 1,000 queued builds against
// 10,000 agent ads, and the latency of the event entry points. Data is generated with a fixed
// seed: Bitten-style platform rules, configuration requirements and ranks, and agents with a
// mix of dedicated, desktop and picky owner policies.
#include <algorithm>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>

#include "bridge/matchmaker/matchmaker.h"
#include "core/inifile.h"
#include "core/jobad.h"
#include "core/machinead.h"
#include "core/ownerpolicy.h"
#include "core/slaveproperties.h"

namespace {

constexpr qint64 now = 1700000000;

QString pick(QRandomGenerator &random, const QStringList &options)
{
    return options.at(int(random.bounded(quint32(options.size()))));
}

Core::OwnerPolicy policy(const char *ini)
{
    return Core::OwnerPolicy::fromIni(Core::IniFile::parse(QByteArray(ini)).value()).value();
}

QVector<Core::ClassAd> makeAgents(int count, QRandomGenerator &random)
{
    const QVector<Core::OwnerPolicy> policies{
            policy(""),
            policy("[bittern]\nstart = LoadAvg < 1.0 && ConsoleIdle > 900\n"
                   "suspend = ConsoleIdle < 60\n"),
            policy("[bittern]\nrequirements = TARGET.Config =!= \"secret\"\n"
                   "rank = TARGET.Priority\n"),
            policy("[bittern]\nstart = TARGET.Config == \"nightly\" || LoadAvg < 0.5\n"),
    };
    QVector<Core::ClassAd> agents;
    for (int i = 0; i < count; ++i) {
        Core::SlaveProperties properties;
        const int os = int(random.bounded(100));
        properties.setValue(QStringLiteral("os"),
                            os < 70           ? QStringLiteral("Linux")
                                    : os < 85 ? QStringLiteral("Darwin")
                                    : os < 95 ? QStringLiteral("Windows")
                                              : QStringLiteral("FreeBSD"));
        properties.setValue(QStringLiteral("family"),
                            os >= 85 && os < 95 ? QStringLiteral("nt") : QStringLiteral("posix"));
        properties.setValue(QStringLiteral("machine"),
                            pick(random,
                                 {QStringLiteral("x86_64"), QStringLiteral("x86_64"),
                                  QStringLiteral("aarch64"), QStringLiteral("i686")}));
        properties.setValue(QStringLiteral("version"),
                            pick(random,
                                 {QStringLiteral("6.1.0"), QStringLiteral("5.10.0"),
                                  QStringLiteral("22.1.0")}));
        properties.setValue(QStringLiteral("python.version"),
                            pick(random,
                                 {QStringLiteral("2.7.18"), QStringLiteral("3.9.2"),
                                  QStringLiteral("3.11.4")}));
        properties.setValue(QStringLiteral("qt.version"),
                            pick(random, {QStringLiteral("5.15.8"), QStringLiteral("6.4.2")}));
        Core::SystemSnapshot snapshot;
        snapshot.cpus = 1 << random.bounded(1, 6);
        snapshot.memoryMiB = qint64(2048) << random.bounded(0, 6);
        snapshot.availableMemoryMiB = snapshot.memoryMiB / 2;
        snapshot.loadAverage = random.bounded(400) / 100.0;
        snapshot.freeDiskMiB = random.bounded(1000, 500000);
        snapshot.consoleIdleSeconds = random.bounded(0, 7200);
        snapshot.minutesSinceMidnight = 23 * 60;
        snapshot.currentTime = now;
        const int which = int(random.bounded(100));
        const Core::OwnerPolicy &chosen = policies.at(which < 70           ? 0
                                                              : which < 85 ? 1
                                                              : which < 95 ? 2
                                                                           : 3);
        agents.append(
                Core::MachineAd::build(QStringLiteral("agent%1").arg(i, 5, 10, QLatin1Char('0')),
                                       properties, snapshot, chosen));
    }
    return agents;
}

QVector<Core::ClassAd> makeJobs(int count, QRandomGenerator &random)
{
    const QVector<QPair<QString, QVector<Core::BittenRule>>> platforms{
            {QStringLiteral("linux-x86_64"),
             {{QStringLiteral("os"), QStringLiteral("linux")},
              {QStringLiteral("machine"), QStringLiteral("x86_64")}}},
            {QStringLiteral("linux-py27"),
             {{QStringLiteral("os"), QStringLiteral("linux")},
              {QStringLiteral("python.version"), QStringLiteral("2\\.7")}}},
            {QStringLiteral("macos"), {{QStringLiteral("os"), QStringLiteral("darwin")}}},
            {QStringLiteral("windows"),
             {{QStringLiteral("family"), QStringLiteral("nt")},
              {QStringLiteral("machine"), QStringLiteral("(AMD64|x86_64)")}}},
            {QStringLiteral("qt6"), {{QStringLiteral("qt.version"), QStringLiteral("6\\.")}}},
            {QStringLiteral("any"), {}},
    };
    QVector<Core::ClassAd> jobs;
    for (int i = 0; i < count; ++i) {
        const int config = i % 50;
        Core::JobDescription job;
        job.buildId = i + 1;
        job.config = config == 7 ? QStringLiteral("secret")
                : config == 8    ? QStringLiteral("nightly")
                                 : QStringLiteral("config%1").arg(config);
        const auto &platform = platforms.at((i / 50) % platforms.size());
        job.platform = platform.first;
        job.rules = platform.second;
        job.revision = QString::number(1000 + i / 200);
        job.revisionTime = now - 3600 * (i / 200) - config;
        job.priority = random.bounded(10) == 0 ? 1 : 0;
        if (config % 3 == 0)
            job.configRequirements = QStringLiteral("TARGET.Memory >= 8192");
        if (config % 4 == 1)
            job.configRank = QStringLiteral("TARGET.Cpus");
        else if (config % 4 == 2)
            job.configRank = QStringLiteral("-TARGET.LoadAvg");
        jobs.append(Core::JobAd::build(job).value());
    }
    return jobs;
}

double median(QVector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

double milliseconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int runs = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 7;
    QRandomGenerator random(20261128);
    const QVector<Core::ClassAd> agents = makeAgents(10000, random);
    const QVector<Core::ClassAd> jobs = makeJobs(1000, random);
    QVector<double> setup, cold, unchanged, warm, forBuild, forAgent;
    int matched = 0;
    for (int run = 0; run < runs; ++run) {
        Bridge::Matchmaker matchmaker;
        matchmaker.setCurrentTime(now);
        QElapsedTimer timer;
        timer.start();
        for (const Core::ClassAd &agent : agents)
            (void)matchmaker.updateAgent(agent);
        for (const Core::ClassAd &job : jobs)
            (void)matchmaker.updateJob(job);
        setup.append(milliseconds(timer));
        timer.restart();
        matched = matchmaker.matchAll().size();
        cold.append(milliseconds(timer));
        timer.restart();
        (void)matchmaker.matchAll();
        unchanged.append(milliseconds(timer));
        // 100 agents poll with a new load average, then the periodic pass runs again.
        for (int i = 0; i < 100; ++i) {
            Core::ClassAd changed = agents.at(i * 97);
            changed.insertValue(QStringLiteral("LoadAvg"),
                                Core::ClassAdValue::real(random.bounded(400) / 100.0));
            (void)matchmaker.updateAgent(changed);
        }
        timer.restart();
        (void)matchmaker.matchAll();
        warm.append(milliseconds(timer));
        timer.restart();
        for (int i = 0; i < 100; ++i)
            (void)matchmaker.matchForBuild(jobs.at(i * 10));
        forBuild.append(milliseconds(timer) / 100);
        timer.restart();
        for (int i = 0; i < 100; ++i)
            (void)matchmaker.matchForAgent(agents.at(i * 101));
        forAgent.append(milliseconds(timer) / 100);
    }
    out << "agents 10000, builds 1000, runs " << runs << ", matches per pass " << matched << '\n';
    out << "setup (load all ads)       median " << median(setup) << " ms\n";
    out << "full pass, cold index      median " << median(cold) << " ms\n";
    out << "full pass, nothing changed median " << median(unchanged) << " ms\n";
    out << "full pass, 100 ads changed median " << median(warm) << " ms\n";
    out << "matchForBuild (event)      median " << median(forBuild) << " ms\n";
    out << "matchForAgent (event)      median " << median(forAgent) << " ms\n";
    return 0;
}
