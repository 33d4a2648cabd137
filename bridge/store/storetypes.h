// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

#include "core/report.h"

// Value types of the bridge's store (bitten-spec §8 plus Bittern's own tables). Times are Unix
// seconds of the master clock; 0 means "not set", as in Bitten.

namespace Bridge {

/// Status of a build (bitten_build.status): P, I, S, F.
enum class BuildStatus {
    Pending,
    InProgress,
    Success,
    Failure,
};

/// Status of a step (bitten_step.status): I, S, F.
enum class StepStatus {
    InProgress,
    Success,
    Failure,
};

/// The one-letter database code of a status and back (unknown letters → Pending / InProgress).
QChar statusCode(BuildStatus status);
QChar statusCode(StepStatus status);
BuildStatus buildStatusFromCode(QChar code);
StepStatus stepStatusFromCode(QChar code);
/// The same from a database column (its first character).
inline BuildStatus buildStatusFromCode(const QString &code)
{
    return buildStatusFromCode(code.isEmpty() ? QChar() : code.at(0));
}
inline StepStatus stepStatusFromCode(const QString &code)
{
    return stepStatusFromCode(code.isEmpty() ? QChar() : code.at(0));
}

/// One rule of a target platform: a slave property and a Python-style regex (§7.1, §7.3).
struct PlatformRule
{
    QString property;
    QString pattern;
    bool operator==(const PlatformRule &o) const
    {
        return property == o.property && pattern == o.pattern;
    }
};

/// A target platform of a configuration (bitten_platform + bitten_rule); id 0 = not stored yet.
struct TargetPlatform
{
    qint64 id = 0;
    QString config;
    QString name;
    QVector<PlatformRule> rules; ///< in order
};

/// A build configuration (bitten_config, §7.1).
struct Configuration
{
    QString name;
    QString label;
    QString description;
    QString path; ///< repository path
    QString minRevision; ///< "First revision"; empty = none
    QString maxRevision; ///< "Last revision"; empty = none
    bool active = false;
    QByteArray recipe; ///< recipe XML as stored
    /// Ids of the steps a resumed build runs again besides the recipe's own setup steps
    /// (issue 8 item 5, migration 0004). Read with the configuration; saveConfiguration()
    /// keeps the stored list, Store::setConfigurationSetupSteps() changes it.
    QStringList setupSteps;
};

/// A build (bitten_build): one configuration × platform × revision.
struct Build
{
    qint64 id = 0;
    QString config;
    QString revision;
    qint64 revisionTime = 0;
    qint64 platform = 0; ///< TargetPlatform::id
    QString slave; ///< slave name while/after in progress
    qint64 started = 0;
    qint64 stopped = 0;
    qint64 lastActivity = 0;
    BuildStatus status = BuildStatus::Pending;
};

/// Properties a slave sent for a build (bitten_slave): name, ipnr, token, os, family, version,
/// machine, processor and package.option entries, in the order given.
struct SlaveInfo
{
    QString name;
    QVector<QPair<QString, QString>> properties;

