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

#include "core/inifile.h"
#include "core/slaveproperties.h"
#include "slave-agent/agentcli.h"

namespace Agent {

namespace {

const char usage[]
        = "usage: bittern-agent poll URL... [-f slave.ini] [--name N] [--single] [--no-loop]\n"
          "                          [--interval S] [--keepalive-interval S] [--spool-dir D]\n"
          "                          [--work-dir D] [--build-dir PATTERN] [--keep-files]\n"
          "                          [-u USER] [-p PASSWORD] [-D name=value]...\n"
          "Takes builds from Bitten-compatible masters (protocol v5) and runs them.\n"
          "Exit status: 0 done, 1 stopped (SIGINT/SIGTERM; the build is cancelled), 2 usage,\n"
          "69 HTTP error from the master, 74 configuration or spool error, 76 unexpected\n"
          "response.\n";

Core::Result<Core::SlaveProperties> slaveProperties(const PollOptions &options)
{
    Core::SlaveProperties properties = Core::SlaveProperties::detect();
    if (!options.configFile.isEmpty()) {
        QFile file(options.configFile);
        if (!file.open(QIODevice::ReadOnly)) {
            return Core::makeError(Core::ErrorCode::ReadFailed,
                                   QStringLiteral("Could not open slave configuration %1: %2.")
                                           .arg(options.configFile, file.errorString()));
        }
        auto ini = Core::IniFile::parse(file.readAll());
        if (!ini) {
            return Core::makeError(ini.error().code,
                                   QStringLiteral("Could not read slave configuration %1: %2")
                                           .arg(options.configFile, ini.error().toString()));
        }
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
    return settings;
}

int PollCli::execute(const QStringList &arguments)
{
    std::signal(SIGPIPE, SIG_IGN);
    auto options = parsePollOptions(arguments);
    if (!options) {
        std::fprintf(stderr, "bittern-agent: %s\n%s", qUtf8Printable(options.error().message),
                     usage);
        return int(ExitCode::UsageError);
    }
    if (options.value().help) {
        std::fputs(usage, stdout);
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
