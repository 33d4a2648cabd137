// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reportjson.h"

#include <algorithm>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Core {

bool StepSummaryTestCase::operator==(const StepSummaryTestCase &other) const
{
    return fixture == other.fixture && name == other.name && status == other.status
            && file == other.file && durationSeconds == other.durationSeconds
            && traceback == other.traceback;
}

namespace {

const QString schemaName = QStringLiteral("bittern-report");

QString onErrorName(OnError value)
{
    switch (value) {
    case OnError::Continue:
        return QStringLiteral("continue");
    case OnError::Ignore:
        return QStringLiteral("ignore");
    case OnError::Fail:
    case OnError::Invalid:
        break;
    }
    return QStringLiteral("fail");
}

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonObject testsObject(const StepSummary::Tests &tests)
{
    QJsonArray cases;
    for (const auto &entry : tests.cases) {
        QJsonObject object{{QStringLiteral("fixture"), entry.fixture},
                           {QStringLiteral("name"), entry.name},
                           {QStringLiteral("status"), entry.status}};
        if (!entry.file.isEmpty())
            object.insert(QStringLiteral("file"), entry.file);
        if (entry.durationSeconds)
            object.insert(QStringLiteral("duration"), *entry.durationSeconds);
        if (!entry.traceback.isEmpty())
            object.insert(QStringLiteral("traceback"), entry.traceback);
        cases.append(object);
    }
    const TestTotals &t = tests.totals;
    return QJsonObject{{QStringLiteral("total"), double(t.total())},
                       {QStringLiteral("passed"), double(t.success)},
                       {QStringLiteral("failed"), double(t.failure)},
                       {QStringLiteral("errors"), double(t.error)},
                       {QStringLiteral("ignored"), double(t.ignore)},
                       {QStringLiteral("other"), double(t.other)},
                       {QStringLiteral("cases"), cases},
                       {QStringLiteral("casesTruncated"), tests.casesTruncated}};
}

QJsonObject coverageObject(const CoverageTotals &coverage)
{
    return QJsonObject{{QStringLiteral("percentage"), coverage.percentage()},
                       {QStringLiteral("lines"), double(coverage.lines)},
                       {QStringLiteral("coveredLines"), coverage.coveredLines},
                       {QStringLiteral("files"), double(coverage.files)}};
}

QJsonObject lintObject(const LintTotals &lint)
{
    const QJsonObject byCategory{{QStringLiteral("convention"), double(lint.convention)},
                                 {QStringLiteral("refactor"), double(lint.refactor)},
                                 {QStringLiteral("warning"), double(lint.warning)},
                                 {QStringLiteral("error"), double(lint.error)},
                                 {QStringLiteral("other"), double(lint.other)}};
    return QJsonObject{{QStringLiteral("total"), double(lint.total())},
                       {QStringLiteral("byCategory"), byCategory}};
}

QJsonObject filesObject(const StepSummary::Files &files)
{
    QJsonObject object;
    const QPair<const char *, const QString *> entries[]
            = {{"result", &files.result},           {"junit", &files.junit},
               {"cobertura", &files.cobertura},     {"issues", &files.issues},
               {"attachments", &files.attachments}, {"log", &files.log}};
    for (const auto &entry : entries) {
        if (!entry.second->isEmpty())
            object.insert(QLatin1String(entry.first), *entry.second);
    }
    return object;
}

} // namespace

