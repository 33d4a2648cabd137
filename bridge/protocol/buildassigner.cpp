// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/protocol/buildassigner.h"

#include <QRegularExpression>

#include "bridge/store/store.h"

namespace Bridge {

bool BuildAssigner::matches(const TargetPlatform &platform,
                            const QHash<QString, QString> &properties)
{
    for (const PlatformRule &rule : platform.rules) {
        const QString value = properties.value(rule.property);
        if (value.isEmpty())
            return false;
        // Python re.match: anchored at the start only.
        const QRegularExpression pattern(QStringLiteral("\\A(?:%1)").arg(rule.pattern),
                                         QRegularExpression::CaseInsensitiveOption);
        if (!pattern.isValid() || !pattern.match(value).hasMatch())
            return false;
    }
    return true;
}

Core::Result<std::optional<Build>> BuildAssigner::assign(Store &store, const SlaveInfo &slave)
{
    QHash<QString, QString> properties;
    for (const auto &property : slave.properties)
        properties.insert(property.first, property.second);
    auto platforms = store.platforms(QString());
    if (!platforms)
        return platforms.error();
    QHash<qint64, bool> matching;
    for (const TargetPlatform &platform : platforms.value())
        matching.insert(platform.id, matches(platform, properties));
    auto pending = store.pendingBuilds();
    if (!pending)
        return pending.error();
    for (const Build &build : pending.value()) {
        if (!matching.value(build.platform))
            continue;
        auto config = store.configuration(build.config);
        if (!config || !config.value().active)
            continue;
        auto assigned = store.assignBuild(build.id, slave);
        if (assigned)
            return std::optional<Build>(assigned.value());
        if (assigned.error().code != Core::ErrorCode::Conflict)
            return assigned.error();
    }
    return std::optional<Build>();
}

} // namespace Bridge
