// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QUrl>
#include <QVariantMap>

#include "bridge/store/store.h"
#include "integrations/buildbot/buildbotjson.h"

namespace Bridge {

/**
 * Records one `bittern run --ci buildbot+… --db LOCATION` in the bridge's store: the CI target
 * and job, and the build as Buildbot runs it — in progress when it starts, each step as it starts
 * and finishes, then Buildbot's result mapped onto the store's build states (buildStatusFor)
 * with the test, coverage and lint numbers from the build's properties. Each call writes the
 * whole record again (Store::recordCiBuild), so the store always holds the latest state.
 */
class BuildbotRunRecorder
{
public:
    BuildbotRunRecorder(Store &store, const QUrl &ciUrl, const QString &configuration,
                        const QString &builder, const QString &revision);

    Core::Result<void> buildStarted(const Buildbot::BuildInfo &build, qint64 now);
    Core::Result<void> stepStarted(const Buildbot::StepInfo &step, qint64 now);
    Core::Result<void> stepFinished(const Buildbot::StepInfo &step, qint64 now);
    /// The build ended with @p result (for a build request cancelled before a build started,
    /// nothing is recorded).
    Core::Result<void> finished(const Buildbot::BuildInfo &build, Buildbot::BuildResult result,
                                qint64 now);
    /// The store's build id, 0 until buildStarted().
    qint64 buildId() const { return m_buildId; }

    /// success, warnings, skipped → Success; failure, exception, retry (worker lost),
    /// cancelled → Failure (Bitten has no other final state; the step errors keep the
    /// Buildbot result); pending → InProgress.
    static BuildStatus buildStatusFor(Buildbot::BuildResult result);
    static StepStatus stepStatusFor(const Buildbot::StepInfo &step);
    /// Fills @p record's totals from the plugin's build properties (tests_passed,
    /// coverage_lines, lint_error, …); false when the build reported none.
    static bool metricsFrom(const QVariantMap &properties, CiBuildRecord &record);
    /// The CI target's name and the record's source: "buildbot+http://HOST:PORT".
    static QString targetName(const QUrl &ciUrl);
    /// Saves the CI target of @p ciUrl and the job of @p builder (creating it, or updating
    /// the one an earlier push or run stored); what `bittern push --db` records.
    static Core::Result<CiJob> registerJob(Store &store, const QUrl &ciUrl,
                                           const QString &configuration, const QString &builder,
                                           qint64 now);
    /// The store's id of the platform in a bitten-CONFIG-PLATFORM builder name, 0 if unknown.
    static qint64 platformId(Store &store, const QString &configuration, const QString &builder);

private:
    Core::Result<void> save(qint64 now);

    Store &m_store;
    QString m_target;
    QUrl m_url; ///< the Buildbot master
    QString m_builder;
    CiBuildRecord m_record;
    QHash<qint64, int> m_stepIndex; ///< Buildbot step id → index in m_record.run.steps
    qint64 m_buildId = 0;
    qint64 m_jobId = 0;
};

} // namespace Bridge
