// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <QVector>

#include "core/result.h"

namespace Buildbot {

/// Buildbot's result codes (buildbot-notes.md §2.3); Pending is a build request's -1.
enum class BuildResult {
    Pending = -1,
    Success = 0,
    Warnings = 1,
    Failure = 2,
    Skipped = 3,
    Exception = 4,
    Retry = 5,
    Cancelled = 6,
};

/// The answer of the force scheduler's `force`: the buildset and one request per builder.
struct ForceResult
{
    qint64 buildsetId = 0;
    QVector<QPair<int, qint64>> requests; ///< builder id → build request id
};

/// A builder of /api/v2/builders: its id, name and tags.
struct BuilderInfo
{
    int id = 0;
    QString name;
    QStringList tags;
};

/// A build request of /api/v2/buildrequests: whether it was claimed, finished and how.
struct BuildRequestInfo
{
    qint64 id = 0;
    qint64 buildsetId = 0;
    int builderId = 0;
    bool claimed = false;
    bool complete = false;
    BuildResult result = BuildResult::Pending;
};

/// A build of /api/v2/builds: its number on the builder, state and result.
struct BuildInfo
{
    qint64 id = 0;
    int number = 0;
    int builderId = 0;
    qint64 buildRequestId = 0;
    bool complete = false;
    BuildResult result = BuildResult::Pending;
    QString stateString;
    QVariantMap properties; ///< name → value (the source is dropped); only with ?property=
};

/// A step of a build (/api/v2/builds/N/steps): state, result and URLs.
struct StepInfo
{
    qint64 id = 0;
    int number = 0;
    QString name;
    bool started = false;
    bool complete = false;
    bool hidden = false;
    BuildResult result = BuildResult::Pending;
    QString stateString;
    QVector<QPair<QString, QString>> urls; ///< name → URL
};

/// A log of a step: its id, slug, type and how many lines it has so far.
struct LogInfo
{
    qint64 id = 0;
    QString name;
    QString slug;
    QChar type; ///< 's' stream, 't' text, 'h' HTML
    int lineCount = 0;
    bool complete = false;
};

/// Lines of a log from one offset on; stream prefixes (o, e, h) removed.
struct LogLines
{
    int firstLine = 0;
    QStringList lines;
    QString streams; ///< per line: 'o' stdout, 'e' stderr, 'h' header, ' ' for text logs
};

/// A test result set a step recorded (buildbot-notes §3): category, unit and counts.
struct TestResultSetInfo
{
    qint64 id = 0;
    qint64 stepId = 0;
    QString description;
    QString category;
    QString valueUnit;
    std::optional<int> passed;
    std::optional<int> failed;
    bool complete = false;
};

/// One test result of a test result set (/api/v2/test_result_sets/N/results).
struct TestResultInfo
{
    QString name;
    QString codePath;
    std::optional<int> line;
    std::optional<qint64> durationNs;
    QString value;
};

/**
 * Buildbot's REST and JSON-RPC payloads as Bittern values (buildbot-notes.md §2): request
 * bodies out, typed results in. Pure: no network; the Client shell sends what this builds.
 */
class BuildbotJson
{
public:
    /// A JSON-RPC 2.0 call body.
    static QByteArray rpcCall(const QString &method, const QJsonObject &params, int id = 1);
    /// The `result` of a JSON-RPC answer, or its error as a sentence naming @p what.
    static Core::Result<QJsonValue> rpcResult(const QByteArray &body, const QString &what);
    /// The REST list `key` of a body ("builds", "steps"…).
    static Core::Result<QVector<QJsonObject>> list(const QByteArray &body, const QString &key);

    static Core::Result<ForceResult> forceResult(const QJsonValue &result);
    static BuilderInfo builder(const QJsonObject &object);
    static BuildRequestInfo buildRequest(const QJsonObject &object);
    static BuildInfo build(const QJsonObject &object);
    static StepInfo step(const QJsonObject &object);
    static LogInfo log(const QJsonObject &object);
    /// The `logchunks` of /logs/N/contents, for a log of @p type.
    static Core::Result<LogLines> logLines(const QByteArray &body, QChar type);
    static TestResultSetInfo testResultSet(const QJsonObject &object);
    static TestResultInfo testResult(const QJsonObject &object);
    /// The properties object of a build ({name: [value, source]}) as name → value.
    static QVariantMap properties(const QJsonObject &object);

    /// "success", "warnings", "failure", "skipped", "exception", "retry", "cancelled", "pending".
    static QString resultName(BuildResult result);
    static BuildResult resultFromCode(const QJsonValue &code);
};

} // namespace Buildbot

Q_DECLARE_METATYPE(Buildbot::ForceResult)
Q_DECLARE_METATYPE(Buildbot::BuildRequestInfo)
Q_DECLARE_METATYPE(Buildbot::BuildInfo)
Q_DECLARE_METATYPE(Buildbot::LogLines)
Q_DECLARE_METATYPE(QVector<Buildbot::BuilderInfo>)
Q_DECLARE_METATYPE(QVector<Buildbot::BuildRequestInfo>)
Q_DECLARE_METATYPE(QVector<Buildbot::BuildInfo>)
Q_DECLARE_METATYPE(QVector<Buildbot::StepInfo>)
Q_DECLARE_METATYPE(QVector<Buildbot::LogInfo>)
Q_DECLARE_METATYPE(QVector<Buildbot::TestResultSetInfo>)
Q_DECLARE_METATYPE(QVector<Buildbot::TestResultInfo>)
