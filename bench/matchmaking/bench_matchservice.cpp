// SPDX-License-Identifier: GPL-3.0-or-later
// Matchmaking through the running bridge's MatchService (docs/PERFORMANCE.md): the latency a
// poll and a queue event cost with the store included — a SQLite WAL file holding 200
// configurations × 5 target platforms (Bitten rules, some with requirements and rank) and one
// pending build each (1,000 builds), and 1,000 idle agents that sent machine ads.
#include <algorithm>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include "bridge/matchmaker/matchservice.h"
#include "bridge/store/sqlstore.h"
#include "core/inifile.h"
#include "core/machinead.h"
#include "core/ownerpolicy.h"
#include "core/slaveproperties.h"

namespace {

constexpr qint64 now = 1700000000;
constexpr int configCount = 200;
constexpr int agentCount = 1000;

struct Samples
{
    QVector<double> idlePoll, pass, noMatchPoll, matchPoll, queued;
    int failures = 0;
    int builds = 0;
};

double median(QVector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

double milliseconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

Bridge::SlaveInfo slave(const QString &name, const QString &os)
{
    Bridge::SlaveInfo info;
    info.name = name;
    info.set(QStringLiteral("name"), name);
    info.set(QStringLiteral("ipnr"), QStringLiteral("10.0.0.1"));
    info.set(QStringLiteral("token"), QStringLiteral("t-") + name);
    info.set(QStringLiteral("os"), os);
    info.set(QStringLiteral("family"), QStringLiteral("posix"));
    info.set(QStringLiteral("machine"), QStringLiteral("x86_64"));
    info.set(QStringLiteral("python.version"), QStringLiteral("3.11.4"));
    return info;
}

Core::ClassAd machineAd(const Bridge::SlaveInfo &info, int i,
                        const Core::OwnerPolicy &policy = Core::OwnerPolicy())
{
    Core::SlaveProperties properties;
    for (const auto &property : info.properties) {
        if (property.first != QLatin1String("name") && property.first != QLatin1String("ipnr")
            && property.first != QLatin1String("token"))
            properties.setValue(property.first, property.second);
    }
    Core::SystemSnapshot snapshot;
    snapshot.cpus = 1 << (i % 5);
    snapshot.memoryMiB = qint64(2048) << (i % 4);
    snapshot.loadAverage = (i % 7) / 4.0;
    snapshot.currentTime = now;
    return Core::MachineAd::build(info.name, properties, snapshot, policy);
}

Bridge::Build pendingBuild(const QString &config, const QString &revision, qint64 time,
                           qint64 platform)
{
    Bridge::Build build;
    build.config = config;
    build.revision = revision;
    build.revisionTime = time;
    build.platform = platform;
    return build;
}

bool seed(Bridge::Store &store, int offset)
{
    const QVector<QVector<Bridge::PlatformRule>> rules{
            {{QStringLiteral("os"), QStringLiteral("linux")},
             {QStringLiteral("machine"), QStringLiteral("x86_64")}},
            {{QStringLiteral("os"), QStringLiteral("linux")},
             {QStringLiteral("python.version"), QStringLiteral("3\\.")}},
            {{QStringLiteral("os"), QStringLiteral("darwin")}},
            {{QStringLiteral("family"), QStringLiteral("nt")}},
            {}};
    for (int c = offset; c < offset + configCount; ++c) {
        Bridge::Configuration config;
        config.name = QStringLiteral("config%1").arg(c);
        config.active = true;
        config.recipe = "<build><step id=\"s\"/></build>";
        if (!store.saveConfiguration(config))
            return false;
        for (int p = 0; p < rules.size(); ++p) {
            const auto id = store.savePlatform(
                    {0, config.name, QStringLiteral("p%1").arg(p), rules.at(p)});
            if (!id)
                return false;
            if (p == 0
                && !store.setPlatformMatch(
                        id.value(),
                        {QStringLiteral("TARGET.Memory >= 4096"), QStringLiteral("TARGET.Cpus")}))
                return false;
            if (!store.enqueueBuild(
                        pendingBuild(config.name, QStringLiteral("7"), now - c, id.value())))
                return false;
        }
    }
    return true;
}

void poll(Bridge::MatchService &service, const Bridge::SlaveInfo &info, const Core::ClassAd &ad,
          Samples &samples)
{
    const auto assignment = service.assign(info, ad);
    if (!assignment)
        ++samples.failures;
    else if (assignment.value().build)
        ++samples.builds;
}

double timed(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return milliseconds(timer);
}

bool run(Samples &samples)
{
    QTemporaryDir dir;
    auto opened = Bridge::SqlStore::open(QStringLiteral("sqlite:")
                                         + dir.filePath(QStringLiteral("b.db")));
    if (!opened)
        return false;
    Bridge::Store &store = *opened.value();
    Bridge::MatchServiceSettings settings;
    settings.clock = [] { return now; };
    Bridge::MatchService service(store, settings);
    // 1,000 agents poll an empty queue and become idle.
    for (int i = 0; i < agentCount; ++i) {
        const auto info = slave(QStringLiteral("agent%1").arg(i, 4, 10, QLatin1Char('0')),
                                QStringLiteral("Linux"));
        const Core::ClassAd ad = machineAd(info, i);
        samples.idlePoll.append(timed([&] { poll(service, info, ad, samples); }));
    }
    if (!seed(store, 0))
        return false;
    samples.pass.append(timed([&] { (void)service.runPass(); }));
    // Agents whose own requirements accept no queued build.
    const Core::OwnerPolicy picky
            = Core::OwnerPolicy::fromIni(
                      Core::IniFile::parse("[bittern]\nrequirements = TARGET.Config == \"none\"\n")
                              .value())
                      .value();
    for (int i = 0; i < 100; ++i) {
        const auto info = slave(QStringLiteral("picky-%1").arg(i), QStringLiteral("Linux"));
        const Core::ClassAd ad = machineAd(info, i, picky);
        samples.noMatchPoll.append(timed([&] { poll(service, info, ad, samples); }));
    }
    for (int i = 0; i < 100; ++i) {
        const auto info = slave(QStringLiteral("agent%1").arg(i, 4, 10, QLatin1Char('0')),
                                QStringLiteral("Linux"));
        const Core::ClassAd ad = machineAd(info, i);
        samples.matchPoll.append(timed([&] { poll(service, info, ad, samples); }));
    }
    for (int i = 0; i < 20; ++i) {
        const qint64 platform
                = store.platforms(QStringLiteral("config%1").arg(i)).value().first().id;
        (void)store.enqueueBuild(pendingBuild(QStringLiteral("config%1").arg(i),
                                              QStringLiteral("8"), now, platform));
        samples.queued.append(timed([&] { (void)service.buildsQueued(); }));
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int runs = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 3;
    Samples samples;
    for (int i = 0; i < runs; ++i) {
        if (!run(samples)) {
            out << "seeding the store failed\n";
            return 1;
        }
    }
    out << "failed polls " << samples.failures << ", builds assigned " << samples.builds << '\n';
    out << "MatchService on SQLite: " << configCount * 5 << " pending builds, " << agentCount
        << " idle agents, runs " << runs << '\n';
    out << "poll, empty queue (agent becomes idle)  median " << median(samples.idlePoll) << " ms\n";
    out << "full pass (runPass)                     median " << median(samples.pass) << " ms\n";
    out << "poll, no build matches                  median " << median(samples.noMatchPoll)
        << " ms\n";
    out << "poll, gets a build                      median " << median(samples.matchPoll)
        << " ms\n";
    out << "build queued (buildsQueued event)       median " << median(samples.queued) << " ms\n";
    return 0;
}
