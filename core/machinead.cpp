// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/machinead.h"

#include "core/inifile.h"
#include "core/ownerpolicy.h"
#include "core/slaveproperties.h"

namespace Core {

ClassAd MachineAd::build(const QString &agentName, const SlaveProperties &properties,
                         const SystemSnapshot &snapshot, const OwnerPolicy &policy)
{
    ClassAd ad;
    ad.insertValue(QStringLiteral("MyType"), ClassAdValue::string(QStringLiteral("Machine")));
    ad.insertValue(QStringLiteral("Name"), ClassAdValue::string(agentName));
    for (const QString &name : SlaveProperties::platformPropertyNames())
        ad.insertValue(attributeName(name), ClassAdValue::string(properties.value(name)));
    const QHash<QString, QString> all = properties.toHash();
    const QString ownSection = OwnerPolicy::sectionName() + QLatin1Char('.');
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        // The policy section is Bittern's own configuration, not a package.
        if (it.key().contains(QLatin1Char('.')) && !it.key().startsWith(ownSection))
            ad.insertValue(attributeName(it.key()), ClassAdValue::string(it.value()));
    }
    addSnapshot(&ad, snapshot);
    ad.insert(QStringLiteral("Rank"), policy.rank());
    ad.insert(QStringLiteral("Start"), policy.start());
    ad.insert(QStringLiteral("Suspend"), policy.suspend());
    ad.insert(QStringLiteral("Preempt"), policy.preempt());
    ad.insert(QStringLiteral("Kill"), policy.kill());
    ad.insert(QStringLiteral("Requirements"),
              policy.advertisedRequirements(ad, snapshot.currentTime));
    return ad;
}

Result<ClassAd> MachineAd::build(const QString &agentName, const SlaveProperties &properties,
                                 const SystemSnapshot &snapshot, const IniFile &ini)
{
    const auto policy = OwnerPolicy::fromIni(ini);
    if (!policy)
        return policy.error();
    return build(agentName, properties, snapshot, policy.value());
}

ClassAd MachineAd::fromProperties(const QHash<QString, QString> &properties)
{
    ClassAd ad;
    ad.insertValue(QStringLiteral("MyType"), ClassAdValue::string(QStringLiteral("Machine")));
    QStringList names = properties.keys();
    names.sort();
    for (const QString &name : names) {
        // The session token is a credential, not a property rules can use (bitten-spec §7.3).
        if (name != QLatin1String("token"))
            ad.insertValue(attributeName(name), ClassAdValue::string(properties.value(name)));
    }
    if (properties.contains(QStringLiteral("name")))
        ad.insertValue(QStringLiteral("Name"),
                       ClassAdValue::string(properties.value(QStringLiteral("name"))));
    ad.insertValue(QStringLiteral("Requirements"), ClassAdValue::boolean(true));
    return ad;
}

QString MachineAd::attributeName(const QString &property)
{
    QString name = property;
    for (QChar &c : name) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('_')) || c.unicode() > 127)
            c = QLatin1Char('_');
    }
    if (name.isEmpty() || name.at(0).isDigit())
        name.prepend(QLatin1Char('_'));
    return name;
}

void MachineAd::addSnapshot(ClassAd *ad, const SystemSnapshot &snapshot)
{
    ad->insertValue(QStringLiteral("Cpus"), ClassAdValue::integer(snapshot.cpus));
    ad->insertValue(QStringLiteral("Memory"), ClassAdValue::integer(snapshot.memoryMiB));
    ad->insertValue(QStringLiteral("FreeMemory"),
                    ClassAdValue::integer(snapshot.availableMemoryMiB));
    ad->insertValue(QStringLiteral("LoadAvg"), ClassAdValue::real(snapshot.loadAverage));
    ad->insertValue(QStringLiteral("FreeDisk"), ClassAdValue::integer(snapshot.freeDiskMiB));
    // Unknown idle time stays absent, so `ConsoleIdle > 900` is UNDEFINED rather than FALSE.
    if (snapshot.consoleIdleSeconds >= 0)
        ad->insertValue(QStringLiteral("ConsoleIdle"),
                        ClassAdValue::integer(snapshot.consoleIdleSeconds));
    ad->insertValue(QStringLiteral("ClockMin"),
                    ClassAdValue::integer(snapshot.minutesSinceMidnight));
    ad->insertValue(QStringLiteral("ClockHour"),
                    ClassAdValue::integer(snapshot.minutesSinceMidnight / 60));
    ad->insertValue(QStringLiteral("ClockDay"), ClassAdValue::integer(snapshot.dayOfWeek));
    ad->insertValue(QStringLiteral("CurrentTime"), ClassAdValue::integer(snapshot.currentTime));
}

} // namespace Core
