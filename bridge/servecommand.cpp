// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/servecommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTextStream>

#include "bridge/bridgeservice.h"
#include "bridge/scheduler/repositorypoller.h"
#include "bridge/store/sqlstore.h"
#include "bridge/subcommands.h"
#include "bridge/web/webfrontend.h"

namespace Bridge {

namespace {

const char usage[]
        = "usage: bittern serve [--db sqlite:PATH|postgresql://USER:PASSWORD@HOST:PORT/DB]\n"
          "                     [--listen HOST:PORT] [--tls-cert FILE --tls-key FILE]\n"
          "                     [--slave-timeout SECONDS] [--users FILE] [--data-dir DIR]\n"
          "                     [--public-url URL] [--api-tokens FILE]\n"
          "                     [--repo git:URL|svn:URL|hg:URL] [--poll-interval SECONDS]\n"
          "Runs the Bitten-compatible master: slaves poll URL/builds (protocol v5);\n"
          "build pages at URL/build/CONFIG/ID. The default store is $BITTERN_DB or\n"
          "sqlite:bittern.db. --users: one user:password ({SHA256}hex) per line.\n"
          "--api-tokens (default $BITTERN_API_TOKENS): REST API tokens, TOKEN ROLE NAME\n"
          "per line. --repo: on slave polls, at most once per --poll-interval (default\n"
          "60) seconds, queue new revisions of each active configuration's path.\n";

Core::Error usageError(const QString &message)
{
    return Core::makeError(Core::ErrorCode::InvalidArgument, message);
}

Core::Result<void> parseListen(const QString &text, ServeOptions &options)
{
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    QString host = colon < 0 ? QString() : text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    const QHostAddress address(host);
    if (colon < 0 || !ok || port > 65535 || address.isNull())
        return usageError(QStringLiteral("Invalid --listen value \"%1\": expected HOST:PORT with "
                                         "an IP address.")
                                  .arg(text));
    options.address = address;
    options.port = quint16(port);
    return {};
}

void addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
            {QStringLiteral("db"), QStringLiteral("Store location."), QStringLiteral("DB")},
            {QStringLiteral("listen"), QStringLiteral("Address and port."),
             QStringLiteral("HOST:PORT")},
            {QStringLiteral("tls-cert"), QStringLiteral("PEM certificate."),
             QStringLiteral("FILE")},
            {QStringLiteral("tls-key"), QStringLiteral("PEM private key."), QStringLiteral("FILE")},
            {QStringLiteral("slave-timeout"), QStringLiteral("Orphan timeout."),
             QStringLiteral("S")},
            {QStringLiteral("users"), QStringLiteral("Slave users file."), QStringLiteral("FILE")},
            {QStringLiteral("data-dir"), QStringLiteral("Attachment directory."),
             QStringLiteral("DIR")},
            {QStringLiteral("public-url"), QStringLiteral("Base URL for slaves."),
             QStringLiteral("URL")},
            {QStringLiteral("api-tokens"), QStringLiteral("REST API tokens file."),
             QStringLiteral("FILE")},
            {QStringLiteral("repo"), QStringLiteral("Repository to poll."), QStringLiteral("REPO")},
            {QStringLiteral("poll-interval"), QStringLiteral("Least seconds between pollings."),
             QStringLiteral("S")},
            {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Shows this help.")},
    });
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

Core::Result<void> fillPolling(const QCommandLineParser &parser, ServeOptions &options)
{
    options.apiTokensFile = parser.isSet(QStringLiteral("api-tokens"))
            ? parser.value(QStringLiteral("api-tokens"))
            : qEnvironmentVariable("BITTERN_API_TOKENS");
    options.repository = parser.value(QStringLiteral("repo"));
    if (!options.repository.isEmpty()) {
        if (auto location = RepositoryLocation::parse(options.repository); !location)
            return location.error();
    }
    return readSeconds(parser, QStringLiteral("poll-interval"), options.pollInterval);
}

Core::Result<void> fillOptions(const QCommandLineParser &parser, ServeOptions &options)
{
    options.database = parser.value(QStringLiteral("db"));
    if (options.database.isEmpty())
        options.database = qEnvironmentVariable("BITTERN_DB", QStringLiteral("sqlite:bittern.db"));
    if (parser.isSet(QStringLiteral("listen"))) {
        if (auto listen = parseListen(parser.value(QStringLiteral("listen")), options); !listen)
            return listen;
    }
    options.tlsCertificate = parser.value(QStringLiteral("tls-cert"));
    options.tlsKey = parser.value(QStringLiteral("tls-key"));
    if (options.tlsCertificate.isEmpty() != options.tlsKey.isEmpty())
        return usageError(QStringLiteral("--tls-cert and --tls-key must be given together."));
    if (auto timeout = readSeconds(parser, QStringLiteral("slave-timeout"), options.slaveTimeout);
        !timeout)
        return timeout;
    options.usersFile = parser.value(QStringLiteral("users"));
    options.dataDir = parser.value(QStringLiteral("data-dir"));
    options.publicUrl = parser.value(QStringLiteral("public-url"));
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

} // namespace

Core::Result<ServeOptions> parseServeOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(QStringList{QStringLiteral("bittern serve")} + arguments))
        return usageError(parser.errorText());
    ServeOptions options;
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
    auto options = parseServeOptions(arguments.mid(1));
    if (!options) {
        err << "bittern serve: " << options.error().message << '\n' << usage;
        return int(ExitCode::Usage);
    }
    if (options.value().help) {
        QTextStream(stdout) << usage;
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
