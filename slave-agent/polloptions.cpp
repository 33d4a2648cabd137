// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/polloptions.h"

#include <QCommandLineParser>

#include "slave-agent/agentcommandspecs.h"

namespace Agent {

namespace {

Core::Error usageError(const QString &message)
{
    return Core::makeError(Core::ErrorCode::InvalidArgument, message);
}

void addOptions(QCommandLineParser &parser)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    AgentCommandSpecs::poll().addOptionsTo(parser);
}

Core::Result<int> seconds(const QCommandLineParser &parser, const QString &name, int fallback)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < 0) {
        return usageError(QStringLiteral("Invalid --%1 value \"%2\": expected seconds.")
                                  .arg(name, parser.value(name)));
    }
    return value;
}

Core::Result<void> fill(const QCommandLineParser &parser, PollOptions &options)
{
    options.configFile = parser.value(QStringLiteral("config"));
    options.name = parser.value(QStringLiteral("name"));
    options.workDir = parser.value(QStringLiteral("work-dir"));
    if (parser.isSet(QStringLiteral("build-dir")))
        options.buildDirPattern = parser.value(QStringLiteral("build-dir"));
    options.keepFiles = parser.isSet(QStringLiteral("keep-files")) ? KeepFiles::Yes : KeepFiles::No;
    if (parser.isSet(QStringLiteral("single")))
        options.loop = PollLoop::Single;
    else if (parser.isSet(QStringLiteral("no-loop")))
        options.loop = PollLoop::UntilIdle;
    options.spoolDir = parser.value(QStringLiteral("spool-dir"));
    options.user = parser.value(QStringLiteral("user"));
    options.password = parser.value(QStringLiteral("password"));
    auto interval = seconds(parser, QStringLiteral("interval"), 300);
    auto keepalive = seconds(parser, QStringLiteral("keepalive-interval"), 60);
    if (!interval)
        return interval.error();
    if (!keepalive)
        return keepalive.error();
    options.intervalSeconds = interval.value();
    options.keepaliveSeconds = keepalive.value();
    for (const QString &value : parser.values(QStringLiteral("D"))) {
        const int equals = value.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return usageError(
                    QStringLiteral("Invalid property \"%1\": expected name=value.").arg(value));
        options.properties.append({value.left(equals).trimmed(), value.mid(equals + 1)});
    }
    return {};
}

} // namespace

QString buildsUrl(const QString &url)
{
    QString result = url;
    while (result.endsWith(QLatin1Char('/')))
        result.chop(1);
    if (!result.endsWith(QLatin1String("/builds")))
        result += QLatin1String("/builds");
    return result;
}

Core::Result<PollOptions> parsePollOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(QStringList{QStringLiteral("bittern-agent poll")} + arguments))
        return usageError(parser.errorText());
    PollOptions options;
    if (parser.isSet(QStringLiteral("help"))) {
        options.help = true;
        return options;
    }
    for (const QString &url : parser.positionalArguments()) {
        if (!url.startsWith(QLatin1String("http://")) && !url.startsWith(QLatin1String("https://")))
            return usageError(
                    QStringLiteral("Invalid master URL \"%1\": expected http:// or https://.")
                            .arg(url));
        options.urls.append(buildsUrl(url));
    }
    if (options.urls.isEmpty())
        return usageError(QStringLiteral("The poll subcommand needs at least one master URL."));
    if (auto filled = fill(parser, options); !filled)
        return filled.error();
    return options;
}

} // namespace Agent
