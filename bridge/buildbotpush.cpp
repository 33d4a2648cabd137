// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/buildbotpush.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSaveFile>

#include "bridge/buildbotrunrecorder.h"
#include "bridge/store/sqlstore.h"
#include "bridge/subcommands.h"
#include "bridge/waitforjob.h"
#include "integrations/buildbot/client.h"
#include "recipe-translator/translation.h"

namespace Bridge {

namespace {

constexpr int defaultTimeoutSeconds = 60;

/// Translates one recipe and writes its data file(s); returns the builder names, or an error.
Core::Result<QStringList> pushRecipe(const CiOptions &options, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Core::makeError(
                Core::ErrorCode::ReadFailed,
                QStringLiteral("Could not open recipe %1: %2").arg(path, file.errorString()));
    }
    Translator::Configuration configuration;
    configuration.name = QFileInfo(path).completeBaseName();
    configuration.source = path;
    configuration.recipe = file.readAll();
    Translator::PlanOptions planOptions;
    planOptions.strategy = options.strategy;
    const auto result = Translator::Translation::translate(
            configuration, Translator::Target::Buildbot, planOptions);
    if (!result.error.isEmpty())
        return Core::makeError(Core::ErrorCode::InvalidInput, result.error);
    QStringList names;
    for (const Translator::OutputFile &output : result.files) {
        QSaveFile out(QDir(options.dataDir).filePath(output.path));
        if (!out.open(QIODevice::WriteOnly) || out.write(output.content) != output.content.size()
            || !out.commit()) {
            return Core::makeError(Core::ErrorCode::WriteFailed,
                                   QStringLiteral("Could not write %1: %2")
                                           .arg(out.fileName(), out.errorString()));
        }
        names += BuildbotPush::builderNames(output.content);
    }
    return names;
}

Core::Result<void> reconfigure(const QString &masterDir)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("buildbot"), {QStringLiteral("reconfig"), masterDir});
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        return Core::makeError(
                Core::ErrorCode::Network,
                QStringLiteral("buildbot reconfig %1 failed: %2")
                        .arg(masterDir,
                             process.errorString() + QLatin1Char(' ')
                                     + QString::fromLocal8Bit(process.readAll()).trimmed()));
    }
    return {};
}

/// Polls the builder list until every name is there; the names still missing otherwise.
Core::Result<QStringList> waitForBuilders(Buildbot::Client &client, const QStringList &names,
                                          int timeoutSeconds)
{
    QDeadlineTimer deadline(qint64(timeoutSeconds) * 1000);
    QStringList missing = names;
    while (true) {
        Buildbot::Request *request = client.builders();
        waitForJob(request);
        request->deleteLater();
        if (request->error() != Buildbot::Request::Error::NoError)
            return Core::makeError(Core::ErrorCode::Network, request->errorString());
        QStringList listed;
        const auto builders = request->result().value<QVector<Buildbot::BuilderInfo>>();
        for (const Buildbot::BuilderInfo &builder : builders)
            listed += builder.name;
        missing.clear();
        for (const QString &name : names) {
            if (!listed.contains(name))
                missing += name;
        }
        if (missing.isEmpty() || deadline.hasExpired())
            return missing;
        pause(250);
    }
}

} // namespace

QStringList BuildbotPush::builderNames(const QByteArray &dataFile)
{
    QStringList names;
    const QJsonArray builders = QJsonDocument::fromJson(dataFile)
                                        .object()
                                        .value(QStringLiteral("builders"))
                                        .toArray();
    for (const QJsonValue &builder : builders)
        names += builder.toObject().value(QStringLiteral("name")).toString();
    return names;
}

namespace {

/// `--db`: the CI target and one job per pushed builder in the bridge's store.
Core::Result<void> recordJobs(const CiOptions &options,
                              const QVector<QPair<QString, QString>> &jobs)
{
    if (options.database.isEmpty())
        return {};
    auto store = SqlStore::open(options.database);
    if (!store)
        return store.error();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const auto &job : jobs) {
        const auto saved = BuildbotRunRecorder::registerJob(*store.value(), options.url, job.first,
                                                            job.second, now);
        if (!saved)
            return saved.error();
    }
    return {};
}

} // namespace

int BuildbotPush::run(const CiOptions &options, QTextStream &out, QTextStream &err)
{
    QDir().mkpath(options.dataDir);
    QStringList names;
    QVector<QPair<QString, QString>> jobs; // configuration, builder
    ExitCode exit = ExitCode::Success;
    for (const QString &path : options.configurations) {
        const auto pushed = pushRecipe(options, path);
        if (!pushed) {
            err << "bittern push: " << pushed.error().message << '\n';
            exit = pushed.error().code == Core::ErrorCode::ReadFailed ? ExitCode::Usage
                                                                      : ExitCode::Failed;
            continue;
        }
        out << "bittern push: " << QFileInfo(path).completeBaseName() << ": "
            << pushed.value().join(QLatin1String(", ")) << '\n';
        names += pushed.value();
        for (const QString &builder : pushed.value())
            jobs.append({QFileInfo(path).completeBaseName(), builder});
    }
    if (!options.masterDir.isEmpty()) {
        if (const auto reconfigured = reconfigure(options.masterDir); !reconfigured) {
            err << "bittern push: " << reconfigured.error().message << '\n';
            return int(ExitCode::Server);
        }
    }
    Buildbot::Client client(options.url, {options.user, options.password});
    const auto missing = waitForBuilders(client, names,
                                         options.timeoutSeconds > 0 ? options.timeoutSeconds
                                                                    : defaultTimeoutSeconds);
    if (!missing) {
        err << "bittern push: " << missing.error().message << '\n';
        return int(ExitCode::Server);
    }
    if (!missing.value().isEmpty()) {
        err << "bittern push: Buildbot at " << options.url.toString() << " does not list "
            << missing.value().join(QLatin1String(", "))
            << ": no worker matches the platform, or the master could not load the data file "
               "(see its twistd.log).\n";
        return int(ExitCode::Failed);
    }
    if (const auto recorded = recordJobs(options, jobs); !recorded) {
        err << "bittern push: " << recorded.error().message << '\n';
        return int(ExitCode::Server);
    }
    return int(exit);
}

} // namespace Bridge
