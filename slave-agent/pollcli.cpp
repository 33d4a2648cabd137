// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/pollcli.h"

#include <csignal>
#include <cstdio>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include "core/helpwriter.h"
#include "core/inifile.h"
#include "core/machinead.h"
#include "core/ownerpolicy.h"
#include "core/slaveproperties.h"
#include "slave-agent/agentcli.h"
#include "slave-agent/agentcommandspecs.h"
#include "slave-agent/systemprobe.h"

namespace Agent {

namespace {

QString usage()
{
    return Core::HelpWriter::write(AgentCommandSpecs::poll());
}

Core::Result<Core::IniFile> readIni(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Core::makeError(Core::ErrorCode::ReadFailed,
                               QStringLiteral("Could not open slave configuration %1: %2.")
                                       .arg(path, file.errorString()));
    }
    auto ini = Core::IniFile::parse(file.readAll());
    if (!ini) {
        return Core::makeError(ini.error().code,
                               QStringLiteral("Could not read slave configuration %1: %2")
                                       .arg(path, ini.error().toString()));
    }
    return ini;
}

Core::Result<Core::SlaveProperties> slaveProperties(const PollOptions &options)
{
    Core::SlaveProperties properties = Core::SlaveProperties::detect();
    if (!options.configFile.isEmpty()) {
        auto ini = readIni(options.configFile);
        if (!ini)
            return ini.error();
        auto merged = Core::SlaveProperties::fromIni(ini.value(), properties);
        if (!merged)
            return merged.error();
        properties = merged.value();
    }
    QStringList definitions;
    for (const auto &property : options.properties)
        definitions.append(property.first + QLatin1Char('=') + property.second);
    if (auto applied = properties.applyOverrides(definitions); !applied)
        return applied.error();
    return properties;
}

/// The owner policy at this moment: the INI file is read again (an owner may edit it while
/// the agent runs) and the machine measured again.
Core::Result<Core::OwnerPolicyDecision>
evaluateOwnerPolicy(const PollOptions &options, const QString &name, const QString &workDir)
{
    auto ini = readIni(options.configFile);
    if (!ini)
        return ini.error();
    auto policy = Core::OwnerPolicy::fromIni(ini.value());
    if (!policy)
        return policy.error();
    auto properties = slaveProperties(options);
    if (!properties)
        return properties.error();
    const Core::SystemSnapshot snapshot = SystemProbe::read(workDir);
    const Core::ClassAd ad
            = Core::MachineAd::build(name, properties.value(), snapshot, policy.value());
    return policy.value().evaluate(ad, nullptr, snapshot.currentTime);
}

/// The machine ad sent with a poll (issue 8): the properties, a fresh SystemProbe snapshot and
/// the `[bittern]` policy, with the INI file read again as for the owner policy.
Core::Result<Core::ClassAd> machineAdNow(const PollOptions &options, const QString &name,
                                         const QString &workDir)
{
    Core::IniFile ini;
    if (!options.configFile.isEmpty()) {
        auto read = readIni(options.configFile);
        if (!read)
            return read.error();
        ini = read.value();
    }
    auto properties = slaveProperties(options);
    if (!properties)
        return properties.error();
    return Core::MachineAd::build(name, properties.value(), SystemProbe::read(workDir), ini);
}

/// `[bittern] policy_interval` (seconds, fractions allowed) in milliseconds; default 30 s.
Core::Result<int> policyInterval(const Core::IniFile &ini, const QString &path)
{
    const QString section = Core::OwnerPolicy::sectionName();
    const QString option = QStringLiteral("policy_interval");
    if (!ini.hasOption(section, option))
        return 30000;
    const QString text = ini.rawValue(section, option).trimmed();
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (!ok || seconds <= 0 || seconds > 86400) {
        return Core::makeError(Core::ErrorCode::InvalidInput,
                               QStringLiteral("Could not read slave configuration %1: [%2] %3 "
                                              "must be a number of seconds between 0 and 86400, "
                                              "not \"%4\".")
                                       .arg(path, section, option, text));
    }
    return qMax(1, int(seconds * 1000));
}

/// Sets up preemption (issue 8 item 5) when the configuration has a `[bittern]` section.
Core::Result<void> setUpOwnerPolicy(PollSettings *settings)
{
    const PollOptions options = settings->options;
    if (options.configFile.isEmpty())
        return {};
    auto ini = readIni(options.configFile);
    if (!ini)
        return ini.error();
    if (!ini.value().hasSection(Core::OwnerPolicy::sectionName()))
        return {};
    if (auto policy = Core::OwnerPolicy::fromIni(ini.value()); !policy)
        return policy.error();
    auto interval = policyInterval(ini.value(), options.configFile);
    if (!interval)
        return interval.error();
    settings->policyIntervalMilliseconds = interval.value();
    const QString name = settings->slaveName;
    const QString workDir = settings->workDir;
    settings->ownerPolicy
            = [options, name, workDir] { return evaluateOwnerPolicy(options, name, workDir); };
    return {};
}

QHash<QString, QString> environment()
{
    QHash<QString, QString> hash;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &key : env.keys())
        hash.insert(key, env.value(key));
    return hash;
}

} // namespace

