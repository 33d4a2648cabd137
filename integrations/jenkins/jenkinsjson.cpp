// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrations/jenkins/jenkinsjson.h"

#include <cmath>
#include <limits>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QRegularExpression>

namespace Jenkins {

namespace {

Core::Result<QJsonObject> parseObject(const QByteArray &json, const QString &what)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Core::makeError(
                Core::ErrorCode::ParseFailed,
                QStringLiteral("The %1 from Jenkins is not valid JSON: %2 at offset %3.")
                        .arg(what, parseError.errorString())
                        .arg(parseError.offset));
    if (!document.isObject())
        return Core::makeError(
                Core::ErrorCode::InvalidInput,
                QStringLiteral("The %1 from Jenkins is not a JSON object.").arg(what));
    return document.object();
}

QString className(const QJsonObject &object)
{
    return object.value(QLatin1String("_class")).toString();
}

/// Parameters from a ParametersAction in actions[] (recognised by its `parameters` key, because
/// old servers omit `_class`).
QMap<QString, QString> parametersFromActions(const QJsonArray &actions)
{
    QMap<QString, QString> parameters;
    for (const QJsonValue &action : actions) {
        const QJsonArray list = action.toObject().value(QLatin1String("parameters")).toArray();
        for (const QJsonValue &entry : list) {
            const QJsonObject parameter = entry.toObject();
            const QJsonValue value = parameter.value(QLatin1String("value"));
            parameters.insert(parameter.value(QLatin1String("name")).toString(),
                              value.isBool() ? QLatin1String(value.toBool() ? "true" : "false")
                                             : value.toVariant().toString());
        }
    }
    return parameters;
}

/// The queue item's `params` string: "\nNAME=value" lines.
QMap<QString, QString> parametersFromParamsString(const QString &params)
{
    QMap<QString, QString> parameters;
    const QStringList lines = params.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const int equals = line.indexOf(QLatin1Char('='));
        if (equals > 0)
            parameters.insert(line.left(equals), line.mid(equals + 1));
    }
    return parameters;
}

JenkinsJson::QueueState queueState(const QJsonObject &item)
{
    using State = JenkinsJson::QueueState;
    const QString cls = className(item);
    if (cls.endsWith(QLatin1String("$LeftItem")) || item.contains(QLatin1String("cancelled"))) {
        if (item.value(QLatin1String("cancelled")).toBool())
            return State::Cancelled;
        return item.value(QLatin1String("executable")).isObject() ? State::Started : State::Unknown;
    }
    if (cls.endsWith(QLatin1String("$WaitingItem")))
        return State::Waiting;
    if (cls.endsWith(QLatin1String("$BlockedItem"))
        || item.value(QLatin1String("blocked")).toBool())
        return State::Blocked;
    if (cls.endsWith(QLatin1String("$BuildableItem"))
        || item.value(QLatin1String("buildable")).toBool())
        return State::Buildable;
    return cls.isEmpty() ? State::Unknown : State::Waiting;
}

QueueItem queueItemFromObject(const QJsonObject &object)
{
    QueueItem item;
    item.id = object.value(QLatin1String("id")).toVariant().toLongLong();
    item.state = queueState(object);
    item.why = object.value(QLatin1String("why")).toString();
    item.stuck = object.value(QLatin1String("stuck")).toBool();
    item.buildNumber = object.value(QLatin1String("executable"))
                               .toObject()
                               .value(QLatin1String("number"))
                               .toInt(-1);
    item.taskName = object.value(QLatin1String("task"))
                            .toObject()
                            .value(QLatin1String("name"))
                            .toString();
    item.parameters = parametersFromActions(object.value(QLatin1String("actions")).toArray());
    if (item.parameters.isEmpty())
        item.parameters
                = parametersFromParamsString(object.value(QLatin1String("params")).toString());
    return item;
}

