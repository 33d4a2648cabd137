// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/cioptions.h"

#include <QCommandLineParser>

#include "bridge/commandspecs.h"
#include "core/helpwriter.h"

namespace Bridge {

namespace {

Core::Error usage(const QString &message)
{
    return Core::makeError(Core::ErrorCode::InvalidArgument, message);
}

void addOptions(QCommandLineParser &parser, CiOptions::Action action)
{
    const Core::ProgramSpec spec
            = action == CiOptions::Action::Push ? CommandSpecs::push() : CommandSpecs::run();
    spec.addOptionsTo(parser);
}

Core::Result<void> parseServer(const QString &text, CiOptions &options)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme();
    const int plus = scheme.indexOf(QLatin1Char('+'));
    const QString kind = scheme.left(plus);
    const QString transport = scheme.mid(plus + 1);
    if (!url.isValid() || plus < 0 || url.host().isEmpty()
        || (transport != QLatin1String("http") && transport != QLatin1String("https"))
        || (kind != QLatin1String("buildbot") && kind != QLatin1String("jenkins"))) {
        return usage(QStringLiteral("Invalid --ci URL \"%1\": expected buildbot+http://HOST:PORT "
                                    "or jenkins+https://HOST/…")
                             .arg(url.toDisplayString(QUrl::RemovePassword)));
    }
    options.server = kind == QLatin1String("buildbot") ? CiOptions::Server::Buildbot
                                                       : CiOptions::Server::Jenkins;
    if (options.server == CiOptions::Server::Jenkins && !url.userInfo().isEmpty())
        return usage(QStringLiteral("The --ci URL must not contain a user name or password for "
                                    "Jenkins; use BITTERN_JENKINS_USER and BITTERN_JENKINS_TOKEN "
                                    "or a credentials file."));
    if (!url.userName().isEmpty()) {
        options.user = url.userName();
        options.password = url.password();
    }
    QUrl server = url.adjusted(QUrl::RemoveUserInfo);
    server.setScheme(transport);
    options.url = server;
    return {};
}

Core::Result<Translator::StrategyChoice> parseStrategy(const QString &text)
{
    if (text.isEmpty() || text == QLatin1String("auto"))
        return Translator::StrategyChoice::Auto;
    if (text == QLatin1String("agent"))
        return Translator::StrategyChoice::Agent;
    if (text == QLatin1String("native"))
        return Translator::StrategyChoice::Native;
    return usage(
            QStringLiteral("Invalid --strategy \"%1\": expected auto, agent or native.").arg(text));
}

Core::Result<void> fillAction(const QCommandLineParser &parser, CiOptions &options)
{
    const QString name = options.action == CiOptions::Action::Push ? QStringLiteral("push")
                                                                   : QStringLiteral("run");
    if (options.configurations.isEmpty())
        return usage(QStringLiteral("bittern %1 needs at least one configuration.").arg(name));
    options.database = parser.value(QStringLiteral("db"));
    if (options.action == CiOptions::Action::Run) {
        if (options.configurations.size() != 1)
            return usage(QStringLiteral("bittern run takes exactly one configuration."));
        options.revision = parser.value(QStringLiteral("rev"));
        options.platform = parser.value(QStringLiteral("platform"));
        options.requestId = parser.value(QStringLiteral("request-id"));
        return {};
    }
    options.folder = parser.value(QStringLiteral("folder"));
    options.jenkinsLibrary = parser.value(QStringLiteral("jenkins-library"));
    options.dataDir = parser.value(QStringLiteral("data-dir"));
    options.masterDir = parser.value(QStringLiteral("master-dir"));
    if (options.server == CiOptions::Server::Buildbot && options.dataDir.isEmpty())
        return usage(QStringLiteral("bittern push --ci buildbot+… needs --data-dir DIR "
                                    "(the directory the master's configure() reads)."));
    const auto strategy = parseStrategy(parser.value(QStringLiteral("strategy")));
    if (!strategy)
        return strategy.error();
    options.strategy = strategy.value();
    return {};
}

} // namespace

Core::Result<CiOptions> CiOptions::parse(const QStringList &arguments, const QString &envUser,
                                         const QString &envPassword)
{
    CiOptions options;
    options.action = arguments.value(0) == QLatin1String("run") ? Action::Run : Action::Push;
    QCommandLineParser parser;
    addOptions(parser, options.action);
    if (!parser.parse(QStringList{QStringLiteral("bittern")} + arguments))
        return usage(parser.errorText() + QLatin1Char('.'));
    if (parser.isSet(QStringLiteral("help"))) {
        options.help = true;
        return options;
    }
    if (!parser.isSet(QStringLiteral("ci")))
        return usage(QStringLiteral("bittern %1 needs --ci URL.").arg(arguments.value(0)));
    options.user = envUser;
    options.password = envPassword;
    if (auto server = parseServer(parser.value(QStringLiteral("ci")), options); !server)
        return server.error();
    if (parser.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        options.timeoutSeconds = parser.value(QStringLiteral("timeout")).toInt(&ok);
        if (!ok || options.timeoutSeconds <= 0)
            return usage(QStringLiteral("Invalid --timeout \"%1\": expected a positive number "
                                        "of seconds.")
                                 .arg(parser.value(QStringLiteral("timeout"))));
    }
    options.credentialsFile = parser.value(QStringLiteral("credentials"));
    if (parser.isSet(QStringLiteral("scheduler")))
        options.scheduler = parser.value(QStringLiteral("scheduler"));
    options.configurations = parser.positionalArguments().mid(1);
    if (auto filled = fillAction(parser, options); !filled)
        return filled.error();
    return options;
}

QString CiOptions::helpText(Action action)
{
    return Core::HelpWriter::write(action == Action::Push ? CommandSpecs::push()
                                                          : CommandSpecs::run());
}

} // namespace Bridge
