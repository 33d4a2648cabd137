// SPDX-License-Identifier: GPL-3.0-or-later
// Step results ingested per second through Bridge::Store (what POST /builds/ID/steps/ does
// after parsing): BUILDS builds of a 10-step recipe, each step with a 20-line log.
// Usage: bench_ingest DB_LOCATION [BUILDS]   (sqlite:PATH or postgresql://…)
#include <cstdio>

#include <QCoreApplication>
#include <QElapsedTimer>

#include "bridge/store/sqlstore.h"

using namespace Bridge;

namespace {

constexpr int stepsPerBuild = 10;
constexpr int linesPerLog = 20;

QByteArray recipe()
{
    QByteArray xml = "<build xmlns:sh=\"http://bitten.edgewall.org/tools/sh\">";
    for (int i = 0; i < stepsPerBuild; ++i)
        xml += "<step id=\"s" + QByteArray::number(i) + "\"><sh:exec executable=\"true\"/></step>";
    return xml + "</build>";
}

Core::StepResult stepResult(int index)
{
    Core::StepResult result;
    result.step = QStringLiteral("s%1").arg(index);
    Core::StepLog log;
    log.generator = QStringLiteral("http://bitten.edgewall.org/tools/sh#exec");
    for (int i = 0; i < linesPerLog; ++i)
        log.messages.append(
                {QStringLiteral("info"), QStringLiteral("line %1 of the step output").arg(i)});
    result.logs.append(log);
    return result;
}

qint64 startedBuild(Store &store, qint64 platform, int revision)
{
    Build build;
    build.config = QStringLiteral("cfg");
    build.revision = QString::number(revision);
    build.revisionTime = revision;
    build.platform = platform;
    const auto id = store.enqueueBuild(build);
    SlaveInfo slave;
    slave.name = QStringLiteral("bench");
    slave.properties = {{QStringLiteral("name"), QStringLiteral("bench")},
                        {QStringLiteral("token"), QStringLiteral("t")}};
    if (!id || !store.assignBuild(id.value(), slave, 1)
        || !store.startBuild(id.value(), QStringLiteral("t"), 1))
        return 0;
    return id.value();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2)
        return 2;
    const int builds = args.size() > 2 ? args.at(2).toInt() : 200;
    auto opened = SqlStore::open(args.at(1));
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    Store &store = *opened.value();
    Configuration config;
    config.name = QStringLiteral("cfg");
    config.path = QStringLiteral("trunk");
    config.active = true;
    config.recipe = recipe();
    TargetPlatform platform;
    platform.config = config.name;
    platform.name = QStringLiteral("any");
    if (!store.saveConfiguration(config))
        return 1;
    const auto platformId = store.savePlatform(platform);
    if (!platformId)
        return 1;
    qint64 elapsed = 0;
    for (int b = 1; b <= builds; ++b) {
        const qint64 id = startedBuild(store, platformId.value(), b);
        if (id == 0)
            return 1;
        QElapsedTimer timer;
        timer.start();
        for (int s = 0; s < stepsPerBuild; ++s) {
            if (!store.storeStepResult(id, QStringLiteral("t"), stepResult(s), 2 + s))
                return 1;
        }
        elapsed += timer.nsecsElapsed();
    }
    const double steps = double(builds) * stepsPerBuild;
    std::printf("%s: %.0f step results in %.3f s: %.0f steps/s\n", qPrintable(args.at(1)), steps,
                double(elapsed) / 1e9, steps * 1e9 / double(elapsed));
    return 0;
}
