// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QVector>

#include "core/recipe.h"
#include "core/reportjson.h"
#include "core/result.h"
#include "slave-agent/commandregistry.h"
#include "slave-agent/steprunner.h"

namespace Agent {

class ProcessLauncher;
class StopSignal;

/// Where and with what a build runs.
struct BuildSettings
{
    QString workDir; ///< existing directory
    QString buildDirPattern = QStringLiteral("build_${config}_${build}");
    QString reportDir; ///< run: one sub-directory per step; step: the step's files directly
    QHash<QString, QString> properties; ///< slave properties (SlaveProperties::toHash())
    QHash<QString, QString> environment; ///< for $VAR interpolation
    AttachmentUpload attachmentUpload = AttachmentUpload::None; ///< ToMaster in poll mode
    QString recipeName; ///< the recipe file as messages name it; empty: "the recipe"
    /// Embedded for the master (poll) and CI jobs (step); run refers to step.log unless
    /// --embed-logs.
    ResultLogs resultLogs = ResultLogs::Embedded;
};

/// What a build (or a single step) came to.
struct BuildOutcome
{
    QVector<Core::StepSummary> steps; ///< the steps that ran, in order
    QString basedir;
    bool failed = false; ///< a step failed whose onerror is fail or continue
    bool cancelled = false;
};

/**
 * Runs a recipe's steps in order with Bitten's continuation rules (bitten-spec §1.4): a failed
 * step stops the build when its onerror is fail. Prepares the build directory (§2.3), prints a
 * header per step to the live log and writes every step's reports with ReportDirWriter.
 */
class BuildRunner
{
public:
    BuildRunner(const CommandRegistry &registry, ProcessLauncher &launcher,
                StopSignal *stop = nullptr);

    void setLiveLog(StepRunner::LiveLog liveLog) { m_liveLog = std::move(liveLog); }
    void setAsciiLiveLog(StepRunner::AsciiLiveLog liveLog) { m_asciiLiveLog = std::move(liveLog); }

    /// Every step (bittern-agent run).
    Core::Result<BuildOutcome> run(const Core::Recipe &recipe, const BuildSettings &settings);
    /// One step, its files directly in settings.reportDir (bittern-agent step).
    Core::Result<BuildOutcome> runStep(const Core::Recipe &recipe, const QString &stepId,
                                       const BuildSettings &settings);

    /// realpath(interpolate(workDir/pattern, build variables)), created with a single mkdir.
    static Core::Result<QString> prepareBasedir(const Core::Recipe &recipe,
                                                const BuildSettings &settings);
    /// A step id made safe as a directory name ("svn checkout" → "svn_checkout").
    static QString safeName(const QString &stepId);

private:
    Core::Result<Core::StepSummary> runOne(const Core::RecipeStep &step, StepRunner &runner,
                                           const QString &reportDir, BuildOutcome &outcome);
    void say(const QString &line) const;

    const CommandRegistry &m_registry;
    ProcessLauncher &m_launcher;
    StopSignal *m_stop;
    StepRunner::LiveLog m_liveLog;
    StepRunner::AsciiLiveLog m_asciiLiveLog;
};

} // namespace Agent