BuildInfo buildFromObject(const QJsonObject &object)
{
    BuildInfo build;
    build.number = object.value(QLatin1String("number")).toInt(-1);
    build.queueId = object.value(QLatin1String("queueId")).toVariant().toLongLong();
    if (!object.contains(QLatin1String("queueId")))
        build.queueId = -1;
    build.building = object.value(QLatin1String("building")).toBool();
    build.result
            = JenkinsJson::buildResultFromString(object.value(QLatin1String("result")).toString());
    build.timestamp = object.value(QLatin1String("timestamp")).toVariant().toLongLong();
    build.duration = object.value(QLatin1String("duration")).toVariant().toLongLong();
    build.displayName = object.value(QLatin1String("displayName")).toString();
    build.description = object.value(QLatin1String("description")).toString();
    build.parameters = parametersFromActions(object.value(QLatin1String("actions")).toArray());
    return build;
}

TestCase caseFromObject(const QJsonObject &object)
{
    TestCase testCase;
    testCase.className = object.value(QLatin1String("className")).toString();
    testCase.name = object.value(QLatin1String("name")).toString();
    testCase.status
            = JenkinsJson::caseStatusFromString(object.value(QLatin1String("status")).toString());
    testCase.duration = object.value(QLatin1String("duration")).toDouble();
    testCase.errorDetails = object.value(QLatin1String("errorDetails")).toString();
    testCase.errorStackTrace = object.value(QLatin1String("errorStackTrace")).toString();
    testCase.skippedMessage = object.value(QLatin1String("skippedMessage")).toString();
    return testCase;
}

QMap<QString, double> numbersOf(const QJsonObject &object)
{
    QMap<QString, double> numbers;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const double value = it.value().isDouble()
                ? it.value().toDouble()
                : JenkinsJson::parseFormattedNumber(it.value().toString());
        if (!std::isnan(value))
            numbers.insert(it.key(), value);
    }
    return numbers;
}

QString enumKey(const QMetaEnum &metaEnum, int value)
{
    return QString::fromLatin1(metaEnum.valueToKey(value));
}

} // namespace

Core::Result<QueueItem> JenkinsJson::parseQueueItem(const QByteArray &json)
{
    const auto object = parseObject(json, QStringLiteral("queue item"));
    if (!object)
        return object.error();
    if (!object.value().contains(QLatin1String("id")))
        return Core::makeError(Core::ErrorCode::InvalidInput,
                               QStringLiteral("The queue item from Jenkins has no id."));
    return queueItemFromObject(object.value());
}

Core::Result<QVector<QueueItem>> JenkinsJson::parseQueue(const QByteArray &json)
{
    const auto object = parseObject(json, QStringLiteral("queue"));
    if (!object)
        return object.error();
    QVector<QueueItem> items;
    const QJsonArray list = object.value().value(QLatin1String("items")).toArray();
    for (const QJsonValue &entry : list)
        items.append(queueItemFromObject(entry.toObject()));
    return items;
}

Core::Result<BuildInfo> JenkinsJson::parseBuildInfo(const QByteArray &json)
{
    const auto object = parseObject(json, QStringLiteral("build"));
    if (!object)
        return object.error();
    if (!object.value().value(QLatin1String("number")).isDouble())
        return Core::makeError(Core::ErrorCode::InvalidInput,
                               QStringLiteral("The build from Jenkins has no number."));
    return buildFromObject(object.value());
}

Core::Result<QVector<BuildInfo>> JenkinsJson::parseBuildList(const QByteArray &json)
{
    const auto object = parseObject(json, QStringLiteral("job"));
    if (!object)
        return object.error();
    QVector<BuildInfo> builds;
    const QJsonArray list = object.value().value(QLatin1String("builds")).toArray();
    for (const QJsonValue &entry : list)
        builds.append(buildFromObject(entry.toObject()));
    return builds;
}

