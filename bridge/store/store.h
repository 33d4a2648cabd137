// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QStringList>
#include <QVector>

#include "bridge/store/storetypes.h"
#include "core/result.h"
#include "core/stepresult.h"

namespace Bridge {

/**
 * The bridge's persistent state: Bitten's model (configurations, platforms, rules, builds,
 * steps, errors, logs, reports, slave properties, attachments; bitten-spec §8) plus Bittern's
 * (agents, CI targets and jobs, build request ids). The seam of HOUSE-STYLE rule 25: the real
 * store is SqlStore (SQLite or PostgreSQL); tests may fake it.
 *
 * Every call is synchronous and atomic (one transaction). Protocol calls (assign, start, step,
 * keepalive, cancel) implement the master side of bitten-spec §5.3–5.9 and return errors whose
 * message is the exact text a Bitten master answers with:
 *   NotFound  "No such build (ID)"                                   → HTTP 404
 *   Conflict  "Token mismatch (wrong slave): slave=X, build=Y"       → HTTP 409
 *   Conflict  "Build step has not been created."                     → HTTP 409
 *   InvalidInput "No such build step"                                → HTTP 403
 * An empty token never matches (a pending build has none). Other failures are Internal errors
 * naming the database and its message.
 */
class Store
{
public:
    virtual ~Store() = default;

    /// The schema version the store is at (the last applied migration).
    virtual Core::Result<int> schemaVersion() = 0;

    // --- configurations and platforms (§7.1) --------------------------------------------
    /// All configurations, ordered by name.
    virtual Core::Result<QVector<Configuration>> configurations() = 0;
    /// NotFound "No such configuration 'NAME'." when absent.
    virtual Core::Result<Configuration> configuration(const QString &name) = 0;
    /// Inserts or updates by name.
    virtual Core::Result<void> saveConfiguration(const Configuration &config) = 0;
    /// Removes a configuration with its platforms and builds.
    virtual Core::Result<void> removeConfiguration(const QString &name) = 0;
    /// Platforms of a configuration (empty name: of all), ordered by id, with their rules.
    virtual Core::Result<QVector<TargetPlatform>> platforms(const QString &config) = 0;
    /// Inserts (id 0) or updates a platform and replaces its rules; returns its id.
    virtual Core::Result<qint64> savePlatform(const TargetPlatform &platform) = 0;
    virtual Core::Result<void> removePlatform(qint64 id) = 0;

    // --- the queue (§7.2–7.3) -------------------------------------------------------------
    /// Inserts a pending build unless one exists for (config, revision, platform); returns the
    /// id of the new or the existing build.
    virtual Core::Result<qint64> enqueueBuild(const Build &build) = 0;
    /// The build of (config, revision, platform), if any.
    virtual Core::Result<std::optional<Build>> findBuild(const QString &config,
                                                         const QString &revision, qint64 platform)
            = 0;
    /// Pending builds ordered by rev_time DESC, config, slave (§7.3 step 3).
    virtual Core::Result<QVector<Build>> pendingBuilds() = 0;
    /// Deletes a build with everything stored about it; returns attachment files to delete.
    virtual Core::Result<QStringList> removeBuild(qint64 id) = 0;
    /// Builds reset by resetOrphanedBuilds() and the attachment files the caller deletes.
    struct OrphanReset
    {
        QVector<qint64> builds;
        QStringList files;
    };
    /// Resets in-progress builds idle for ≥ slaveTimeout seconds to pending (§5.9; 0 disables).
    virtual Core::Result<OrphanReset> resetOrphanedBuilds(qint64 now, qint64 slaveTimeout) = 0;

    // --- the Bitten protocol (§5.3–5.9) ---------------------------------------------------
    /// A pending build becomes in progress for this slave; its properties are recorded and
    /// last_activity is @p now (Bitten left it 0 until the GET, so another slave's poll in
    /// between orphaned the build: docs/COMPATIBILITY.md). Conflict when it is no longer pending.
    virtual Core::Result<Build> assignBuild(qint64 id, const SlaveInfo &slave, qint64 now) = 0;

    /// What a slave needs to run an assigned build.
    struct BuildStart
    {
        Build build;
        Configuration config; ///< with the master's recipe copy
        TargetPlatform platform;
        QString firstStep; ///< now in progress; empty for a recipe without steps
    };
    /// GET /builds/ID (§5.4): started = last_activity = now, first recipe step inserted as I.
    virtual Core::Result<BuildStart> startBuild(qint64 id, const QString &token, qint64 now) = 0;
    /// POST /builds/ID/steps/ (§5.5). Steps must arrive in recipe order; a step already stored
    /// answers Duplicate and changes nothing. Same-category reports of one step are merged.
    /// The build completes per §1.4 using the stored recipe.
    virtual Core::Result<StepOutcome> storeStepResult(qint64 id, const QString &token,
                                                      const Core::StepResult &result, qint64 now)
            = 0;
    /// POST /builds/ID/keepalive/ (§5.6): last_activity = now.
    virtual Core::Result<void> keepalive(qint64 id, const QString &token, qint64 now) = 0;
    /// DELETE /builds/ID (§5.8) or an admin invalidate (empty token: no token check): back to
    /// pending, steps/logs/reports/build attachments deleted; returns attachment files to delete.
    virtual Core::Result<QStringList> cancelBuild(qint64 id, const QString &token) = 0;
    // --- preemption (issue 8 item 5; Bittern's extension, docs/PROTOCOL.md) --------------
    /// The agent vacated the build while @p step was in progress: that step's row is removed,
    /// the finished steps and their data are kept, the slave's token is forgotten and the
    /// build is pending again with its preemption count raised. Returns the new count.
    /// Conflict "Step S of build N is not in progress." when @p step is not the running step.
    virtual Core::Result<int> preemptBuild(qint64 id, const QString &token, const QString &step)
            = 0;
    /// After startBuild() of a build that was preempted before: inserts its first unfinished
    /// recipe step as in progress (unless a step is in progress already) and returns the
    /// finished steps in recipe order (empty for a fresh build).
    virtual Core::Result<QStringList> resumeBuild(qint64 id, const QString &token, qint64 now) = 0;

