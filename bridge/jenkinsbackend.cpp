// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/jenkinsbackend.h"

#include <QEventLoop>
#include <QSet>
#include <QTextStream>

#include "bridge/jenkinscredentials.h"
#include "bridge/jenkinsrunjob.h"
#include "recipe-translator/translation.h"

namespace Bridge {

namespace {

template<typename Job>
void waitFor(Job *job)
{
    QEventLoop loop;
    QObject::connect(job, &Job::finished, &loop, &QEventLoop::quit);
    job->start();
    if (!job->isFinished())
        loop.exec();
}

ExitCode exitCodeFor(Jenkins::Request::Error error)
{
    switch (error) {
    case Jenkins::Request::Error::NoError:
        return ExitCode::Success;
    case Jenkins::Request::Error::Cancelled:
        return ExitCode::Failed;
    case Jenkins::Request::Error::NotFound:
        return ExitCode::Usage;
    default:
        return ExitCode::Server;
    }
}

QStringList folderSegments(const CiOptions &options, const CiConfiguration &entry)
{
    QStringList segments;
    for (const QString &part : options.folder.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        segments += JenkinsPushJob::itemName(part);
    if (!entry.folder.isEmpty())
        segments += JenkinsPushJob::itemName(entry.folder);
    return segments;
}

} // namespace

JenkinsBackend::JenkinsBackend(const QProcessEnvironment &environment) : m_environment(environment)
{ }

void JenkinsBackend::setTiming(const Jenkins::PollIntervals &intervals,
                               const Jenkins::RetryPolicy &retry)
{
    m_intervals = intervals;
    m_retry = retry;
}

Core::Result<Jenkins::Credentials> JenkinsBackend::credentials(const CiOptions &options) const
{
    return JenkinsCredentials::load(options.credentialsFile, m_environment);
}

Jenkins::JobPath JenkinsBackend::jobPath(const QString &fullName)
{
    QStringList segments;
    for (const QString &part : fullName.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        segments += JenkinsPushJob::itemName(part);
    return Jenkins::JobPath::fromFullName(segments.join(QLatin1Char('/')));
}

QVector<JenkinsJobDefinition>
JenkinsBackend::jobDefinitions(const CiOptions &options,
                               const QVector<CiConfiguration> &configurations, QStringList &errors)
{
    Translator::PlanOptions planOptions;
    planOptions.strategy = options.strategy;
    planOptions.jenkinsLibrary = options.jenkinsLibrary;
    QVector<JenkinsJobDefinition> jobs;
    QSet<QString> used;
    for (const CiConfiguration &entry : configurations) {
        const Translator::TranslationResult result = Translator::Translation::translate(
                entry.configuration, Translator::Target::Jenkins, planOptions);
        const Translator::OutputFile *config = nullptr;
        for (const Translator::OutputFile &file : result.files) {
            if (file.path.endsWith(QLatin1String("/config.xml")))
                config = &file;
        }
        if (!config || !result.error.isEmpty()) {
            errors += result.error.isEmpty()
                    ? QStringLiteral("Configuration %1 could not be translated.")
                              .arg(entry.configuration.name)
                    : result.error;
            continue;
        }
        const QStringList folder = folderSegments(options, entry);
        const QString base = JenkinsPushJob::itemName(entry.configuration.name);
        QString name = base;
        for (int n = 2; used.contains((folder + QStringList{name}).join(QLatin1Char('/'))); ++n)
            name = base + QLatin1Char('-') + QString::number(n);
        const QString fullName = (folder + QStringList{name}).join(QLatin1Char('/'));
        used.insert(fullName);
        jobs += JenkinsJobDefinition{Jenkins::JobPath::fromFullName(fullName), config->content};
    }
    return jobs;
}

ExitCode JenkinsBackend::push(const CiOptions &options, QTextStream &out, QTextStream &err)
{
    const CiInputs inputs = CiInputs::collect(options.configurations);
    for (const QString &error : inputs.errors)
        err << "bittern push: " << error << '\n';
    if (inputs.exitCode != ExitCode::Success)
        return inputs.exitCode;
    if (inputs.configurations.isEmpty()) {
        err << "bittern push: no configuration found in the inputs.\n";
        return ExitCode::Usage;
    }
    return push(options, inputs.configurations, out, err);
}

ExitCode JenkinsBackend::push(const CiOptions &options,
                              const QVector<CiConfiguration> &configurations, QTextStream &out,
                              QTextStream &err)
{
    const Core::Result<Jenkins::Credentials> login = credentials(options);
    if (!login) {
        err << "bittern push: " << login.error().message << '\n';
        return ExitCode::Usage;
    }
    QStringList errors;
    const QVector<JenkinsJobDefinition> jobs = jobDefinitions(options, configurations, errors);
    for (const QString &error : qAsConst(errors))
        err << "bittern push: " << error << '\n';
    Jenkins::Client client(options.url, login.value());
    client.setPollIntervals(m_intervals);
    client.setRetryPolicy(m_retry);
    JenkinsPushJob job(&client, jobs);
    QObject::connect(&job, &JenkinsPushJob::progress, &job, [&err](const QString &line) {
        err << "bittern push: " << line << '\n';
        err.flush();
    });
    waitFor(&job);
    if (job.error() != Jenkins::Request::Error::NoError) {
        err << "bittern push: " << job.errorString() << '\n';
        return ExitCode::Server;
    }
    out << "Pushed " << jobs.size() << " job(s) to " << options.url.toDisplayString() << ": "
        << job.createdCount() << " created, " << job.updatedCount() << " updated.\n";
    return errors.isEmpty() ? ExitCode::Success : ExitCode::Failed;
}

ExitCode JenkinsBackend::run(const CiOptions &options, QTextStream &out, QTextStream &err)
{
    const Core::Result<Jenkins::Credentials> login = credentials(options);
    if (!login) {
        err << "bittern run: " << login.error().message << '\n';
        return ExitCode::Usage;
    }
    Jenkins::Client client(options.url, login.value());
    client.setPollIntervals(m_intervals);
    client.setRetryPolicy(m_retry);
    JenkinsRunJob job(&client, jobPath(options.configurations.value(0)), options.revision);
    QObject::connect(&job, &JenkinsRunJob::progress, &job, [&err](const QString &line) {
        err << "bittern run: " << line << '\n';
        err.flush();
    });
    QObject::connect(&job, &JenkinsRunJob::consoleLines, &job, [&out](const QStringList &lines) {
        for (const QString &line : lines)
            out << line << '\n';
        out.flush();
    });
    waitFor(&job);
    if (job.error() != Jenkins::Request::Error::NoError) {
        err << "bittern run: " << job.errorString() << '\n';
        return exitCodeFor(job.error());
    }
    out << '\n';
    for (const QString &line : job.summary().lines())
        out << line << '\n';
    return job.summary().exitCode();
}

} // namespace Bridge
