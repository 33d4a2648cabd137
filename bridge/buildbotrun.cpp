// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/buildbotrun.h"

#include <csignal>
#include <memory>
#include <optional>

#include <QDateTime>
#include <QFileInfo>
#include <QUuid>

#include "bridge/buildbotrunrecorder.h"
#include "bridge/store/sqlstore.h"
#include "bridge/subcommands.h"
#include "bridge/unixsignalwatcher.h"
#include "bridge/waitforjob.h"
#include "integrations/buildbot/buildfollower.h"
#include "integrations/buildbot/client.h"
#include "integrations/buildbot/forcejob.h"

namespace Bridge {

namespace {

using Buildbot::BuildResult;

QString configurationName(const QString &argument)
{
    if (argument.endsWith(QLatin1String(".xml")))
        return QFileInfo(argument).completeBaseName();
    return argument;
}

/// Runs a request to its end; the error message, or an empty string.
QString finish(Buildbot::Request *request)
{
    waitForJob(request);
    request->deleteLater();
    return request->error() == Buildbot::Request::Error::NoError ? QString()
                                                                 : request->errorString();
}

/// Prints the follower's events as they arrive.
void connectOutput(Buildbot::BuildFollower *follower, QTextStream &out)
{
    QObject::connect(follower, &Buildbot::BuildFollower::stepStarted, follower,
                     [&out](const Buildbot::StepInfo &step) {
                         out << "--- " << step.name << '\n';
                         out.flush();
                     });
    QObject::connect(follower, &Buildbot::BuildFollower::logLines, follower,
                     [&out](const Buildbot::StepInfo &, const QStringList &lines) {
                         for (const QString &line : lines)
                             out << line << '\n';
                         out.flush();
                     });
    QObject::connect(follower, &Buildbot::BuildFollower::stepFinished, follower,
                     [&out](const Buildbot::StepInfo &step) {
                         out << "--- " << step.name << ": "
                             << Buildbot::BuildbotJson::resultName(step.result) << " ("
                             << step.stateString << ")\n";
                         out.flush();
                     });
}

QString number(const QVariantMap &properties, const QString &name)
{
    return properties.contains(name) ? properties.value(name).toString() : QStringLiteral("-");
}

} // namespace

Core::Result<QString> BuildbotRun::chooseBuilder(const QVector<Buildbot::BuilderInfo> &builders,
                                                 const QString &configuration,
                                                 const QString &platform)
{
    const QString tag = QStringLiteral("bittern-config:") + configuration;
    QStringList candidates;
    for (const Buildbot::BuilderInfo &builder : builders) {
        if (!builder.tags.contains(tag))
            continue;
        if (platform.isEmpty()
            || builder.name == QStringLiteral("bitten-%1-%2").arg(configuration, platform))
            candidates += builder.name;
    }
    if (candidates.size() == 1)
        return candidates.first();
    if (candidates.isEmpty()) {
        return Core::makeError(Core::ErrorCode::NotFound,
                               QStringLiteral("Buildbot has no builder for configuration %1%2; "
                                              "push it first with bittern push.")
                                       .arg(configuration,
                                            platform.isEmpty()
                                                    ? QString()
                                                    : QStringLiteral(" on platform ") + platform));
    }
    return Core::makeError(Core::ErrorCode::InvalidArgument,
                           QStringLiteral("Configuration %1 has several builders (%2); choose "
                                          "one with --platform.")
                                   .arg(configuration, candidates.join(QLatin1String(", "))));
}

QString BuildbotRun::metricsLine(const QVariantMap &properties)
{
    const QString coverage = properties.contains(QStringLiteral("coverage_percent"))
            ? QString::number(properties.value(QStringLiteral("coverage_percent")).toDouble(), 'f',
                              1)
                    + QLatin1Char('%')
            : QStringLiteral("-");
    return QStringLiteral("tests: %1 passed, %2 failed, %3 ignored; coverage: %4; lint: %5 "
                          "problems")
            .arg(number(properties, QStringLiteral("tests_passed")),
                 number(properties, QStringLiteral("tests_failed")),
                 number(properties, QStringLiteral("tests_ignored")), coverage,
                 number(properties, QStringLiteral("lint_total")));
}

QStringList BuildbotRun::resultSetLines(const QVector<Buildbot::TestResultSetInfo> &sets)
{
    QStringList lines;
    for (const Buildbot::TestResultSetInfo &set : sets) {
        QString counts;
        if (set.passed || set.failed)
            counts = QStringLiteral(": %1 passed, %2 failed")
                             .arg(set.passed.value_or(0))
                             .arg(set.failed.value_or(0));
        lines += QStringLiteral("  %1 (%2)%3").arg(set.description, set.category, counts);
    }
    return lines;
}

int BuildbotRun::exitCodeFor(BuildResult result)
{
    switch (result) {
    case BuildResult::Success:
    case BuildResult::Warnings:
    case BuildResult::Skipped:
        return int(ExitCode::Success);
    case BuildResult::Failure:
    case BuildResult::Cancelled:
        return int(ExitCode::Failed);
    case BuildResult::Pending:
    case BuildResult::Exception:
    case BuildResult::Retry:
        break;
    }
    return int(ExitCode::Server);
}

namespace {

/// Forces @p builder once; the build request id, or the error message.
Core::Result<qint64> force(Buildbot::Client &client, const CiOptions &options,
                           const QString &builder, QTextStream &out)
{
    Buildbot::ForceRequest request;
    request.scheduler = options.scheduler;
    request.builderNames = QStringList{builder};
    request.revision = options.revision;
    request.requestId = options.requestId.isEmpty()
            ? QUuid::createUuid().toString(QUuid::WithoutBraces)
            : options.requestId;
    Buildbot::ForceJob *job = client.forceBuild(request);
    waitForJob(job);
    if (job->error() != Buildbot::Request::Error::NoError || job->result().requests.isEmpty())
        return Core::makeError(Core::ErrorCode::Network, job->errorString());
    const qint64 requestId = job->result().requests.first().second;
    out << "bittern run: forced " << builder << " (Bittern request " << request.requestId
        << ", Buildbot build request " << requestId << ")\n";
    return requestId;
}

/// Ctrl-C (or SIGTERM) stops the build, or cancels the request while it waits; the follower
/// then ends with the cancelled build.
void stopOnInterrupt(Buildbot::Client &client, const Buildbot::BuildFollower &follower,
                     QTextStream &err)
{
    const QString reason = QStringLiteral("stopped from bittern run");
    Buildbot::Request *request = follower.hasBuild()
            ? client.stopBuild(follower.build().id, reason)
            : client.cancelBuildRequest(follower.buildRequestId(), reason);
    err << "bittern run: interrupted; asking Buildbot to stop the build\n";
    err.flush();
    QObject::connect(request, &Buildbot::Request::finished, request, [request, &err]() {
        if (request->error() != Buildbot::Request::Error::NoError)
            err << "bittern run: " << request->errorString() << '\n';
        request->deleteLater();
    });
}

/// Records the followed build in the store as it runs (--db); the first store error is kept in
/// @p failure and ends the recording.
void connectRecorder(Buildbot::BuildFollower *follower, BuildbotRunRecorder &recorder,
                     QString &failure)
{
    const auto note = [&failure](const Core::Result<void> &done) {
        if (!done && failure.isEmpty())
            failure = done.error().message;
    };
    const auto ok = [&failure]() { return failure.isEmpty(); };
    const auto now = []() { return QDateTime::currentSecsSinceEpoch(); };
    QObject::connect(follower, &Buildbot::BuildFollower::buildStarted, follower,
                     [&recorder, note, ok, now](const Buildbot::BuildInfo &build) {
                         if (ok())
                             note(recorder.buildStarted(build, now()));
                     });
    QObject::connect(follower, &Buildbot::BuildFollower::stepStarted, follower,
                     [&recorder, note, ok, now](const Buildbot::StepInfo &step) {
                         if (ok())
                             note(recorder.stepStarted(step, now()));
                     });
    QObject::connect(follower, &Buildbot::BuildFollower::stepFinished, follower,
                     [&recorder, note, ok, now](const Buildbot::StepInfo &step) {
                         if (ok())
                             note(recorder.stepFinished(step, now()));
                     });
}

/// The store `--db` names, or null without --db.
Core::Result<std::unique_ptr<SqlStore>> openStore(const QString &location)
{
    if (location.isEmpty())
        return std::unique_ptr<SqlStore>();
    return SqlStore::open(location);
}

/// Records the build's end; a store error (now or while it ran) makes the exit code 3.
int endRecording(BuildbotRunRecorder &recorder, const Buildbot::BuildFollower &follower,
                 QString failure, const QString &storeName, int code, QTextStream &out,
                 QTextStream &err)
{
    if (failure.isEmpty() && follower.hasBuild()) {
        const Core::Result<void> done = recorder.finished(follower.build(), follower.result(),
                                                          QDateTime::currentSecsSinceEpoch());
        if (!done)
            failure = done.error().message;
    }
    if (!failure.isEmpty()) {
        err << "bittern run: the build was not recorded in the store: " << failure << '\n';
        return int(ExitCode::Server);
    }
    if (recorder.buildId() != 0)
        out << "recorded as build " << recorder.buildId() << " in " << storeName << '\n';
    return code;
}

/// Prints the finished build's result and the numbers Buildbot recorded for it.
int report(Buildbot::Client &client, const Buildbot::BuildFollower &follower,
           const QString &builder, QTextStream &out, QTextStream &err)
{
    const QString result = Buildbot::BuildbotJson::resultName(follower.result());
    if (!follower.hasBuild()) {
        out << "Build request " << follower.buildRequestId() << " of " << builder << ": " << result
            << " before a build started\n";
        return BuildbotRun::exitCodeFor(follower.result());
    }
    const Buildbot::BuildInfo build = follower.build();
    out << "Build " << build.number << " of " << builder << ": " << result << " ("
        << build.stateString << ")\n"
        << BuildbotRun::metricsLine(build.properties) << '\n';
    Buildbot::Request *sets = client.testResultSets(build.id);
    if (const QString error = finish(sets); !error.isEmpty()) {
        err << "bittern run: " << error << '\n';
        return int(ExitCode::Server);
    }
    const QStringList lines = BuildbotRun::resultSetLines(
            sets->result().value<QVector<Buildbot::TestResultSetInfo>>());
    if (!lines.isEmpty())
        out << "test result sets:\n" << lines.join(QLatin1Char('\n')) << '\n';
    return BuildbotRun::exitCodeFor(follower.result());
}

} // namespace

int BuildbotRun::run(const CiOptions &options, QTextStream &out, QTextStream &err)
{
    Buildbot::Client client(options.url, {options.user, options.password});
    Buildbot::Request *list = client.builders();
    if (const QString error = finish(list); !error.isEmpty()) {
        err << "bittern run: " << error << '\n';
        return int(ExitCode::Server);
    }
    const auto builder
            = chooseBuilder(list->result().value<QVector<Buildbot::BuilderInfo>>(),
                            configurationName(options.configurations.first()), options.platform);
    if (!builder) {
        err << "bittern run: " << builder.error().message << '\n';
        return int(ExitCode::Usage);
    }
    auto store = openStore(options.database);
    if (!store) {
        err << "bittern run: " << store.error().message << '\n';
        return int(ExitCode::Server);
    }
    const auto requestId = force(client, options, builder.value(), out);
    if (!requestId) {
        err << "bittern run: " << requestId.error().message << '\n';
        return int(ExitCode::Server);
    }
    Buildbot::BuildFollower *follower = client.follow(requestId.value());
    connectOutput(follower, out);
    std::optional<BuildbotRunRecorder> recorder;
    QString recordFailure;
    if (store.value()) {
        recorder.emplace(*store.value(), options.url,
                         configurationName(options.configurations.first()), builder.value(),
                         options.revision);
        connectRecorder(follower, *recorder, recordFailure);
    }
    UnixSignalWatcher interrupt({SIGINT, SIGTERM});
    QObject::connect(&interrupt, &UnixSignalWatcher::signalReceived, follower,
                     [&client, follower, &err]() { stopOnInterrupt(client, *follower, err); });
    if (!waitForJob(follower, options.timeoutSeconds * 1000)) {
        err << "bittern run: the build of " << builder.value() << " did not finish within "
            << options.timeoutSeconds << " s.\n";
        return int(ExitCode::Server);
    }
    if (follower->error() != Buildbot::Request::Error::NoError) {
        err << "bittern run: " << follower->errorString() << '\n';
        return int(ExitCode::Server);
    }
    const int code = report(client, *follower, builder.value(), out, err);
    if (!recorder)
        return code;
    return endRecording(*recorder, *follower, recordFailure, store.value()->displayName(), code,
                        out, err);
}

} // namespace Bridge
