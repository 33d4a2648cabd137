// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/bridge/matchtestsupport.h"

using namespace Bridge;

bool addConfigurations(Store &store, const QStringList &names)
{
    for (const QString &name : names) {
        Configuration config;
        config.name = name;
        config.path = name;
        config.active = true;
        config.recipe = "<build><step id=\"s\"/></build>";
        if (!store.saveConfiguration(config))
            return false;
    }
    return true;
}

qint64 queueBuild(Store &store, const QString &config, qint64 platform, const QString &revision,
                  qint64 revisionTime)
{
    Build build;
    build.config = config;
    build.platform = platform;
    build.revision = revision;
    build.revisionTime = revisionTime;
    const auto id = store.enqueueBuild(build);
    return id ? id.value() : 0;
}

std::optional<Build> assignedBuild(MatchService &service, const SlaveInfo &slave,
                                   const std::optional<Core::ClassAd> &ad)
{
    const auto assignment = service.assign(slave, ad);
    if (!assignment) {
        qWarning("%s", qPrintable(assignment.error().message));
        return std::nullopt;
    }
    return assignment.value().build;
}
