// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/buildbotrunrecorder.h"

namespace Bridge {

using Buildbot::BuildResult;

BuildbotRunRecorder::BuildbotRunRecorder(Store &store, const QUrl &ciUrl,
                                         const QString &configuration, const QString &builder,
                                         const QString &revision)
    : m_store(store), m_target(targetName(ciUrl)), m_url(ciUrl), m_builder(builder)
{
    m_record.run.source = QStringLiteral("ci:") + m_target;
    m_record.run.build.config = configuration;
    m_record.run.build.revision = revision;
    m_record.run.build.slave = builder;
    m_record.run.slave.name = builder;
    m_record.run.slave.set(QStringLiteral("ci"), m_target);
}

QString BuildbotRunRecorder::targetName(const QUrl &ciUrl)
{
    QString url = ciUrl.adjusted(QUrl::RemoveUserInfo).toString();
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return QStringLiteral("buildbot+") + url;
}

BuildStatus BuildbotRunRecorder::buildStatusFor(BuildResult result)
{
    switch (result) {
    case BuildResult::Pending:
        return BuildStatus::InProgress;
    case BuildResult::Success:
    case BuildResult::Warnings:
    case BuildResult::Skipped:
        return BuildStatus::Success;
    case BuildResult::Failure:
    case BuildResult::Exception:
    case BuildResult::Retry:
    case BuildResult::Cancelled:
        break;
    }
    return BuildStatus::Failure;
}

StepStatus BuildbotRunRecorder::stepStatusFor(const Buildbot::StepInfo &step)
{
    if (!step.complete)
        return StepStatus::InProgress;
    return buildStatusFor(step.result) == BuildStatus::Success ? StepStatus::Success
                                                               : StepStatus::Failure;
}

bool BuildbotRunRecorder::metricsFrom(const QVariantMap &properties, CiBuildRecord &record)
{
    const auto number = [&properties](const char *name) {
        return properties.value(QLatin1String(name)).toLongLong();
    };
    record.tests.success = number("tests_passed");
    record.tests.failure = number("tests_failed");
    record.tests.ignore = number("tests_ignored");
    record.coverage.lines = number("coverage_lines");
    record.coverage.coveredLines
            = properties.value(QStringLiteral("coverage_covered_lines")).toDouble();
    record.lint.error = number("lint_error");
    record.lint.warning = number("lint_warning");
    record.lint.refactor = number("lint_refactor");
    record.lint.convention = number("lint_convention");
    record.lint.other = number("lint_other");
    record.hasMetrics = properties.contains(QStringLiteral("tests_total"))
            || properties.contains(QStringLiteral("coverage_lines"))
            || properties.contains(QStringLiteral("lint_total"));
    return record.hasMetrics;
}

qint64 BuildbotRunRecorder::platformId(Store &store, const QString &configuration,
                                       const QString &builder)
{
    // Builders are named bitten-CONFIG-PLATFORM (the translator's data files).
    const QString prefix = QStringLiteral("bitten-%1-").arg(configuration);
    if (!builder.startsWith(prefix))
        return 0;
    const QString name = builder.mid(prefix.size());
    const Core::Result<QVector<TargetPlatform>> platforms = store.platforms(configuration);
    for (const TargetPlatform &platform : platforms ? platforms.value() : QVector<TargetPlatform>())
        if (platform.name == name)
            return platform.id;
    return 0;
}

Core::Result<CiJob> BuildbotRunRecorder::registerJob(Store &store, const QUrl &ciUrl,
                                                     const QString &configuration,
                                                     const QString &builder, qint64 now)
{
    const QString target = targetName(ciUrl);
    const Core::Result<void> saved = store.saveCiTarget(
            CiTarget{target, QStringLiteral("buildbot"), target.mid(int(qstrlen("buildbot+")))});
    if (!saved)
        return saved.error();
    const Core::Result<QVector<CiJob>> jobs = store.ciJobs(target);
    if (!jobs)
        return jobs.error();
    CiJob job{
            0, target, configuration, platformId(store, configuration, builder), builder, QString(),
            0, now};
    for (const CiJob &existing : jobs.value()) {
        if (existing.jobName == builder) { // pushed or run before: keep its last run
            job.id = existing.id;
            job.lastRunId = existing.lastRunId;
            job.build = existing.build;
        }
    }
    const Core::Result<qint64> id = store.saveCiJob(job);
    if (!id)
        return id.error();
    job.id = id.value();
    return job;
}

Core::Result<void> BuildbotRunRecorder::buildStarted(const Buildbot::BuildInfo &build, qint64 now)
{
    const Core::Result<CiJob> job
            = registerJob(m_store, m_url, m_record.run.build.config, m_builder, now);
    if (!job)
        return job.error();
    m_jobId = job.value().id;
    Build &row = m_record.run.build;
    m_record.run.originalId = build.id;
    row.platform = job.value().platform;
    row.status = BuildStatus::InProgress;
    row.started = now;
    row.revisionTime = now;
    m_record.run.slave.set(QStringLiteral("buildbot_build"), QString::number(build.number));
    return save(now);
}

Core::Result<void> BuildbotRunRecorder::stepStarted(const Buildbot::StepInfo &step, qint64 now)
{
    if (m_buildId == 0 || m_stepIndex.contains(step.id))
        return {};
    BuildStep row;
    row.name = step.name;
    row.status = StepStatus::InProgress;
    row.started = now;
    m_stepIndex.insert(step.id, m_record.run.steps.size());
    m_record.run.steps += row;
    return save(now);
}

Core::Result<void> BuildbotRunRecorder::stepFinished(const Buildbot::StepInfo &step, qint64 now)
{
    if (m_buildId == 0)
        return {};
    if (!m_stepIndex.contains(step.id)) {
        const Core::Result<void> started = stepStarted(step, now);
        if (!started)
            return started;
    }
    BuildStep &row = m_record.run.steps[m_stepIndex.value(step.id)];
    row.status = stepStatusFor(step);
    row.description = step.stateString;
    row.stopped = now;
    if (row.status == StepStatus::Failure)
        m_record.run.errors
                += StepError{0, step.name, int(m_record.run.errors.size()), step.stateString};
    return save(now);
}

Core::Result<void> BuildbotRunRecorder::finished(const Buildbot::BuildInfo &build,
                                                 BuildResult result, qint64 now)
{
    if (m_buildId == 0)
        return {};
    Build &row = m_record.run.build;
    row.status = buildStatusFor(result);
    row.stopped = now;
    for (BuildStep &step : m_record.run.steps) {
        if (step.status == StepStatus::InProgress) {
            // A step Buildbot never completed (lost worker, stop): it did not succeed.
            step.status = StepStatus::Failure;
            step.stopped = now;
        }
    }
    const QString outcome = QStringLiteral("Buildbot build %1 of %2 ended with result %3 (%4).")
                                    .arg(build.number)
                                    .arg(m_builder, Buildbot::BuildbotJson::resultName(result),
                                         build.stateString);
    const QString lastStep
            = m_record.run.steps.isEmpty() ? QString() : m_record.run.steps.constLast().name;
    if (row.status == BuildStatus::Failure) // keeps the exact result: retry, cancelled, …
        m_record.run.errors += StepError{0, lastStep, int(m_record.run.errors.size()), outcome};
    metricsFrom(build.properties, m_record);
    return save(now);
}

Core::Result<void> BuildbotRunRecorder::save(qint64 now)
{
    m_record.run.build.lastActivity = now;
    const Core::Result<qint64> id = m_store.recordCiBuild(m_record);
    if (!id)
        return id.error();
    m_buildId = id.value();
    CiJob job{m_jobId,
              m_target,
              m_record.run.build.config,
              m_record.run.build.platform,
              m_builder,
              QString::number(m_record.run.originalId),
              m_buildId,
              now};
    const Core::Result<qint64> saved = m_store.saveCiJob(job);
    if (!saved)
        return saved.error();
    m_jobId = saved.value();
    return {};
}

} // namespace Bridge
