// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/servecommand.h"
#include "bridge/commandspecs.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTextStream>

#include "bridge/bridgeconfig.h"
#include "bridge/bridgeservice.h"
#include "bridge/listenaddress.h"
#include "bridge/scheduler/repositorypoller.h"
#include "bridge/store/sqlstore.h"
#include "bridge/subcommands.h"
#include "bridge/web/webfrontend.h"
#include "core/helpwriter.h"

namespace Bridge {

namespace {

QString usage()
{
    return Core::HelpWriter::write(CommandSpecs::serve());
}

Core::Error usageError(const QString &message)
{
    return Core::makeError(Core::ErrorCode::InvalidArgument, message);
}

Core::Result<void> parseListen(const QString &text, ServeOptions &options)
{
    const std::optional<ListenAddress> listen = ListenAddress::parse(text);
    if (!listen)
        return usageError(QStringLiteral("Invalid --listen value \"%1\": expected HOST:PORT with "
                                         "an IP address.")
                                  .arg(text));
    options.address = listen->address;
    options.port = listen->port;
    return {};
}

void addOptions(QCommandLineParser &parser)
{
    CommandSpecs::serve().addOptionsTo(parser);
}

/// A non-negative number of seconds from option @p name (kept at its default when not set).
Core::Result<void> readSeconds(const QCommandLineParser &parser, const QString &name,
                               qint64 &seconds)
{
    if (!parser.isSet(name))
        return {};
    bool ok = false;
    seconds = parser.value(name).toLongLong(&ok);
    if (!ok || seconds < 0)
        return usageError(QStringLiteral("Invalid --%1 value \"%2\": expected seconds.")
                                  .arg(name, parser.value(name)));
    return {};
}

/// --preempt-rank-margin, a number above 0 (kept as the configuration file set it when not given).
Core::Result<void> readMargin(const QCommandLineParser &parser, std::optional<double> &margin)
{
    const QString name = QStringLiteral("preempt-rank-margin");
    if (!parser.isSet(name))
        return {};
    bool ok = false;
    const double number = parser.value(name).toDouble(&ok);
    if (!ok || !(number > 0) || !qIsFinite(number))
        return usageError(QStringLiteral("Invalid --%1 value \"%2\": expected a number above 0.")
                                  .arg(name, parser.value(name)));
    margin = number;
    return {};
}

/// Sets @p field from option @p name when it was given (a configuration file value stays else).
void setIfGiven(const QCommandLineParser &parser, const QString &name, QString &field)
{
    if (parser.isSet(name))
        field = parser.value(name);
}

Core::Result<void> fillPolling(const QCommandLineParser &parser, ServeOptions &options)
{
    setIfGiven(parser, QStringLiteral("api-tokens"), options.apiTokensFile);
    if (options.apiTokensFile.isEmpty() && !parser.isSet(QStringLiteral("api-tokens")))
        options.apiTokensFile = qEnvironmentVariable("BITTERN_API_TOKENS");
    setIfGiven(parser, QStringLiteral("repo"), options.repository);
    if (!options.repository.isEmpty()) {
        if (auto location = RepositoryLocation::parse(options.repository); !location)
            return location.error();
    }
    if (auto match = readSeconds(parser, QStringLiteral("match-interval"), options.matchInterval);
        !match)
        return match;
    if (auto margin = readMargin(parser, options.preemptRankMargin); !margin)
        return margin;
    return readSeconds(parser, QStringLiteral("poll-interval"), options.pollInterval);
}

Core::Result<void> fillOptions(const QCommandLineParser &parser, ServeOptions &options)
{
    setIfGiven(parser, QStringLiteral("db"), options.database);
    if (options.database.isEmpty())
        options.database = qEnvironmentVariable("BITTERN_DB", QStringLiteral("sqlite:bittern.db"));
    if (parser.isSet(QStringLiteral("listen"))) {
        if (auto listen = parseListen(parser.value(QStringLiteral("listen")), options); !listen)
            return listen;
    }
    setIfGiven(parser, QStringLiteral("tls-cert"), options.tlsCertificate);
    setIfGiven(parser, QStringLiteral("tls-key"), options.tlsKey);
    if (options.tlsCertificate.isEmpty() != options.tlsKey.isEmpty())
        return usageError(QStringLiteral("--tls-cert and --tls-key must be given together."));
    if (auto timeout = readSeconds(parser, QStringLiteral("slave-timeout"), options.slaveTimeout);
        !timeout)
        return timeout;
    setIfGiven(parser, QStringLiteral("users"), options.usersFile);
    setIfGiven(parser, QStringLiteral("data-dir"), options.dataDir);
    setIfGiven(parser, QStringLiteral("public-url"), options.publicUrl);
    setIfGiven(parser, QStringLiteral("config"), options.configFile);
    return fillPolling(parser, options);
}

Core::Result<QByteArray> readFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Core::makeError(
                Core::ErrorCode::ReadFailed,
                QStringLiteral("Could not read %1 %2: %3.").arg(what, path, file.errorString()));
    }
    return file.readAll();
}

