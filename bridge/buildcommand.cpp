// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/buildcommand.h"
#include "bridge/commandspecs.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QTextStream>

#include "bridge/scheduler/repositorypoller.h"
#include "bridge/store/sqlstore.h"
#include "bridge/subcommands.h"
#include "core/helpwriter.h"

namespace Bridge {

namespace {

QString usage()
{
    return Core::HelpWriter::write(CommandSpecs::build());
}

int exitCodeFor(const Core::Error &error)
{
    return error.code == Core::ErrorCode::Internal || error.code == Core::ErrorCode::Network
            ? int(ExitCode::Server)
            : int(ExitCode::Usage);
}

/// The revision and its time: as given, or the youngest of the path in the repository.
Core::Result<RevisionEntry> revisionToBuild(const BuildOptions &options,
                                            const Configuration &config)
{
    if (!options.revision.isEmpty())
        return RevisionEntry{options.revision, QDateTime::currentSecsSinceEpoch(), config.path,
                             false};
    const Core::Result<RepositoryLocation> repository
            = RepositoryLocation::parse(options.repository);
    if (!repository)
        return repository.error();
    const Core::Result<QVector<RevisionEntry>> history
            = RepositoryPoller::history(repository.value(), config.path, 1);
    if (!history)
        return history.error();
    if (history.value().isEmpty())
        return Core::makeError(Core::ErrorCode::NotFound,
                               QStringLiteral("The repository %1 has no revision of %2.")
                                       .arg(options.repository, config.path));
    return history.value().constFirst();
}

} // namespace

Core::Result<BuildOptions> parseBuildOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    CommandSpecs::build().addOptionsTo(parser);
    if (!parser.parse(arguments))
        return Core::makeError(Core::ErrorCode::InvalidArgument, parser.errorText());
    BuildOptions options;
    options.help = parser.isSet(QStringLiteral("help"));
    if (options.help)
        return options;
    if (parser.positionalArguments().size() != 1)
        return Core::makeError(
                Core::ErrorCode::InvalidArgument,
                QStringLiteral("bittern build needs exactly one configuration name."));
    options.config = parser.positionalArguments().constFirst();
    options.revision = parser.value(QStringLiteral("rev"));
    options.repository = parser.value(QStringLiteral("repo"));
    options.requestId = parser.value(QStringLiteral("request-id"));
    if (options.revision.isEmpty() && options.repository.isEmpty())
        return Core::makeError(
                Core::ErrorCode::InvalidArgument,
                QStringLiteral(
                        "bittern build needs --rev R or --repo to find the youngest revision."));
    options.database = parser.value(QStringLiteral("db"));
    if (options.database.isEmpty())
        options.database = qEnvironmentVariable("BITTERN_DB", QStringLiteral("sqlite:bittern.db"));
    return options;
}

int runBuild(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const Core::Result<BuildOptions> options = parseBuildOptions(arguments);
    if (!options || options.value().help) {
        if (!options)
            err << "bittern build: " << options.error().message << '\n' << usage();
        else
            out << usage();
        return options ? int(ExitCode::Success) : int(ExitCode::Usage);
    }
    const auto store = SqlStore::open(options.value().database);
    Core::Result<Configuration> config = store
            ? store.value()->configuration(options.value().config)
            : Core::Result<Configuration>(store.error());
    Core::Result<RevisionEntry> revision = config ? revisionToBuild(options.value(), config.value())
                                                  : Core::Result<RevisionEntry>(config.error());
    if (!revision) {
        err << "bittern build: " << revision.error().message << '\n';
        return exitCodeFor(revision.error());
    }
    if (auto platforms = store.value()->platforms(options.value().config);
        !platforms || platforms.value().isEmpty()) {
        err << "bittern build: "
            << (platforms ? QStringLiteral("The configuration %1 has no target platforms; add "
                                           "one (bittern import recipes gives a configuration "
                                           "without platforms the platform 'any').")
                                    .arg(options.value().config)
                          : platforms.error().message)
            << '\n';
        return platforms ? int(ExitCode::Usage) : exitCodeFor(platforms.error());
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const BuildRequest request{options.value().requestId,
                               options.value().config,
                               revision.value().revision,
                               revision.value().time,
                               now,
                               {}};
    const Core::Result<BuildRequest> queued = store.value()->requestBuild(request);
    if (!queued) {
        err << "bittern build: " << queued.error().message << '\n';
        return exitCodeFor(queued.error());
    }
    for (qint64 id : queued.value().builds)
        out << "Build " << id << ": " << request.config << " at " << queued.value().revision
            << '\n';
    return int(ExitCode::Success);
}

} // namespace Bridge