QByteArray ReportJson::write(const StepSummary &summary)
{
    QJsonObject root;
    root.insert(QStringLiteral("schema"), schemaName);
    root.insert(QStringLiteral("version"),
                QStringLiteral("%1.%2").arg(majorVersion).arg(minorVersion));
    root.insert(QStringLiteral("step"), summary.step);
    root.insert(QStringLiteral("status"),
                summary.status == StepResult::Status::Failure ? QStringLiteral("failure")
                                                              : QStringLiteral("success"));
    root.insert(QStringLiteral("onerror"), onErrorName(summary.onError));
    root.insert(QStringLiteral("duration"), summary.durationSeconds);
    if (summary.started.isValid())
        root.insert(QStringLiteral("started"), isoTime(summary.started));
    if (summary.finished.isValid())
        root.insert(QStringLiteral("finished"), isoTime(summary.finished));
    if (!summary.exitReason.isEmpty())
        root.insert(QStringLiteral("exitReason"), summary.exitReason);
    root.insert(QStringLiteral("errors"), QJsonArray::fromStringList(summary.errors));
    if (summary.tests)
        root.insert(QStringLiteral("tests"), testsObject(*summary.tests));
    if (summary.coverage)
        root.insert(QStringLiteral("coverage"), coverageObject(*summary.coverage));
    if (summary.lint)
        root.insert(QStringLiteral("lint"), lintObject(*summary.lint));
    QJsonObject properties;
    for (const auto &property : summary.properties)
        properties.insert(property.first, property.second);
    root.insert(QStringLiteral("properties"), properties);
    QJsonArray urls;
    for (const auto &url : summary.urls)
        urls.append(QJsonObject{{QStringLiteral("name"), url.first},
                                {QStringLiteral("url"), url.second}});
    root.insert(QStringLiteral("urls"), urls);
    root.insert(QStringLiteral("files"), filesObject(summary.files));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

static void addTests(StepSummary &summary, const Report &report, int maxTestCases)
{
    StepSummary::Tests tests = summary.tests.value_or(StepSummary::Tests{});
    QVector<const ReportItem *> order;
    for (const auto &item : report.items) {
        addToTotals(tests.totals, item);
        order.append(&item);
    }
    // Failures first: a capped list should show what went wrong.
    std::stable_sort(order.begin(), order.end(), [](const auto *a, const auto *b) {
        const bool aOk = a->value(QStringLiteral("status")) == QLatin1String("success");
        const bool bOk = b->value(QStringLiteral("status")) == QLatin1String("success");
        return !aOk && bOk;
    });
    for (const auto *item : qAsConst(order)) {
        if (tests.cases.size() >= maxTestCases) {
            tests.casesTruncated = true;
            break;
        }
        StepSummaryTestCase entry;
        entry.fixture = item->value(QStringLiteral("fixture"));
        entry.name = item->value(QStringLiteral("name"));
        entry.status = item->value(QStringLiteral("status"));
        entry.file = item->value(QStringLiteral("file"));
        bool ok = false;
        const double duration = item->value(QStringLiteral("duration")).toDouble(&ok);
        if (ok)
            entry.durationSeconds = duration;
        entry.traceback = item->value(QStringLiteral("traceback"));
        tests.cases.append(entry);
    }
    summary.tests = tests;
}

static void addCoverage(StepSummary &summary, const Report &report)
{
    const CoverageTotals add = coverageTotals(report);
    CoverageTotals totals = summary.coverage.value_or(CoverageTotals{});
    totals.lines += add.lines;
    totals.coveredLines += add.coveredLines;
    totals.files += add.files;
    summary.coverage = totals;
}

static void addLint(StepSummary &summary, const Report &report)
{
    const LintTotals add = lintTotals(report);
    LintTotals totals = summary.lint.value_or(LintTotals{});
    totals.convention += add.convention;
    totals.refactor += add.refactor;
    totals.warning += add.warning;
    totals.error += add.error;
    totals.other += add.other;
    summary.lint = totals;
}

StepSummary ReportJson::summarize(const StepResult &result, int maxTestCases)
{
    StepSummary summary;
    summary.step = result.step;
    summary.status = result.status;
    summary.durationSeconds = result.durationSeconds;
    for (const auto &error : result.errors)
        summary.errors.append(error.message);
    for (const auto &report : result.reports) {
        if (report.category == QLatin1String("test"))
            addTests(summary, report, maxTestCases);
        else if (report.category == QLatin1String("coverage"))
            addCoverage(summary, report);
        else if (report.category == QLatin1String("lint"))
            addLint(summary, report);
    }
    return summary;
}

namespace {

/// Typed access to report.json fields; the first type error wins and stops the read.
class JsonFields
{
public:
    std::optional<Error> error;

    QString string(const QJsonObject &object, const QString &path, const QString &key)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull())
            return QString();
        if (!value.isString())
            fail(path + key, QStringLiteral("a string"));
        return value.toString();
    }

    double number(const QJsonObject &object, const QString &path, const QString &key)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return 0;
        if (!value.isDouble())
            fail(path + key, QStringLiteral("a number"));
        return value.toDouble();
    }

    qint64 count(const QJsonObject &object, const QString &path, const QString &key)
    {
        return qint64(number(object, path, key));
    }

    QJsonObject object(const QJsonObject &object, const QString &path, const QString &key)
    {
        const QJsonValue value = object.value(key);
        if (!value.isUndefined() && !value.isObject())
            fail(path + key, QStringLiteral("an object"));
        return value.toObject();
    }

    QJsonArray array(const QJsonObject &object, const QString &path, const QString &key)
    {
        const QJsonValue value = object.value(key);
        if (!value.isUndefined() && !value.isArray())
            fail(path + key, QStringLiteral("an array"));
        return value.toArray();
    }

    QDateTime time(const QJsonObject &object, const QString &key)
    {
        const QString text = string(object, QString(), key);
        if (text.isEmpty())
            return QDateTime();
        QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!time.isValid())
            fail(key, QStringLiteral("an ISO 8601 time"));
        return time.toUTC();
    }

    void fail(const QString &field, const QString &what)
    {
        if (!error)
            error = makeError(ErrorCode::InvalidInput,
                              QStringLiteral("report.json field %1 is not %2.").arg(field, what));
    }
};