Core::Result<ServiceSettings> serviceSettings(const ServeOptions &options)
{
    ServiceSettings settings;
    settings.address = options.address;
    settings.port = options.port;
    settings.slaveTimeout = options.slaveTimeout;
    settings.publicUrl = options.publicUrl;
    settings.repository = options.repository;
    settings.pollInterval = options.pollInterval;
    settings.matchInterval = options.matchInterval;
    settings.preemptRankMargin = options.preemptRankMargin;
    settings.buildAll = options.buildAll;
    settings.stabilizeWait = options.stabilizeWait;
    settings.attachmentDir
            = QDir(options.dataDir.isEmpty() ? QStringLiteral("bittern-data") : options.dataDir)
                      .absoluteFilePath(QStringLiteral("attachments"));
    if (!options.tlsCertificate.isEmpty()) {
        auto certificate = readFile(options.tlsCertificate, QStringLiteral("TLS certificate"));
        auto key = readFile(options.tlsKey, QStringLiteral("TLS key"));
        if (!certificate)
            return certificate.error();
        if (!key)
            return key.error();
        settings.tlsCertificate = certificate.value();
        settings.tlsKey = key.value();
    }
    if (!options.usersFile.isEmpty()) {
        auto text = readFile(options.usersFile, QStringLiteral("users file"));
        if (!text)
            return text.error();
        auto authenticator = SlaveAuthenticator::fromUsersFile(text.value());
        if (!authenticator)
            return authenticator.error();
        settings.authenticator = authenticator.value();
    }
    Core::Result<TokenTable> tokens = WebFrontend::loadTokens(options.apiTokensFile);
    if (!tokens)
        return tokens.error();
    settings.apiTokens = tokens.value();
    return settings;
}

/// The configuration file's values as the starting point of the command line.
ServeOptions optionsFromConfig(const BridgeConfig &config)
{
    ServeOptions options;
    options.database = config.database;
    options.address = config.address;
    options.port = config.port;
    options.tlsCertificate = config.tlsCertificate;
    options.tlsKey = config.tlsKey;
    options.slaveTimeout = config.slaveTimeout;
    options.usersFile = config.usersFile;
    options.dataDir = config.dataDir;
    options.publicUrl = config.publicUrl;
    options.apiTokensFile = config.apiTokensFile;
    options.repository = config.repository;
    options.pollInterval = config.pollInterval;
    options.matchInterval = config.matchInterval;
    options.preemptRankMargin = config.preemptRankMargin;
    options.buildAll = config.buildAll;
    options.stabilizeWait = config.stabilizeWait;
    return options;
}