Core::Result<TestReport> JenkinsJson::parseTestReport(const QByteArray &json)
{
    const auto object = parseObject(json, QStringLiteral("test report"));
    if (!object)
        return object.error();
    const QJsonObject root = object.value();
    TestReport report;
    report.passCount = root.value(QLatin1String("passCount")).toInt();
    report.failCount = root.value(QLatin1String("failCount")).toInt();
    report.skipCount = root.value(QLatin1String("skipCount")).toInt();
    report.duration = root.value(QLatin1String("duration")).toDouble();
    const QJsonArray suites = root.value(QLatin1String("suites")).toArray();
    for (const QJsonValue &entry : suites) {
        const QJsonObject suiteObject = entry.toObject();
        TestSuite suite;
        suite.name = suiteObject.value(QLatin1String("name")).toString();
        suite.duration = suiteObject.value(QLatin1String("duration")).toDouble();
        const QJsonArray cases = suiteObject.value(QLatin1String("cases")).toArray();
        for (const QJsonValue &caseValue : cases)
            suite.cases.append(caseFromObject(caseValue.toObject()));
        report.suites.append(suite);
    }
    return report;
}

Core::Result<CoverageSummary> JenkinsJson::parseCoverage(const QByteArray &json)
{
    const auto object = parseObject(json, QStringLiteral("coverage summary"));
    if (!object)
        return object.error();
    const QJsonObject root = object.value();
    if (!root.contains(QLatin1String("projectStatistics")))
        return Core::makeError(
                Core::ErrorCode::InvalidInput,
                QStringLiteral("The coverage summary from Jenkins has no "
                               "projectStatistics (not the coverage plugin's API)."));
    CoverageSummary summary;
    summary.project = numbersOf(root.value(QLatin1String("projectStatistics")).toObject());
    summary.projectDelta = numbersOf(root.value(QLatin1String("projectDelta")).toObject());
    summary.modifiedLines
            = numbersOf(root.value(QLatin1String("modifiedLinesStatistics")).toObject());
    summary.qualityGateResult = root.value(QLatin1String("qualityGates"))
                                        .toObject()
                                        .value(QLatin1String("overallResult"))
                                        .toString();
    return summary;
}

Core::Result<WarningsSummary> JenkinsJson::parseWarnings(const QByteArray &json)
{
    const auto object = parseObject(json, QStringLiteral("warnings summary"));
    if (!object)
        return object.error();
    if (!object.value().value(QLatin1String("tools")).isArray())
        return Core::makeError(
                Core::ErrorCode::InvalidInput,
                QStringLiteral("The warnings summary from Jenkins has no tools list."));
    WarningsSummary summary;
    const QJsonArray tools = object.value().value(QLatin1String("tools")).toArray();
    for (const QJsonValue &entry : tools) {
        const QJsonObject tool = entry.toObject();
        summary.tools.append({tool.value(QLatin1String("id")).toString(),
                              tool.value(QLatin1String("name")).toString(),
                              tool.value(QLatin1String("size")).toInt(),
                              tool.value(QLatin1String("errorSize")).toInt(),
                              tool.value(QLatin1String("highSize")).toInt(),
                              tool.value(QLatin1String("normalSize")).toInt(),
                              tool.value(QLatin1String("lowSize")).toInt()});
    }
    return summary;
}

Core::Result<QVector<Computer>> JenkinsJson::parseComputers(const QByteArray &json)
{
    const auto object = parseObject(json, QStringLiteral("computer set"));
    if (!object)
        return object.error();
    QVector<Computer> computers;
    const QJsonArray list = object.value().value(QLatin1String("computer")).toArray();
    for (const QJsonValue &entry : list) {
        const QJsonObject node = entry.toObject();
        Computer computer;
        computer.displayName = node.value(QLatin1String("displayName")).toString();
        computer.offline = node.value(QLatin1String("offline")).toBool();
        computer.temporarilyOffline = node.value(QLatin1String("temporarilyOffline")).toBool();
        computer.offlineCauseReason = node.value(QLatin1String("offlineCauseReason")).toString();
        computer.idle = node.value(QLatin1String("idle")).toBool();
        computer.numExecutors = node.value(QLatin1String("numExecutors")).toInt();
        const QJsonArray labels = node.value(QLatin1String("assignedLabels")).toArray();
        for (const QJsonValue &label : labels)
            computer.labels.append(label.toObject().value(QLatin1String("name")).toString());
        computers.append(computer);
    }
    return computers;
}

