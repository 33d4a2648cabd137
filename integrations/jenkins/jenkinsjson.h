// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMap>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include "core/result.h"

namespace Jenkins {

struct QueueItem;
struct BuildInfo;
struct TestReport;
struct CoverageSummary;
struct WarningsSummary;
struct Computer;
struct Crumb;
struct JenkinsfileValidation;

/**
 * Pure mapping of Jenkins' JSON (and plain-text) payloads to value types: queue items, runs,
 * test reports, coverage and warnings-ng summaries, the computer set, crumbs, queue Locations
 * and Jenkinsfile validation answers. Parses defensively (jenkins-contract §4.1): missing
 * `_class`, nulls and unknown fields are tolerated; only a body that is not the expected JSON
 * shape is an error. Never does I/O.
 */
class JenkinsJson
{
    Q_GADGET
public:
    /// Where a queue item is (jenkins-contract §3.2).
    enum class QueueState {
        Waiting, ///< Queue$WaitingItem: in the quiet period
        Blocked, ///< Queue$BlockedItem
        Buildable, ///< Queue$BuildableItem: waiting for an executor
        Started, ///< Queue$LeftItem with executable.number
        Cancelled, ///< Queue$LeftItem with cancelled: true
        Unknown,
    };
    Q_ENUM(QueueState)

    /// A run's `result`; None while it is running.
    enum class BuildResult {
        None,
        Success,
        Unstable,
        Failure,
        NotBuilt,
        Aborted,
        Unknown,
    };
    Q_ENUM(BuildResult)

    /// A test case's `status` (junit plugin); Regressed is Jenkins' "REGRESSION".
    enum class CaseStatus {
        Passed,
        Fixed,
        Skipped,
        Failed,
        Regressed,
        Unknown,
    };
    Q_ENUM(CaseStatus)

    static Core::Result<QueueItem> parseQueueItem(const QByteArray &json);
    /// `queue/api/json`: the items currently in the queue.
    static Core::Result<QVector<QueueItem>> parseQueue(const QByteArray &json);
    static Core::Result<BuildInfo> parseBuildInfo(const QByteArray &json);
    /// A job's `builds[]` (job `api/json`), newest first as Jenkins lists them.
    static Core::Result<QVector<BuildInfo>> parseBuildList(const QByteArray &json);
    static Core::Result<TestReport> parseTestReport(const QByteArray &json);
    static Core::Result<CoverageSummary> parseCoverage(const QByteArray &json);
    static Core::Result<WarningsSummary> parseWarnings(const QByteArray &json);
    static Core::Result<QVector<Computer>> parseComputers(const QByteArray &json);
    static Core::Result<Crumb> parseCrumb(const QByteArray &json);
    /// The queue item id in a trigger answer's Location (`…/queue/item/N/`); -1 when none.
    static qint64 queueIdFromLocation(const QByteArray &location);
    /// The text answer of `pipeline-model-converter/validate`.
    static JenkinsfileValidation parseValidation(const QByteArray &text);
    /// "+88.44%", "1263", "-0.48%" → 88.44, 1263, -0.48; NaN when not a number.
    static double parseFormattedNumber(const QString &text);

    static BuildResult buildResultFromString(const QString &text);
    static CaseStatus caseStatusFromString(const QString &text);
    static QString toString(QueueState state);
    static QString toString(BuildResult result);
    static QString toString(CaseStatus status);
};

/// One entry of the Jenkins queue, or a LeftItem.
struct QueueItem
{
    qint64 id = -1;
    JenkinsJson::QueueState state = JenkinsJson::QueueState::Unknown;
    QString why; ///< "In the quiet period. …", "Waiting for next available executor …"
    bool stuck = false;
    int buildNumber = -1; ///< executable.number once Started
    QString taskName;
    QMap<QString, QString> parameters; ///< from ParametersAction, else from `params`
};

/// A run (`JOBPATH/N/api/json`), as far as the bridge needs it.
struct BuildInfo
{
    int number = -1;
    qint64 queueId = -1;
    bool building = false;
    JenkinsJson::BuildResult result = JenkinsJson::BuildResult::None;
    qint64 timestamp = 0; ///< ms since epoch
    qint64 duration = 0; ///< ms; 0 while running
    QString displayName;
    QString description;
    QMap<QString, QString> parameters;
};

/// One case of a run's testReport (junit plugin JSON).
struct TestCase
{
    QString className;
    QString name;
    JenkinsJson::CaseStatus status = JenkinsJson::CaseStatus::Unknown;
    double duration = 0; ///< seconds
    QString errorDetails;
    QString errorStackTrace;
    QString skippedMessage;
    /// FAILED and REGRESSION are failures; FIXED counts as a pass.
    bool isFailure() const;
};

/// One suite of a run's testReport with its cases.
struct TestSuite
{
    QString name;
    double duration = 0;
    QVector<TestCase> cases;
};

/// A run's testReport: the totals and the suites.
struct TestReport
{
    int passCount = 0;
    int failCount = 0;
    int skipCount = 0;
    double duration = 0;
    QVector<TestSuite> suites;
};

/// The coverage plugin's API: formatted strings parsed into numbers, keyed by metric name
/// ("line", "branch", "loc", …).
struct CoverageSummary
{
    QMap<QString, double> project;
    QMap<QString, double> projectDelta;
    QMap<QString, double> modifiedLines;
    QString qualityGateResult; ///< qualityGates.overallResult, e.g. "SUCCESS"
};

/// One tool's issue counts from warnings-ng's per-run summary.
struct WarningsTool
{
    QString id;
    QString name;
    int size = 0;
    int errorSize = 0;
    int highSize = 0;
    int normalSize = 0;
    int lowSize = 0;
};

/// warnings-ng's aggregation (`JOBPATH/N/warnings-ng/api/json`).
struct WarningsSummary
{
    QVector<WarningsTool> tools;
    int totalSize() const;
};

/// One node of `/computer/api/json`.
struct Computer
{
    QString displayName;
    bool offline = false;
    bool temporarilyOffline = false;
    QString offlineCauseReason;
    bool idle = false;
    int numExecutors = 0;
    QStringList labels; ///< assignedLabels[].name (includes the node's own name)
};

/// A CSRF crumb and the header it goes in (jenkins-contract §1.3).
struct Crumb
{
    QByteArray field;
    QByteArray value;
};

/// What Jenkins' declarative linter said about a Jenkinsfile.
struct JenkinsfileValidation
{
    enum class Outcome {
        Valid,
        Invalid,
        Unavailable, ///< the server has no pipeline-model-converter
    };
    Outcome outcome = Outcome::Unavailable;
    QString messages; ///< the compiler messages after the first line when Invalid
};

} // namespace Jenkins

Q_DECLARE_METATYPE(Jenkins::QueueItem)
Q_DECLARE_METATYPE(Jenkins::BuildInfo)
Q_DECLARE_METATYPE(Jenkins::TestReport)
Q_DECLARE_METATYPE(Jenkins::CoverageSummary)
Q_DECLARE_METATYPE(Jenkins::WarningsSummary)
Q_DECLARE_METATYPE(Jenkins::Computer)
Q_DECLARE_METATYPE(Jenkins::JenkinsfileValidation)
