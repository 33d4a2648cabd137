// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/bridge/processtestsupport.h"

using namespace Bridge;

std::unique_ptr<SqlStore> openStore(const QString &location)
{
    auto opened = SqlStore::open(location);
    if (!opened) {
        qWarning("%s", qPrintable(opened.error().message));
        return nullptr;
    }
    return std::move(opened).value();
}

bool seedBuilds(const QString &location, const QByteArray &recipe, int count)
{
    const std::unique_ptr<SqlStore> store = openStore(location);
    if (!store)
        return false;
    for (int i = 1; i <= count; ++i) {
        Configuration config;
        config.name = QStringLiteral("demo%1").arg(i);
        config.label = config.name;
        config.path = "trunk";
        config.active = true;
        config.recipe = recipe;
        if (!store->saveConfiguration(config))
            return false;
        TargetPlatform platform;
        platform.config = config.name;
        platform.name = "any";
        const auto platformId = store->savePlatform(platform);
        if (!platformId)
            return false;
        Build build;
        build.config = config.name;
        build.revision = "7";
        build.revisionTime = 1700000000 + i;
        build.platform = platformId.value();
        if (!store->enqueueBuild(build))
            return false;
    }
    return true;
}

bool writeWaitScript(const TestLib::BridgeHarness &bridge, const QByteArray &then)
{
    const QByteArray script = "echo $$ > " + bridge.filePath("wait.pid").toUtf8()
            + "\nwhile [ ! -f " + bridge.filePath("marker").toUtf8() + " ]; do sleep 0.05; done\n"
            + then;
    return TestLib::BridgeHarness::writeFile(bridge.filePath("wait.sh"), script);
}