Core::Result<Crumb> JenkinsJson::parseCrumb(const QByteArray &json)
{
    const auto object = parseObject(json, QStringLiteral("crumb"));
    if (!object)
        return object.error();
    const Crumb crumb{object.value().value(QLatin1String("crumbRequestField")).toString().toUtf8(),
                      object.value().value(QLatin1String("crumb")).toString().toUtf8()};
    if (crumb.field.isEmpty() || crumb.value.isEmpty())
        return Core::makeError(
                Core::ErrorCode::InvalidInput,
                QStringLiteral("The crumb from Jenkins lacks crumbRequestField or crumb."));
    return crumb;
}

qint64 JenkinsJson::queueIdFromLocation(const QByteArray &location)
{
    static const QRegularExpression pattern(QStringLiteral("/queue/item/(\\d+)/?$"));
    const QRegularExpressionMatch match = pattern.match(QString::fromUtf8(location));
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

JenkinsfileValidation JenkinsJson::parseValidation(const QByteArray &text)
{
    const QString body
            = QString::fromUtf8(text).replace(QLatin1String("\r\n"), QLatin1String("\n"));
    const int newline = body.indexOf(QLatin1Char('\n'));
    const QString first = (newline < 0 ? body : body.left(newline)).trimmed();
    JenkinsfileValidation validation;
    validation.outcome = first == QLatin1String("Jenkinsfile successfully validated.")
            ? JenkinsfileValidation::Outcome::Valid
            : JenkinsfileValidation::Outcome::Invalid;
    if (validation.outcome == JenkinsfileValidation::Outcome::Invalid)
        validation.messages = (first.startsWith(QLatin1String("Errors encountered")) && newline >= 0
                                       ? body.mid(newline + 1)
                                       : body)
                                      .trimmed();
    return validation;
}

double JenkinsJson::parseFormattedNumber(const QString &text)
{
    QString number = text.trimmed();
    if (number.endsWith(QLatin1Char('%')))
        number.chop(1);
    bool ok = false;
    const double value = number.toDouble(&ok);
    return ok ? value : std::numeric_limits<double>::quiet_NaN();
}

JenkinsJson::BuildResult JenkinsJson::buildResultFromString(const QString &text)
{
    if (text.isEmpty())
        return BuildResult::None;
    static const QMap<QString, BuildResult> results{
            {QStringLiteral("SUCCESS"), BuildResult::Success},
            {QStringLiteral("UNSTABLE"), BuildResult::Unstable},
            {QStringLiteral("FAILURE"), BuildResult::Failure},
            {QStringLiteral("NOT_BUILT"), BuildResult::NotBuilt},
            {QStringLiteral("ABORTED"), BuildResult::Aborted}};
    return results.value(text, BuildResult::Unknown);
}

JenkinsJson::CaseStatus JenkinsJson::caseStatusFromString(const QString &text)
{
    static const QMap<QString, CaseStatus> statuses{
            {QStringLiteral("PASSED"), CaseStatus::Passed},
            {QStringLiteral("FIXED"), CaseStatus::Fixed},
            {QStringLiteral("SKIPPED"), CaseStatus::Skipped},
            {QStringLiteral("FAILED"), CaseStatus::Failed},
            {QStringLiteral("REGRESSION"), CaseStatus::Regressed}};
    return statuses.value(text, CaseStatus::Unknown);
}

QString JenkinsJson::toString(QueueState state)
{
    return enumKey(QMetaEnum::fromType<QueueState>(), int(state));
}

QString JenkinsJson::toString(BuildResult result)
{
    return enumKey(QMetaEnum::fromType<BuildResult>(), int(result));
}

QString JenkinsJson::toString(CaseStatus status)
{
    return enumKey(QMetaEnum::fromType<CaseStatus>(), int(status));
}

bool TestCase::isFailure() const
{
    return status == JenkinsJson::CaseStatus::Failed
            || status == JenkinsJson::CaseStatus::Regressed;
}

int WarningsSummary::totalSize() const
{
    int total = 0;
    for (const WarningsTool &tool : tools)
        total += tool.size;
    return total;
}

} // namespace Jenkins
