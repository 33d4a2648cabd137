// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/statuscommand.h"
#include "bridge/commandspecs.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QTextStream>

#include "bridge/store/sqlstore.h"
#include "bridge/subcommands.h"
#include "core/helpwriter.h"

namespace Bridge {

namespace {

QString usage()
{
    return Core::HelpWriter::write(CommandSpecs::status());
}

QString stepStatusName(StepStatus status)
{
    switch (status) {
    case StepStatus::InProgress:
        return QStringLiteral("in progress");
    case StepStatus::Success:
        return QStringLiteral("success");
    case StepStatus::Failure:
        return QStringLiteral("failure");
    }
    return QString();
}

QString time(qint64 seconds)
{
    return seconds == 0 ? QStringLiteral("-")
                        : QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

Core::Result<qint64> parseNumber(const QString &text, const QString &what)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value <= 0)
        return Core::makeError(
                Core::ErrorCode::InvalidArgument,
                QStringLiteral("The %1 \"%2\" is not a positive number.").arg(what, text));
    return value;
}

int exitCodeFor(const Core::Error &error)
{
    return error.code == Core::ErrorCode::Internal ? int(ExitCode::Server) : int(ExitCode::Usage);
}

} // namespace

QString statusName(BuildStatus status)
{
    switch (status) {
    case BuildStatus::Pending:
        return QStringLiteral("pending");
    case BuildStatus::InProgress:
        return QStringLiteral("in progress");
    case BuildStatus::Success:
        return QStringLiteral("success");
    case BuildStatus::Failure:
        return QStringLiteral("failure");
    }
    return QString();
}

QString formatBuildList(const QVector<Build> &builds, const QHash<qint64, QString> &platforms)
{
    QString text = QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                           .arg(QStringLiteral("BUILD"), -7)
                           .arg(QStringLiteral("CONFIG"), -20)
                           .arg(QStringLiteral("REVISION"), -12)
                           .arg(QStringLiteral("PLATFORM"), -14)
                           .arg(QStringLiteral("STATUS"), -12)
                           .arg(QStringLiteral("SLAVE"));
    for (const Build &build : builds)
        text += QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                        .arg(build.id, -7)
                        .arg(build.config, -20)
                        .arg(build.revision.left(12), -12)
                        .arg(platforms.value(build.platform, QStringLiteral("-")), -14)
                        .arg(statusName(build.status), -12)
                        .arg(build.slave.isEmpty() ? QStringLiteral("-") : build.slave);
    return text;
}

QString formatBuildDetail(const BuildDetail &detail)
{
    const Build &b = detail.build;
    QString text = QStringLiteral("Build %1: %2 at %3 on %4: %5\n")
                           .arg(b.id)
                           .arg(b.config, b.revision,
                                detail.platform.name.isEmpty() ? QStringLiteral("-")
                                                               : detail.platform.name,
                                statusName(b.status));
    text += QStringLiteral("  slave %1, started %2, stopped %3\n")
                    .arg(b.slave.isEmpty() ? QStringLiteral("-") : b.slave, time(b.started),
                         time(b.stopped));
    for (const BuildStep &step : detail.steps) {
        text += QStringLiteral("  step %1: %2\n").arg(step.name, stepStatusName(step.status));
        for (const StepError &error : detail.errors) {
            if (error.step == step.name)
                text += QStringLiteral("    error: %1\n").arg(error.message);
        }
    }
    for (const ReportRecord &report : detail.reports)
        text += QStringLiteral("  report %1 of step %2: %3 items\n")
                        .arg(report.category, report.step)
                        .arg(report.items.size());
    return text;
}

Core::Result<StatusOptions> parseStatusOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    CommandSpecs::status().addOptionsTo(parser);
    if (!parser.parse(arguments))
        return Core::makeError(Core::ErrorCode::InvalidArgument, parser.errorText());
    StatusOptions options;
    options.help = parser.isSet(QStringLiteral("help"));
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return Core::makeError(Core::ErrorCode::InvalidArgument,
                               QStringLiteral("bittern status takes at most one build id."));
    if (!positional.isEmpty()) {
        const Core::Result<qint64> build
                = parseNumber(positional.constFirst(), QStringLiteral("build id"));
        if (!build)
            return build.error();
        options.build = build.value();
    }
    if (parser.isSet(QStringLiteral("limit"))) {
        const Core::Result<qint64> limit
                = parseNumber(parser.value(QStringLiteral("limit")), QStringLiteral("limit"));
        if (!limit)
            return limit.error();
        options.limit = int(qMin<qint64>(limit.value(), 100000));
    }
    options.config = parser.value(QStringLiteral("config"));
    options.database = parser.value(QStringLiteral("db"));
    if (options.database.isEmpty())
        options.database = qEnvironmentVariable("BITTERN_DB", QStringLiteral("sqlite:bittern.db"));
    return options;
}

int runStatus(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const Core::Result<StatusOptions> options = parseStatusOptions(arguments);
    if (!options || options.value().help) {
        if (!options)
            err << "bittern status: " << options.error().message << '\n' << usage();
        else
            out << usage();
        return options ? int(ExitCode::Success) : int(ExitCode::Usage);
    }
    const auto store = SqlStore::open(options.value().database);
    if (!store) {
        err << "bittern status: " << store.error().message << '\n';
        return exitCodeFor(store.error());
    }
    if (options.value().build > 0) {
        const Core::Result<BuildDetail> detail = store.value()->buildDetail(options.value().build);
        if (!detail) {
            err << "bittern status: " << detail.error().message << '\n';
            return exitCodeFor(detail.error());
        }
        out << formatBuildDetail(detail.value());
        return detail.value().build.status == BuildStatus::Failure ? int(ExitCode::Failed)
                                                                   : int(ExitCode::Success);
    }
    BuildQuery query;
    query.config = options.value().config;
    query.limit = options.value().limit;
    const Core::Result<BuildPage> page = store.value()->builds(query);
    const Core::Result<QVector<TargetPlatform>> platforms = store.value()->platforms(QString());
    if (!page || !platforms) {
        err << "bittern status: " << (!page ? page.error().message : platforms.error().message)
            << '\n';
        return int(ExitCode::Server);
    }
    QHash<qint64, QString> names;
    for (const TargetPlatform &platform : platforms.value())
        names.insert(platform.id, platform.name);
    out << formatBuildList(page.value().builds, names);
    return int(ExitCode::Success);
}

} // namespace Bridge
