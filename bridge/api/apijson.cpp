// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/api/apijson.h"

namespace Bridge::ApiJson {

QString statusName(BuildStatus status)
{
    switch (status) {
    case BuildStatus::Pending:
        return QStringLiteral("pending");
    case BuildStatus::InProgress:
        return QStringLiteral("in_progress");
    case BuildStatus::Success:
        return QStringLiteral("success");
    case BuildStatus::Failure:
        return QStringLiteral("failure");
    }
    return QString();
}

QString statusName(StepStatus status)
{
    switch (status) {
    case StepStatus::InProgress:
        return QStringLiteral("in_progress");
    case StepStatus::Success:
        return QStringLiteral("success");
    case StepStatus::Failure:
        return QStringLiteral("failure");
    }
    return QString();
}

std::optional<BuildStatus> buildStatusFromName(const QString &name)
{
    for (BuildStatus status : {BuildStatus::Pending, BuildStatus::InProgress, BuildStatus::Success,
                               BuildStatus::Failure}) {
        if (statusName(status) == name)
            return status;
    }
    return std::nullopt;
}

QJsonObject configuration(const Configuration &config, RecipeField recipe)
{
    QJsonObject object{
            {QStringLiteral("name"), config.name},
            {QStringLiteral("label"), config.label},
            {QStringLiteral("description"), config.description},
            {QStringLiteral("path"), config.path},
            {QStringLiteral("min_revision"), config.minRevision},
            {QStringLiteral("max_revision"), config.maxRevision},
            {QStringLiteral("active"), config.active},
            {QStringLiteral("setup_steps"), QJsonArray::fromStringList(config.setupSteps)}};
    if (recipe == RecipeField::Include)
        object.insert(QStringLiteral("recipe"), QString::fromUtf8(config.recipe));
    return object;
}

QJsonObject platform(const TargetPlatform &platform)
{
    QJsonArray rules;
    for (const PlatformRule &rule : platform.rules)
        rules.append(QJsonObject{{QStringLiteral("property"), rule.property},
                                 {QStringLiteral("pattern"), rule.pattern}});
    return QJsonObject{{QStringLiteral("id"), platform.id},
                       {QStringLiteral("config"), platform.config},
                       {QStringLiteral("name"), platform.name},
                       {QStringLiteral("rules"), rules}};
}

QJsonObject build(const Build &build)
{
    return QJsonObject{{QStringLiteral("id"), build.id},
                       {QStringLiteral("config"), build.config},
                       {QStringLiteral("revision"), build.revision},
                       {QStringLiteral("revision_time"), build.revisionTime},
                       {QStringLiteral("platform"), build.platform},
                       {QStringLiteral("slave"), build.slave},
                       {QStringLiteral("started"), build.started},
                       {QStringLiteral("stopped"), build.stopped},
                       {QStringLiteral("last_activity"), build.lastActivity},
                       {QStringLiteral("status"), statusName(build.status)}};
}

QJsonObject step(const BuildStep &step, const QVector<StepError> &errors)
{
    QJsonArray messages;
    for (const StepError &error : errors) {
        if (error.step == step.name)
            messages.append(error.message);
    }
    const qint64 duration = step.stopped > 0 ? step.stopped - step.started : 0;
    return QJsonObject{{QStringLiteral("name"), step.name},
                       {QStringLiteral("description"), step.description},
                       {QStringLiteral("status"), statusName(step.status)},
                       {QStringLiteral("started"), step.started},
                       {QStringLiteral("stopped"), step.stopped},
                       {QStringLiteral("duration"), duration},
                       {QStringLiteral("errors"), messages}};
}

QJsonObject log(const LogRecord &log)
{
    return QJsonObject{{QStringLiteral("id"), log.id},
                       {QStringLiteral("build"), log.build},
                       {QStringLiteral("step"), log.step},
                       {QStringLiteral("generator"), log.generator},
                       {QStringLiteral("order"), log.orderNumber},
                       {QStringLiteral("message_count"), log.messageCount}};
}

QJsonObject logMessage(const Core::LogMessage &message)
{
    return QJsonObject{{QStringLiteral("level"), message.level},
                       {QStringLiteral("text"), message.text}};
}

QJsonObject testTotals(const Core::TestTotals &totals)
{
    return QJsonObject{{QStringLiteral("success"), totals.success},
                       {QStringLiteral("failure"), totals.failure},
                       {QStringLiteral("error"), totals.error},
                       {QStringLiteral("ignore"), totals.ignore},
                       {QStringLiteral("other"), totals.other},
                       {QStringLiteral("total"), totals.total()}};
}

QJsonObject coverageTotals(const Core::CoverageTotals &totals)
{
    return QJsonObject{{QStringLiteral("lines"), totals.lines},
                       {QStringLiteral("covered_lines"), totals.coveredLines},
                       {QStringLiteral("files"), totals.files},
                       {QStringLiteral("percentage"), totals.percentage()}};
}

QJsonObject lintTotals(const Core::LintTotals &totals)
{
    return QJsonObject{{QStringLiteral("convention"), totals.convention},
                       {QStringLiteral("refactor"), totals.refactor},
                       {QStringLiteral("warning"), totals.warning},
                       {QStringLiteral("error"), totals.error},
                       {QStringLiteral("other"), totals.other},
                       {QStringLiteral("total"), totals.total()}};
}

QJsonObject report(const ReportRecord &record)
{
    QJsonArray items;
    for (const Core::ReportItem &item : record.items) {
        QJsonObject fields;
        for (const auto &field : item.fields)
            fields.insert(field.first, field.second);
        items.append(fields);
    }
    const Core::Report report{record.category, record.generator, record.items};
    QJsonObject summary;
    if (record.category == QLatin1String("test"))
        summary = testTotals(Core::testTotals(report));
    else if (record.category == QLatin1String("coverage"))
        summary = coverageTotals(Core::coverageTotals(report));
    else if (record.category == QLatin1String("lint"))
        summary = lintTotals(Core::lintTotals(report));
    return QJsonObject{{QStringLiteral("id"), record.id},
                       {QStringLiteral("build"), record.build},
                       {QStringLiteral("step"), record.step},
                       {QStringLiteral("category"), record.category},
                       {QStringLiteral("generator"), record.generator},
                       {QStringLiteral("summary"), summary},
                       {QStringLiteral("items"), items}};
}

QJsonObject agent(const Agent &agent)
{
    QJsonObject properties;
    for (const auto &property : agent.properties)
        properties.insert(property.first, property.second);
    return QJsonObject{{QStringLiteral("name"), agent.name},
                       {QStringLiteral("properties"), properties},
                       {QStringLiteral("first_seen"), agent.firstSeen},
                       {QStringLiteral("last_seen"), agent.lastSeen},
                       {QStringLiteral("current_build"), agent.currentBuild}};
}

QJsonObject metricPoint(const MetricPoint &point)
{
    return QJsonObject{{QStringLiteral("build"), point.build},
                       {QStringLiteral("revision"), point.revision},
                       {QStringLiteral("revision_time"), point.revisionTime},
                       {QStringLiteral("platform"), point.platform},
                       {QStringLiteral("status"), statusName(point.status)},
                       {QStringLiteral("tests"), testTotals(point.tests)},
                       {QStringLiteral("coverage"), coverageTotals(point.coverage)},
                       {QStringLiteral("lint"), lintTotals(point.lint)}};
}

QJsonObject buildRequest(const BuildRequest &request)
{
    QJsonArray builds;
    for (qint64 id : request.builds)
        builds.append(id);
    return QJsonObject{{QStringLiteral("request_id"), request.requestId},
                       {QStringLiteral("config"), request.config},
                       {QStringLiteral("revision"), request.revision},
                       {QStringLiteral("revision_time"), request.revisionTime},
                       {QStringLiteral("created"), request.created},
                       {QStringLiteral("builds"), builds}};
}

} // namespace Bridge::ApiJson