StepSummary::Tests readTests(JsonFields &fields, const QJsonObject &object)
{
    const QString path = QStringLiteral("tests.");
    StepSummary::Tests tests;
    tests.totals.success = fields.count(object, path, QStringLiteral("passed"));
    tests.totals.failure = fields.count(object, path, QStringLiteral("failed"));
    tests.totals.error = fields.count(object, path, QStringLiteral("errors"));
    tests.totals.ignore = fields.count(object, path, QStringLiteral("ignored"));
    tests.totals.other = fields.count(object, path, QStringLiteral("other"));
    tests.casesTruncated = object.value(QStringLiteral("casesTruncated")).toBool();
    const QJsonArray cases = fields.array(object, path, QStringLiteral("cases"));
    const QString casePath = QStringLiteral("tests.cases[].");
    for (const auto &value : cases) {
        const QJsonObject entry = value.toObject();
        StepSummaryTestCase test;
        test.fixture = fields.string(entry, casePath, QStringLiteral("fixture"));
        test.name = fields.string(entry, casePath, QStringLiteral("name"));
        test.status = fields.string(entry, casePath, QStringLiteral("status"));
        test.file = fields.string(entry, casePath, QStringLiteral("file"));
        if (entry.contains(QStringLiteral("duration")))
            test.durationSeconds = fields.number(entry, casePath, QStringLiteral("duration"));
        test.traceback = fields.string(entry, casePath, QStringLiteral("traceback"));
        tests.cases.append(test);
    }
    return tests;
}

LintTotals readLint(JsonFields &fields, const QJsonObject &object)
{
    const QString path = QStringLiteral("lint.byCategory.");
    const QJsonObject by
            = fields.object(object, QStringLiteral("lint."), QStringLiteral("byCategory"));
    LintTotals lint;
    lint.convention = fields.count(by, path, QStringLiteral("convention"));
    lint.refactor = fields.count(by, path, QStringLiteral("refactor"));
    lint.warning = fields.count(by, path, QStringLiteral("warning"));
    lint.error = fields.count(by, path, QStringLiteral("error"));
    lint.other = fields.count(by, path, QStringLiteral("other"));
    return lint;
}

StepSummary::Files readFiles(JsonFields &fields, const QJsonObject &object)
{
    const QString path = QStringLiteral("files.");
    StepSummary::Files files;
    files.result = fields.string(object, path, QStringLiteral("result"));
    files.junit = fields.string(object, path, QStringLiteral("junit"));
    files.cobertura = fields.string(object, path, QStringLiteral("cobertura"));
    files.issues = fields.string(object, path, QStringLiteral("issues"));
    files.attachments = fields.string(object, path, QStringLiteral("attachments"));
    files.log = fields.string(object, path, QStringLiteral("log"));
    return files;
}

