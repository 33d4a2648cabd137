// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/matchmaker/storeads.h"

#include "bridge/store/store.h"
#include "core/machinead.h"

namespace Bridge {

namespace {

const QString tokenProperty = QStringLiteral("token");

} // namespace

Core::Result<MatchCatalog> StoreAds::loadCatalog(Store &store)
{
    const auto configs = store.configurations();
    if (!configs)
        return configs.error();
    const auto platforms = store.platforms(QString());
    if (!platforms)
        return platforms.error();
    auto policies = store.matchPolicies();
    if (!policies)
        return policies.error();
    MatchCatalog catalog;
    for (const Configuration &config : configs.value())
        catalog.configurations.insert(config.name, config);
    for (const TargetPlatform &platform : platforms.value())
        catalog.platforms.insert(platform.id, platform);
    catalog.policies = std::move(policies).value();
    return catalog;
}

Core::JobDescription StoreAds::describe(const Build &build, const MatchCatalog &catalog)
{
    Core::JobDescription job;
    job.buildId = build.id;
    job.config = build.config;
    job.revision = build.revision;
    job.revisionTime = build.revisionTime;
    const MatchExpressions config = catalog.policies.configurations.value(build.config);
    job.configRequirements = config.requirements;
    job.configRank = config.rank;
    const auto platform = catalog.platforms.constFind(build.platform);
    if (platform != catalog.platforms.constEnd()) {
        job.platform = platform->name;
        for (const PlatformRule &rule : platform->rules)
            job.rules.append({rule.property, rule.pattern});
    }
    const MatchExpressions own = catalog.policies.platforms.value(build.platform);
    job.platformRequirements = own.requirements;
    job.platformRank = own.rank;
    return job;
}

Core::Result<Core::ClassAd> StoreAds::jobAd(const Build &build, const MatchCatalog &catalog)
{
    return Core::JobAd::build(describe(build, catalog), Core::BittenRuleCase::Insensitive);
}

Core::ClassAd StoreAds::machineAd(const SlaveInfo &slave, const std::optional<Core::ClassAd> &own)
{
    if (!own) {
        QHash<QString, QString> properties{{QStringLiteral("name"), slave.name}};
        for (const auto &property : slave.properties) {
            if (property.first != tokenProperty)
                properties.insert(property.first, property.second);
        }
        return Core::MachineAd::fromProperties(properties);
    }
    Core::ClassAd ad = *own;
    // The registration is what Bitten's rules read; the agent's ad carries the same values
    // but not ipnr, which only the master sees.
    for (const auto &property : slave.properties) {
        if (property.first != tokenProperty)
            ad.insertValue(Core::MachineAd::attributeName(property.first),
                           Core::ClassAdValue::string(property.second));
    }
    ad.insertValue(QStringLiteral("Name"), Core::ClassAdValue::string(slave.name));
    return ad;
}

Core::ClassAd StoreAds::machineAd(const Agent &agent, const QString &adText)
{
    SlaveInfo slave;
    slave.name = agent.name;
    slave.properties = agent.properties;
    std::optional<Core::ClassAd> own;
    if (!adText.isEmpty()) {
        auto parsed = Core::ClassAd::parse(adText);
        if (parsed)
            own = parsed.value();
    }
    return machineAd(slave, own);
}

} // namespace Bridge