    /// Records an attachment (§5.7), replacing one of the same file name on the same resource;
    /// returns its id. The caller has written the bytes to attachment.filePath.
    virtual Core::Result<qint64> addAttachment(const Attachment &attachment) = 0;
    /// Attachments of a configuration (build 0) or of a build.
    virtual Core::Result<QVector<Attachment>> attachments(const QString &config, qint64 build) = 0;

    // --- queries (REST, status pages) ----------------------------------------------------
    virtual Core::Result<BuildPage> builds(const BuildQuery &query) = 0;
    virtual Core::Result<Build> build(qint64 id) = 0;
    virtual Core::Result<BuildDetail> buildDetail(qint64 id) = 0;
    /// Messages of one log from offset (0-based line), at most limit (≤ 0: all).
    virtual Core::Result<QVector<Core::LogMessage>> logMessages(qint64 logId, qint64 offset,
                                                                qint64 limit)
            = 0;
    /// Test, coverage and lint totals per finished build of a configuration, oldest first.
    virtual Core::Result<QVector<MetricPoint>> metrics(const QString &config) = 0;

    // --- Bittern's own model ---------------------------------------------------------------
    virtual Core::Result<void> saveAgent(const Agent &agent) = 0;
    virtual Core::Result<QVector<Agent>> agents() = 0;
    virtual Core::Result<void> saveCiTarget(const CiTarget &target) = 0;
    virtual Core::Result<QVector<CiTarget>> ciTargets() = 0;
    /// Inserts (id 0) or updates a CI job; returns its id.
    virtual Core::Result<qint64> saveCiJob(const CiJob &job) = 0;
    /// Jobs of a target (empty: of all), ordered by id.
    virtual Core::Result<QVector<CiJob>> ciJobs(const QString &target) = 0;
    /// Queues the revision on every platform of the configuration. A request id seen before
    /// returns the stored request unchanged. NotFound for an unknown configuration.
    virtual Core::Result<BuildRequest> requestBuild(const BuildRequest &request) = 0;
    /// Build requests newest first (created DESC), at most @p limit (≤ 0: all) from @p offset.
    /// (H13, REST API; implemented in sqlstoreviews.cpp.)
    virtual Core::Result<QVector<BuildRequest>> buildRequests(qint64 offset, qint64 limit) = 0;
    /// One log record; NotFound "No such log (ID)." when absent. (H13, sqlstoreviews.cpp.)
    virtual Core::Result<LogRecord> logRecord(qint64 logId) = 0;

    // --- matchmaking (issue 8; sqlstorematch.cpp) -------------------------------------------
    /// Sets a configuration's requirements and rank; NotFound for an unknown configuration.
    virtual Core::Result<void> setConfigurationMatch(const QString &config,
                                                     const MatchExpressions &expressions)
            = 0;
    /// Sets a target platform's requirements and rank; NotFound for an unknown platform.
    virtual Core::Result<void> setPlatformMatch(qint64 platform,
                                                const MatchExpressions &expressions)
            = 0;
    /// The expressions of every configuration and platform that has any.
    virtual Core::Result<MatchPolicies> matchPolicies() = 0;
    /// Replaces a configuration's setup step ids (Configuration::setupSteps, docs/AGENT.md
    /// "Resuming"; empty: none); duplicates are dropped, the order is kept. NotFound for an
    /// unknown configuration; InvalidArgument for an empty id or one with a comma. Whether
    /// the ids are steps of the recipe is the caller's business (`bittern match` checks).
    virtual Core::Result<void> setConfigurationSetupSteps(const QString &config,
                                                          const QStringList &steps)
            = 0;
    /// Records the machine ad (ClassAd text; empty: none) an agent sent with its last poll; the
    /// agent's row is created when missing.
    virtual Core::Result<void> saveMachineAd(const QString &agent, const QString &ad) = 0;
    /// The last machine ad of every agent that sent one, by agent name.
    virtual Core::Result<QHash<QString, QString>> machineAds() = 0;
    /// Counters that grow whenever what the matchmaker caches may have changed: `catalog` for
    /// configurations, platforms, their rules and match expressions; `queue` for the builds'
    /// status, revision or platform (taken, reset, deleted); `added` for inserted builds.
    /// Changes committed by other connections or processes count for all three when the
    /// backend can tell (SQLite), else every call counts as a change. Cheap: MatchService asks
    /// on every poll.
    virtual Core::Result<StoreGenerations> generations() = 0;
    /// The pending builds whose id is above @p id, in pendingBuilds() order. A build inserted
    /// later always has a higher id than every build stored before it.
    virtual Core::Result<QVector<Build>> pendingBuildsAfter(qint64 id) = 0;

    // --- import ----------------------------------------------------------------------------
    /// Stores a historical build in one transaction unless (source, originalId) was imported
    /// before; returns whether it was inserted.
    virtual Core::Result<bool> importBuild(const ImportedBuild &build) = 0;
    /// Inserts or updates (by source and original id, in one transaction) a build that ran on
    /// a CI server; returns the store's build id. Such builds are never orphaned or queued.
    virtual Core::Result<qint64> recordCiBuild(const CiBuildRecord &record) = 0;
};

} // namespace Bridge