std::optional<Error> checkVersion(const QJsonObject &root)
{
    if (root.value(QStringLiteral("schema")).toString() != schemaName)
        return makeError(
                ErrorCode::InvalidInput,
                QStringLiteral("report.json has no \"schema\": \"%1\" member.").arg(schemaName));
    const QString version = root.value(QStringLiteral("version")).toString();
    bool ok = false;
    const int major = version.section(QLatin1Char('.'), 0, 0).toInt(&ok);
    if (!ok || !version.contains(QLatin1Char('.')))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("report.json has no valid version (\"%1\").").arg(version));
    if (major != ReportJson::majorVersion)
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("report.json version %1 is not supported; this Bittern "
                                        "reads version %2.x.")
                                 .arg(version)
                                 .arg(ReportJson::majorVersion));
    return std::nullopt;
}

OnError readOnError(JsonFields &fields, const QJsonObject &root)
{
    const QString text = fields.string(root, QString(), QStringLiteral("onerror"));
    if (text.isEmpty() || text == QLatin1String("fail"))
        return OnError::Fail;
    if (text == QLatin1String("continue"))
        return OnError::Continue;
    if (text == QLatin1String("ignore"))
        return OnError::Ignore;
    fields.fail(QStringLiteral("onerror"), QStringLiteral("fail, continue or ignore"));
    return OnError::Invalid;
}

void readOptionalParts(JsonFields &fields, const QJsonObject &root, StepSummary &summary)
{
    if (root.contains(QStringLiteral("tests")))
        summary.tests = readTests(fields, fields.object(root, {}, QStringLiteral("tests")));
    if (root.contains(QStringLiteral("coverage"))) {
        const QJsonObject object = fields.object(root, {}, QStringLiteral("coverage"));
        const QString path = QStringLiteral("coverage.");
        CoverageTotals coverage;
        coverage.lines = fields.count(object, path, QStringLiteral("lines"));
        coverage.coveredLines = fields.number(object, path, QStringLiteral("coveredLines"));
        coverage.files = fields.count(object, path, QStringLiteral("files"));
        summary.coverage = coverage;
    }
    if (root.contains(QStringLiteral("lint")))
        summary.lint = readLint(fields, fields.object(root, {}, QStringLiteral("lint")));
    const QJsonObject properties = fields.object(root, {}, QStringLiteral("properties"));
    for (auto it = properties.begin(); it != properties.end(); ++it)
        summary.properties.append(
                {it.key(), fields.string(properties, QStringLiteral("properties."), it.key())});
    const QJsonArray urls = fields.array(root, {}, QStringLiteral("urls"));
    for (const auto &value : urls) {
        const QJsonObject url = value.toObject();
        summary.urls.append({fields.string(url, QStringLiteral("urls[]."), QStringLiteral("name")),
                             fields.string(url, QStringLiteral("urls[]."), QStringLiteral("url"))});
    }
    summary.files = readFiles(fields, fields.object(root, {}, QStringLiteral("files")));
}

} // namespace

Result<StepSummary> ReportJson::read(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(ErrorCode::ParseFailed,
                         QStringLiteral("report.json is not valid JSON: %1 at offset %2.")
                                 .arg(parseError.errorString())
                                 .arg(parseError.offset));
    if (!document.isObject())
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("report.json is not a JSON object."));
    const QJsonObject root = document.object();
    if (const auto versionError = checkVersion(root))
        return *versionError;
    JsonFields fields;
    StepSummary summary;
    summary.step = fields.string(root, {}, QStringLiteral("step"));
    summary.status = fields.string(root, {}, QStringLiteral("status")) == QLatin1String("failure")
            ? StepResult::Status::Failure
            : StepResult::Status::Success;
    summary.onError = readOnError(fields, root);
    summary.durationSeconds = fields.number(root, {}, QStringLiteral("duration"));
    summary.started = fields.time(root, QStringLiteral("started"));
    summary.finished = fields.time(root, QStringLiteral("finished"));
    summary.exitReason = fields.string(root, {}, QStringLiteral("exitReason"));
    const QJsonArray errors = fields.array(root, {}, QStringLiteral("errors"));
    for (const auto &error : errors)
        summary.errors.append(error.toString());
    readOptionalParts(fields, root, summary);
    if (fields.error)
        return *fields.error;
    return summary;
}

} // namespace Core
