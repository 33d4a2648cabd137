// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrations/buildbot/buildbotjson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Buildbot {

namespace {

std::optional<int> optionalInt(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    return value.toInt();
}

Core::Result<QJsonObject> parseObject(const QByteArray &body, const QString &what)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return Core::makeError(Core::ErrorCode::ParseFailed,
                               QStringLiteral("The answer to %1 is not a JSON object: %2.")
                                       .arg(what, error.errorString()));
    }
    return document.object();
}

} // namespace

QByteArray BuildbotJson::rpcCall(const QString &method, const QJsonObject &params, int id)
{
    const QJsonObject call{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                           {QStringLiteral("method"), method},
                           {QStringLiteral("id"), id},
                           {QStringLiteral("params"), params}};
    return QJsonDocument(call).toJson(QJsonDocument::Compact);
}

Core::Result<QJsonValue> BuildbotJson::rpcResult(const QByteArray &body, const QString &what)
{
    const auto object = parseObject(body, what);
    if (!object)
        return object.error();
    const QJsonValue error = object.value().value(QStringLiteral("error"));
    if (error.isObject()) {
        const QJsonValue message = error.toObject().value(QStringLiteral("message"));
        const QString text = message.isString()
                ? message.toString()
                : QString::fromUtf8(
                        QJsonDocument(message.toObject()).toJson(QJsonDocument::Compact));
        return Core::makeError(Core::ErrorCode::InvalidInput,
                               QStringLiteral("Buildbot refused %1: %2").arg(what, text));
    }
    if (error.isString()) {
        return Core::makeError(
                Core::ErrorCode::InvalidInput,
                QStringLiteral("Buildbot refused %1: %2").arg(what, error.toString()));
    }
    return object.value().value(QStringLiteral("result"));
}

Core::Result<QVector<QJsonObject>> BuildbotJson::list(const QByteArray &body, const QString &key)
{
    const auto object = parseObject(body, QStringLiteral("the %1 request").arg(key));
    if (!object)
        return object.error();
    const QJsonValue value = object.value().value(key);
    if (!value.isArray()) {
        return Core::makeError(Core::ErrorCode::InvalidInput,
                               QStringLiteral("Buildbot's answer has no %1 list.").arg(key));
    }
    QVector<QJsonObject> out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        out += item.toObject();
    return out;
}

Core::Result<ForceResult> BuildbotJson::forceResult(const QJsonValue &result)
{
    const QJsonArray array = result.toArray();
    if (array.size() != 2 || !array.at(0).isDouble() || !array.at(1).isObject()) {
        return Core::makeError(Core::ErrorCode::InvalidInput,
                               QStringLiteral("Buildbot's answer to force is not "
                                              "[buildsetid, {builderid: buildrequestid}]."));
    }
    ForceResult out;
    out.buildsetId = qint64(array.at(0).toDouble());
    const QJsonObject requests = array.at(1).toObject();
    for (auto it = requests.begin(); it != requests.end(); ++it)
        out.requests += {it.key().toInt(), qint64(it.value().toDouble())};
    return out;
}

BuilderInfo BuildbotJson::builder(const QJsonObject &object)
{
    BuilderInfo out;
    out.id = object.value(QStringLiteral("builderid")).toInt();
    out.name = object.value(QStringLiteral("name")).toString();
    const QJsonArray tags = object.value(QStringLiteral("tags")).toArray();
    for (const QJsonValue &tag : tags)
        out.tags += tag.toString();
    return out;
}

BuildRequestInfo BuildbotJson::buildRequest(const QJsonObject &object)
{
    BuildRequestInfo out;
    out.id = qint64(object.value(QStringLiteral("buildrequestid")).toDouble());
    out.buildsetId = qint64(object.value(QStringLiteral("buildsetid")).toDouble());
    out.builderId = object.value(QStringLiteral("builderid")).toInt();
    out.claimed = object.value(QStringLiteral("claimed")).toBool();
    out.complete = object.value(QStringLiteral("complete")).toBool();
    out.result = resultFromCode(object.value(QStringLiteral("results")));
    return out;
}

BuildInfo BuildbotJson::build(const QJsonObject &object)
{
    BuildInfo out;
    out.id = qint64(object.value(QStringLiteral("buildid")).toDouble());
    out.number = object.value(QStringLiteral("number")).toInt();
    out.builderId = object.value(QStringLiteral("builderid")).toInt();
    out.buildRequestId = qint64(object.value(QStringLiteral("buildrequestid")).toDouble());
    out.complete = object.value(QStringLiteral("complete")).toBool();
    out.result = resultFromCode(object.value(QStringLiteral("results")));
    out.stateString = object.value(QStringLiteral("state_string")).toString();
    out.properties = properties(object.value(QStringLiteral("properties")).toObject());
    return out;
}