    /// The property's value, or an empty string.
    QString value(const QString &property) const;
    void set(const QString &property, const QString &value);
    /// The slave identity token (§5.1) — property "token".
    QString token() const { return value(QStringLiteral("token")); }
};

/// A step of a build (bitten_step).
struct BuildStep
{
    qint64 build = 0;
    QString name;
    QString description;
    StepStatus status = StepStatus::InProgress;
    qint64 started = 0;
    qint64 stopped = 0;
};

/// An error message of a step (bitten_error).
struct StepError
{
    qint64 build = 0;
    QString step;
    int orderNumber = 0;
    QString message;
};

/// A log of a step (bitten_log); its messages are read in pages (Store::logMessages).
struct LogRecord
{
    qint64 id = 0;
    qint64 build = 0;
    QString step;
    QString generator;
    int orderNumber = 0;
    qint64 messageCount = 0;
};

/// A report of a step (bitten_report + bitten_report_item).
struct ReportRecord
{
    qint64 id = 0;
    qint64 build = 0;
    QString step;
    QString category;
    QString generator;
    QVector<Core::ReportItem> items;
};

/// Where an attachment belongs (§5.7): the build, or its configuration.
enum class AttachmentResource {
    Build,
    Config,
};

/// Metadata of an uploaded attachment; the bytes live in a file the caller wrote.
struct Attachment
{
    qint64 id = 0;
    AttachmentResource resource = AttachmentResource::Build;
    QString config;
    qint64 build = 0; ///< 0 for configuration attachments
    QString filename;
    QString description;
    QString author;
    qint64 size = 0;
    qint64 created = 0;
    QString filePath; ///< absolute path of the stored bytes
};

/// A build with everything stored about it (status pages, REST).
struct BuildDetail
{
    Build build;
    TargetPlatform platform;
    SlaveInfo slave;
    QVector<BuildStep> steps; ///< in storing order (= recipe order)
    QVector<StepError> errors;
    QVector<LogRecord> logs;
    QVector<ReportRecord> reports;
    QVector<Attachment> attachments;
};

/// Which builds Store::builds() returns; newest first (rev_time DESC, id DESC).
struct BuildQuery
{
    QString config; ///< empty = all configurations
    qint64 platform = 0; ///< 0 = all platforms
    QVector<BuildStatus> statuses; ///< empty = any status
    qint64 offset = 0;
    qint64 limit = 50; ///< ≤ 0 = no limit
};

/// One page of builds and how many match in total.
struct BuildPage
{
    QVector<Build> builds;
    qint64 total = 0;
};

/// Report totals of one finished build, for trend charts (§7.6, §9).
struct MetricPoint
{
    qint64 build = 0;
    QString revision;
    qint64 revisionTime = 0;
    qint64 platform = 0;
    BuildStatus status = BuildStatus::Success;
    Core::TestTotals tests;
    Core::CoverageTotals coverage;
    Core::LintTotals lint;
};

/// What storing one step result did (§5.5).
struct StepOutcome
{
    enum class Kind {
        Stored, ///< stored; the next step was inserted in progress
        Completed, ///< stored; the build is complete (status in buildStatus)
        Duplicate, ///< this step was already stored: nothing changed (idempotent retry)
    };
    Kind kind = Kind::Stored;
    BuildStatus buildStatus = BuildStatus::InProgress;
    QString nextStep; ///< for Stored: the step now in progress
};

/// A Bittern agent (bittern-agent or bitten-slave) as last seen by the master.
struct Agent
{
    QString name;
    QVector<QPair<QString, QString>> properties;
    qint64 firstSeen = 0;
    qint64 lastSeen = 0;
    qint64 currentBuild = 0; ///< 0 = idle
};

/// A CI server the bridge pushes configurations to (Jenkins or Buildbot).
struct CiTarget
{
    QString name;
    QString kind; ///< "jenkins" or "buildbot"
    QString url;
};

/// A CI job created for a configuration × platform on a CI target, and its last run there.
struct CiJob
{
    qint64 id = 0;
    QString target; ///< CiTarget::name
    QString config;
    qint64 platform = 0;
    QString jobName; ///< the job / builder name on the CI server
    QString lastRunId; ///< CI server's run/queue id of the last triggered run
    qint64 build = 0; ///< the store build it feeds, 0 = none
    qint64 updated = 0;
};

/// A build request (bittern build, the API) with an idempotency key: the same request id
/// always answers with the same builds.
struct BuildRequest
{
    QString requestId; ///< client-chosen key; empty = not idempotent
    QString config;
    QString revision;
    qint64 revisionTime = 0;
    qint64 created = 0;
    QVector<qint64> builds; ///< the builds it created or found (one per platform)
};

/// A complete historical build as an importer hands it over (keyed by source + original id).
struct ImportedBuild
{
    QString source; ///< e.g. "trac:/srv/trac/env"
    qint64 originalId = 0;
    Build build; ///< id ignored; platform = the store's platform id
    SlaveInfo slave;
    QVector<BuildStep> steps;
    QVector<StepError> errors;
    struct Log
    {
        LogRecord record;
        QVector<QPair<QString, QString>> messages; ///< (level, text)
    };
    QVector<Log> logs;
    QVector<ReportRecord> reports;
};

/// A build that ran on a CI server (`bittern run --ci … --db …`), recorded by its CI identity:
/// ImportedBuild::source names the CI target ("ci:buildbot+http://HOST:PORT"), originalId is the
/// CI server's build id. Recorded again, it replaces status, times, steps and errors, and the
/// metrics when it has any.
struct CiBuildRecord
{
    ImportedBuild run; ///< logs and reports are stored on first insert only
    bool hasMetrics = false; ///< the CI server reported test, coverage or lint numbers
    Core::TestTotals tests;
    Core::CoverageTotals coverage;
    Core::LintTotals lint;
};

/// A configuration's or a target platform's matchmaking expressions (issue 8): ClassAd text,
/// empty = none (docs/MATCHMAKING.md).
struct MatchExpressions
{
    QString requirements;
    QString rank;
    bool isEmpty() const { return requirements.isEmpty() && rank.isEmpty(); }
    bool operator==(const MatchExpressions &o) const
    {
        return requirements == o.requirements && rank == o.rank;
    }
};

/// The matchmaking expressions of every configuration (by name) and platform (by id) that has
/// any.
struct MatchPolicies
{
    QHash<QString, MatchExpressions> configurations;
    QHash<qint64, MatchExpressions> platforms;
};

/// Store::generations(): change counters for the matchmaker's cached state (issue 8).
struct StoreGenerations
{
    quint64 catalog = 0; ///< configurations, platforms, rules, match expressions
    quint64 queue = 0; ///< builds taken, reset, deleted or otherwise changed
    quint64 added = 0; ///< builds inserted (queued, requested, imported)
    bool operator==(const StoreGenerations &other) const
    {
        return catalog == other.catalog && queue == other.queue && added == other.added;
    }
    bool operator!=(const StoreGenerations &other) const { return !(*this == other); }
};

} // namespace Bridge
