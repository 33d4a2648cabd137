// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/api/metricsexporter.h"

#include "bridge/api/apijson.h"
#include "bridge/store/store.h"

namespace Bridge {

namespace {

/// Appends the HELP and TYPE lines of a metric family.
void family(QString &out, const QString &name, const QString &type, const QString &help)
{
    out += QStringLiteral("# HELP %1 %2\n# TYPE %1 %3\n").arg(name, help, type);
}

QString number(double value)
{
    return QString::number(value, 'g', 10);
}

void sample(QString &out, const QString &name, const QString &labels, double value)
{
    out += name;
    if (!labels.isEmpty())
        out += QLatin1Char('{') + labels + QLatin1Char('}');
    out += QLatin1Char(' ') + number(value) + QLatin1Char('\n');
}

QString label(const QString &name, const QString &value)
{
    return name + QStringLiteral("=\"") + MetricsExporter::escapeLabelValue(value)
            + QLatin1Char('"');
}

void renderLatest(QString &out, const MetricsSnapshot &snapshot)
{
    const QString tests = QStringLiteral("bittern_config_tests");
    family(out, tests, QStringLiteral("gauge"),
           QStringLiteral("Tests of the latest finished build of a configuration by result."));
    for (const auto &[config, point] : snapshot.latest) {
        const QString c = label(QStringLiteral("config"), config) + QLatin1Char(',');
        sample(out, tests, c + label(QStringLiteral("result"), QStringLiteral("success")),
               double(point.tests.success));
        sample(out, tests, c + label(QStringLiteral("result"), QStringLiteral("failure")),
               double(point.tests.failure));
        sample(out, tests, c + label(QStringLiteral("result"), QStringLiteral("error")),
               double(point.tests.error));
        sample(out, tests, c + label(QStringLiteral("result"), QStringLiteral("ignore")),
               double(point.tests.ignore));
    }
    const QString coverage = QStringLiteral("bittern_config_coverage_ratio");
    family(out, coverage, QStringLiteral("gauge"),
           QStringLiteral("Line-weighted coverage (0 to 1) of the latest finished build of a "
                          "configuration."));
    for (const auto &[config, point] : snapshot.latest)
        sample(out, coverage, label(QStringLiteral("config"), config),
               point.coverage.percentage() / 100.0);
    const QString lint = QStringLiteral("bittern_config_lint_problems");
    family(out, lint, QStringLiteral("gauge"),
           QStringLiteral("Lint problems of the latest finished build of a configuration by "
                          "category."));
    for (const auto &[config, point] : snapshot.latest) {
        const QString c = label(QStringLiteral("config"), config) + QLatin1Char(',');
        const QVector<QPair<QString, qint64>> counts{
                {QStringLiteral("convention"), point.lint.convention},
                {QStringLiteral("refactor"), point.lint.refactor},
                {QStringLiteral("warning"), point.lint.warning},
                {QStringLiteral("error"), point.lint.error},
                {QStringLiteral("other"), point.lint.other}};
        for (const auto &[category, count] : counts)
            sample(out, lint, c + label(QStringLiteral("category"), category), double(count));
    }
}

} // namespace

MetricsExporter::MetricsExporter(Store &store) : m_store(store) { }

Response MetricsExporter::handle(const Request &request)
{
    if (request.method != "GET" && request.method != "HEAD")
        return Response::text(405, QStringLiteral("Method not allowed on /metrics."));
    const Core::Result<MetricsSnapshot> state = snapshot(m_store);
    if (!state)
        return Response::text(500, state.error().message);
    Response response;
    response.setHeader(QByteArrayLiteral("Content-Type"),
                       QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"));
    response.body = render(state.value());
    return response;
}

Core::Result<MetricsSnapshot> MetricsExporter::snapshot(Store &store)
{
    MetricsSnapshot snapshot;
    for (BuildStatus status : {BuildStatus::Pending, BuildStatus::InProgress, BuildStatus::Success,
                               BuildStatus::Failure}) {
        BuildQuery query;
        query.statuses = {status};
        query.limit = 1;
        const Core::Result<BuildPage> page = store.builds(query);
        if (!page)
            return page.error();
        snapshot.buildsByStatus.insert(status, page.value().total);
    }
    snapshot.queueLength = snapshot.buildsByStatus.value(BuildStatus::Pending);
    const Core::Result<QVector<Agent>> agents = store.agents();
    const Core::Result<QVector<Configuration>> configs = store.configurations();
    if (!agents || !configs)
        return !agents ? agents.error() : configs.error();
    snapshot.agents = agents.value().size();
    snapshot.configurations = configs.value().size();
    for (const Configuration &config : configs.value()) {
        const Core::Result<QVector<MetricPoint>> points = store.metrics(config.name);
        if (!points)
            return points.error();
        if (!points.value().isEmpty())
            snapshot.latest.append({config.name, latestRevision(points.value())});
    }
    return snapshot;
}

QByteArray MetricsExporter::render(const MetricsSnapshot &snapshot)
{
    QString out;
    const QString builds = QStringLiteral("bittern_builds");
    family(out, builds, QStringLiteral("gauge"), QStringLiteral("Builds in the store by status."));
    for (auto it = snapshot.buildsByStatus.constBegin(); it != snapshot.buildsByStatus.constEnd();
         ++it)
        sample(out, builds, label(QStringLiteral("status"), ApiJson::statusName(it.key())),
               double(it.value()));
    family(out, QStringLiteral("bittern_queue_length"), QStringLiteral("gauge"),
           QStringLiteral("Pending builds waiting for an agent."));
    sample(out, QStringLiteral("bittern_queue_length"), QString(), double(snapshot.queueLength));
    family(out, QStringLiteral("bittern_agents"), QStringLiteral("gauge"),
           QStringLiteral("Agents the bridge has seen."));
    sample(out, QStringLiteral("bittern_agents"), QString(), double(snapshot.agents));
    family(out, QStringLiteral("bittern_configurations"), QStringLiteral("gauge"),
           QStringLiteral("Build configurations in the store."));
    sample(out, QStringLiteral("bittern_configurations"), QString(),
           double(snapshot.configurations));
    renderLatest(out, snapshot);
    return out.toUtf8();
}

void MetricsExporter::add(MetricPoint &sum, const MetricPoint &point)
{
    sum.tests.success += point.tests.success;
    sum.tests.failure += point.tests.failure;
    sum.tests.error += point.tests.error;
    sum.tests.ignore += point.tests.ignore;
    sum.tests.other += point.tests.other;
    sum.coverage.lines += point.coverage.lines;
    sum.coverage.coveredLines += point.coverage.coveredLines;
    sum.coverage.files += point.coverage.files;
    sum.lint.convention += point.lint.convention;
    sum.lint.refactor += point.lint.refactor;
    sum.lint.warning += point.lint.warning;
    sum.lint.error += point.lint.error;
    sum.lint.other += point.lint.other;
}

MetricPoint MetricsExporter::latestRevision(const QVector<MetricPoint> &points)
{
    if (points.isEmpty())
        return MetricPoint();
    MetricPoint sum = points.constLast();
    sum.tests = {};
    sum.coverage = {};
    sum.lint = {};
    for (const MetricPoint &point : points) {
        if (point.revision == sum.revision)
            add(sum, point);
    }
    return sum;
}

QString MetricsExporter::escapeLabelValue(const QString &value)
{
    QString escaped;
    escaped.reserve(value.size());
    for (QChar c : value) {
        if (c == QLatin1Char('\\'))
            escaped += QStringLiteral("\\\\");
        else if (c == QLatin1Char('"'))
            escaped += QStringLiteral("\\\"");
        else if (c == QLatin1Char('\n'))
            escaped += QStringLiteral("\\n");
        else
            escaped += c;
    }
    return escaped;
}

} // namespace Bridge