StepInfo BuildbotJson::step(const QJsonObject &object)
{
    StepInfo out;
    out.id = qint64(object.value(QStringLiteral("stepid")).toDouble());
    out.number = object.value(QStringLiteral("number")).toInt();
    out.name = object.value(QStringLiteral("name")).toString();
    out.started = object.value(QStringLiteral("started_at")).isDouble();
    out.complete = object.value(QStringLiteral("complete")).toBool();
    out.hidden = object.value(QStringLiteral("hidden")).toBool();
    out.result = resultFromCode(object.value(QStringLiteral("results")));
    out.stateString = object.value(QStringLiteral("state_string")).toString();
    const QJsonArray urls = object.value(QStringLiteral("urls")).toArray();
    for (const QJsonValue &url : urls) {
        const QJsonObject link = url.toObject();
        out.urls += {link.value(QStringLiteral("name")).toString(),
                     link.value(QStringLiteral("url")).toString()};
    }
    return out;
}

LogInfo BuildbotJson::log(const QJsonObject &object)
{
    LogInfo out;
    out.id = qint64(object.value(QStringLiteral("logid")).toDouble());
    out.name = object.value(QStringLiteral("name")).toString();
    out.slug = object.value(QStringLiteral("slug")).toString();
    const QString type = object.value(QStringLiteral("type")).toString();
    out.type = type.isEmpty() ? QLatin1Char('s') : type.at(0);
    out.lineCount = object.value(QStringLiteral("num_lines")).toInt();
    out.complete = object.value(QStringLiteral("complete")).toBool();
    return out;
}

Core::Result<LogLines> BuildbotJson::logLines(const QByteArray &body, QChar type)
{
    const auto chunks = list(body, QStringLiteral("logchunks"));
    if (!chunks)
        return chunks.error();
    LogLines out;
    bool first = true;
    for (const QJsonObject &chunk : chunks.value()) {
        if (first)
            out.firstLine = chunk.value(QStringLiteral("firstline")).toInt();
        first = false;
        QString content = chunk.value(QStringLiteral("content")).toString();
        if (content.endsWith(QLatin1Char('\n')))
            content.chop(1);
        const QStringList lines = content.split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            const bool prefixed = type == QLatin1Char('s') && !line.isEmpty();
            out.streams += prefixed ? line.at(0) : QLatin1Char(' ');
            out.lines += prefixed ? line.mid(1) : line;
        }
    }
    return out;
}

TestResultSetInfo BuildbotJson::testResultSet(const QJsonObject &object)
{
    TestResultSetInfo out;
    out.id = qint64(object.value(QStringLiteral("test_result_setid")).toDouble());
    out.stepId = qint64(object.value(QStringLiteral("stepid")).toDouble());
    out.description = object.value(QStringLiteral("description")).toString();
    out.category = object.value(QStringLiteral("category")).toString();
    out.valueUnit = object.value(QStringLiteral("value_unit")).toString();
    out.passed = optionalInt(object.value(QStringLiteral("tests_passed")));
    out.failed = optionalInt(object.value(QStringLiteral("tests_failed")));
    out.complete = object.value(QStringLiteral("complete")).toBool();
    return out;
}

TestResultInfo BuildbotJson::testResult(const QJsonObject &object)
{
    TestResultInfo out;
    out.name = object.value(QStringLiteral("test_name")).toString();
    out.codePath = object.value(QStringLiteral("test_code_path")).toString();
    out.line = optionalInt(object.value(QStringLiteral("line")));
    const QJsonValue duration = object.value(QStringLiteral("duration_ns"));
    if (duration.isDouble())
        out.durationNs = qint64(duration.toDouble());
    out.value = object.value(QStringLiteral("value")).toString();
    return out;
}

QVariantMap BuildbotJson::properties(const QJsonObject &object)
{
    QVariantMap out;
    for (auto it = object.begin(); it != object.end(); ++it)
        out.insert(it.key(), it.value().toArray().at(0).toVariant());
    return out;
}

QString BuildbotJson::resultName(BuildResult result)
{
    switch (result) {
    case BuildResult::Pending:
        return QStringLiteral("pending");
    case BuildResult::Success:
        return QStringLiteral("success");
    case BuildResult::Warnings:
        return QStringLiteral("warnings");
    case BuildResult::Failure:
        return QStringLiteral("failure");
    case BuildResult::Skipped:
        return QStringLiteral("skipped");
    case BuildResult::Exception:
        return QStringLiteral("exception");
    case BuildResult::Retry:
        return QStringLiteral("retry");
    case BuildResult::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

BuildResult BuildbotJson::resultFromCode(const QJsonValue &code)
{
    if (!code.isDouble())
        return BuildResult::Pending;
    const int value = code.toInt();
    if (value < int(BuildResult::Pending) || value > int(BuildResult::Cancelled))
        return BuildResult::Exception;
    return BuildResult(value);
}

} // namespace Buildbot
