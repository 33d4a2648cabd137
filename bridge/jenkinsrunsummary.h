// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

#include "bridge/subcommands.h"
#include "integrations/jenkins/jenkinsjson.h"

namespace Bridge {

/**
 * What `bittern run` prints when a Jenkins build has finished: the result with the job, build
 * number and duration, then the test, coverage and lint figures read back from Jenkins'
 * junit, coverage and warnings-ng APIs (each "none reported" when the plugin had nothing),
 * and the build description the shared library sets. Pure formatting.
 */
struct JenkinsRunSummary
{
    QString job; ///< full name, "env/trunk"
    Jenkins::BuildInfo build;
    std::optional<Jenkins::TestReport> tests;
    QVector<QPair<QString, Jenkins::CoverageSummary>> coverage; ///< by recordCoverage id
    std::optional<Jenkins::WarningsSummary> warnings;

    QStringList lines() const;
    /// 0 for SUCCESS, 1 for every other result.
    ExitCode exitCode() const;
};

} // namespace Bridge