QString PollCli::defaultName()
{
    return QHostInfo::localHostName().section(QLatin1Char('.'), 0, 0).toLower();
}

Core::Result<PollSettings> PollCli::settingsFor(const PollOptions &options, const QString &workDir)
{
    auto properties = slaveProperties(options);
    if (!properties)
        return properties.error();
    PollSettings settings;
    settings.options = options;
    if (settings.options.user.isEmpty()) {
        settings.options.user = properties.value().username();
        settings.options.password = properties.value().password();
    }
    settings.slaveName = options.name.isEmpty() ? defaultName() : options.name;
    settings.registration = properties.value().registrationXml(settings.slaveName);
    settings.properties = properties.value().toHash();
    Options runOptions;
    runOptions.configFile = options.configFile;
    auto config = AgentCli::loadConfig(runOptions);
    if (config)
        settings.externalCommands = config.value().externalCommands;
    settings.environment = environment();
    settings.workDir = workDir;
    settings.spoolDir = options.spoolDir.isEmpty() ? QDir(workDir).filePath(QStringLiteral("spool"))
                                                   : options.spoolDir;
    if (auto policy = setUpOwnerPolicy(&settings); !policy)
        return policy.error();
    // The machine ad (issue 8): checked once here, rebuilt for every poll.
    settings.machineAd = [options, name = settings.slaveName, workDir] {
        return machineAdNow(options, name, workDir);
    };
    if (auto ad = settings.machineAd(); !ad)
        return ad.error();
    return settings;
}

int PollCli::execute(const QStringList &arguments)
{
    std::signal(SIGPIPE, SIG_IGN);
    auto options = parsePollOptions(arguments);
    if (!options) {
        std::fprintf(stderr, "bittern-agent: %s\n%s", qUtf8Printable(options.error().message),
                     qUtf8Printable(usage()));
        return int(ExitCode::UsageError);
    }
    if (options.value().help) {
        std::fputs(qUtf8Printable(usage()), stdout);
        return int(ExitCode::Success);
    }
    QTemporaryDir temporary(QDir::temp().filePath(QStringLiteral("bittern-XXXXXX")));
    temporary.setAutoRemove(options.value().keepFiles == KeepFiles::No);
    const QString workDir = QFileInfo(options.value().workDir.isEmpty() ? temporary.path()
                                                                        : options.value().workDir)
                                    .absoluteFilePath();
    if (!QDir().mkpath(workDir)) {
        std::fprintf(stderr, "bittern-agent: Could not create the work directory %s.\n",
                     qUtf8Printable(workDir));
        return int(PollExit::IoError);
    }
    auto settings = settingsFor(options.value(), workDir);
    if (!settings) {
        std::fprintf(stderr, "bittern-agent: %s\n", qUtf8Printable(settings.error().message));
        return int(PollExit::IoError);
    }
    PollClient client(settings.value());
    QObject::connect(
            &client, &PollClient::finished, QCoreApplication::instance(),
            [](PollExit status) { QCoreApplication::exit(int(status)); },
            Qt::QueuedConnection); // also when start() already finishes
    client.installSignalHandlers();
    client.start();
    return QCoreApplication::exec();
}

} // namespace Agent
