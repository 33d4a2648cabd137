// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/jenkinsrunsummary.h"

#include <cmath>

namespace Bridge {

namespace {

QString percent(double value)
{
    return QString::number(value, 'f', 2) + QLatin1Char('%');
}

QString testLine(const std::optional<Jenkins::TestReport> &tests)
{
    if (!tests)
        return QStringLiteral("Tests: none reported");
    const int total = tests->passCount + tests->failCount + tests->skipCount;
    return QStringLiteral("Tests: %1 total, %2 passed, %3 failed, %4 skipped")
            .arg(total)
            .arg(tests->passCount)
            .arg(tests->failCount)
            .arg(tests->skipCount);
}

QString coverageLine(const QVector<QPair<QString, Jenkins::CoverageSummary>> &coverage)
{
    if (coverage.isEmpty())
        return QStringLiteral("Coverage: none reported");
    QStringList parts;
    for (const auto &[id, summary] : coverage) {
        QStringList metrics;
        for (const QString &metric : {QStringLiteral("line"), QStringLiteral("branch")}) {
            const double value = summary.project.value(metric, std::nan(""));
            if (!std::isnan(value))
                metrics += metric + QLatin1Char(' ') + percent(value);
        }
        if (metrics.isEmpty())
            metrics += QStringLiteral("no line or branch figures");
        parts += metrics.join(QLatin1String(", ")) + QLatin1String(" (") + id + QLatin1Char(')');
    }
    return QLatin1String("Coverage: ") + parts.join(QLatin1String("; "));
}

QString lintLine(const std::optional<Jenkins::WarningsSummary> &warnings)
{
    if (!warnings || warnings->tools.isEmpty())
        return QStringLiteral("Lint: none reported");
    QStringList tools;
    for (const Jenkins::WarningsTool &tool : warnings->tools)
        tools += QStringLiteral("%1: %2")
                         .arg(tool.name.isEmpty() ? tool.id : tool.name)
                         .arg(tool.size);
    const int total = warnings->totalSize();
    return QStringLiteral("Lint: %1 %2 (%3)")
            .arg(total)
            .arg(total == 1 ? QStringLiteral("issue") : QStringLiteral("issues"))
            .arg(tools.join(QLatin1String(", ")));
}

/// Jenkins' own spelling of a result (jenkins-contract §4.1).
QString resultName(Jenkins::JenkinsJson::BuildResult result)
{
    using R = Jenkins::JenkinsJson::BuildResult;
    switch (result) {
    case R::Success:
        return QStringLiteral("SUCCESS");
    case R::Unstable:
        return QStringLiteral("UNSTABLE");
    case R::Failure:
        return QStringLiteral("FAILURE");
    case R::NotBuilt:
        return QStringLiteral("NOT_BUILT");
    case R::Aborted:
        return QStringLiteral("ABORTED");
    case R::None:
    case R::Unknown:
        break;
    }
    return QStringLiteral("UNKNOWN");
}

} // namespace

QStringList JenkinsRunSummary::lines() const
{
    QStringList out{QStringLiteral("Result: %1 (%2 #%3, %4 s)")
                            .arg(resultName(build.result), job)
                            .arg(build.number)
                            .arg(QString::number(double(build.duration) / 1000.0, 'f', 1)),
                    testLine(tests), coverageLine(coverage), lintLine(warnings)};
    if (!build.description.isEmpty())
        out += QLatin1String("Description: ") + build.description;
    return out;
}

ExitCode JenkinsRunSummary::exitCode() const
{
    return build.result == Jenkins::JenkinsJson::BuildResult::Success ? ExitCode::Success
                                                                      : ExitCode::Failed;
}

} // namespace Bridge