/// Reads and checks the --config file: warnings go to @p err, errors stop the start.
Core::Result<BridgeConfig> readConfig(const QString &fileName, QTextStream &err)
{
    auto data = readFile(fileName, QStringLiteral("configuration file"));
    if (!data)
        return data.error();
    const BridgeConfigReading reading = BridgeConfig::read(data.value());
    for (const ConfigDiagnostic &diagnostic : reading.diagnostics)
        err << "bittern serve: " << diagnostic.toString(fileName) << '\n';
    err.flush(); // warnings show before the daemon runs
    if (reading.hasErrors())
        return Core::makeError(Core::ErrorCode::InvalidInput,
                               QStringLiteral("The configuration file %1 has errors; nothing was "
                                              "started.")
                                       .arg(fileName));
    return reading.config;
}

/// The configuration named by --config in @p arguments (none: the defaults; not read for --help).
Core::Result<BridgeConfig> configFor(const QStringList &arguments, QTextStream &err)
{
    const QString fileName = serveConfigFile(arguments);
    const bool help = arguments.contains(QLatin1String("--help"))
            || arguments.contains(QLatin1String("-h"));
    if (fileName.isEmpty() || help)
        return BridgeConfig();
    return readConfig(fileName, err);
}

} // namespace

QString serveConfigFile(const QStringList &arguments)
{
    const QString prefix = QStringLiteral("--config=");
    for (int i = 0; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--config"))
            return arguments.value(i + 1);
        if (arguments.at(i).startsWith(prefix))
            return arguments.at(i).mid(prefix.size());
    }
    return {};
}

Core::Result<ServeOptions> parseServeOptions(const QStringList &arguments)
{
    return parseServeOptions(arguments, BridgeConfig());
}

Core::Result<ServeOptions> parseServeOptions(const QStringList &arguments,
                                             const BridgeConfig &config)
{
    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(QStringList{QStringLiteral("bittern serve")} + arguments))
        return usageError(parser.errorText());
    ServeOptions options = optionsFromConfig(config);
    if (parser.isSet(QStringLiteral("help"))) {
        options.help = true;
        return options;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("Unexpected argument \"%1\".")
                                  .arg(parser.positionalArguments().first()));
    if (auto filled = fillOptions(parser, options); !filled)
        return filled.error();
    return options;
}

int runServe(const QStringList &arguments)
{
    QTextStream err(stderr);
    const auto config = configFor(arguments.mid(1), err);
    if (!config) {
        err << "bittern serve: " << config.error().message << '\n';
        return int(ExitCode::Usage);
    }
    auto options = parseServeOptions(arguments.mid(1), config.value());
    if (!options) {
        err << "bittern serve: " << options.error().message << '\n' << usage();
        return int(ExitCode::Usage);
    }
    if (options.value().help) {
        QTextStream(stdout) << usage();
        return int(ExitCode::Success);
    }
    auto settings = serviceSettings(options.value());
    if (!settings) {
        err << "bittern serve: " << settings.error().message << '\n';
        return int(ExitCode::Usage);
    }
    auto store = SqlStore::open(options.value().database);
    if (!store) {
        err << "bittern serve: " << store.error().message << '\n';
        return int(ExitCode::Server);
    }
    const QString storeName = store.value()->displayName();
    BridgeService service(std::move(store).value(), settings.value());
    if (auto started = service.start(); !started) {
        err << "bittern serve: " << started.error().message << '\n';
        return int(ExitCode::Server);
    }
    service.watchSignals();
    QObject::connect(&service, &BridgeService::stopped, QCoreApplication::instance(),
                     &QCoreApplication::quit);
    QTextStream(stdout) << "bittern serve: listening on " << service.baseUrl() << " (store "
                        << storeName << ")" << Qt::endl;
    const int status = QCoreApplication::exec();
    QTextStream(stdout) << "bittern serve: stopped" << Qt::endl;
    return status == 0 ? int(ExitCode::Success) : int(ExitCode::Server);
}

} // namespace Bridge
