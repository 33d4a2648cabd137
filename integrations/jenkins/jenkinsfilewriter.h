// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPair>
#include <QString>
#include <QVector>

#include "core/enums.h"
#include "core/result.h"

namespace Jenkins {

using EnvironmentEntries = QVector<QPair<QString, QString>>;

/// One Bitten step as a Pipeline step: a shell script, or a step that fails with a message.
struct PipelineStep
{
    enum class Kind {
        Shell,
        Fail,
        Agent, ///< runs `bittern-agent step` (script holds the command line)
    };
    Kind kind = Kind::Shell;
    QString label; ///< shown in Jenkins instead of the script
    QString script; ///< POSIX shell text (Kind::Shell)
    QString message; ///< why the step fails (Kind::Fail)
    Core::OnError onError = Core::OnError::Fail;
};

/// Which agent reports a stage publishes after its steps.
struct Publishing
{
    bool tests = false;
    bool coverage = false;
    bool lint = false;
    bool artifacts = false;
};

/// One target platform: a parallel stage with its own node.
struct PipelineStage
{
    QString name;
    QString labelExpression; ///< empty: any node
    EnvironmentEntries environment;
    bool writesRecipe = false; ///< the stage's steps run the agent and need the recipe file
    QVector<PipelineStep> checks; ///< run first: is this node right for the stage?
    QVector<PipelineStep> steps;
    Publishing publishing;
};

/// A whole declarative Pipeline for one Bitten configuration.
struct Pipeline
{
    QString name; ///< the outer stage's name (the configuration)
    EnvironmentEntries environment;
    QString recipePath; ///< where the normalised recipe is written on the node
    QString recipeText;
    QString reportGlob; ///< e.g. ".bittern/reports/**"
    QVector<PipelineStage> stages;
    /// "NAME[@VERSION]" of Bittern's shared library: stages call bittenRecipe (which runs the
    /// steps and publishes) instead of spelling them out; empty: self-contained.
    QString library;
};

/**
 * Writes a declarative Jenkinsfile (jenkins-contract.md §9.1): agent none, one parallel stage
 * per target platform with its label, Bitten onerror as plain step / catchError(FAILURE) /
 * catchError(SUCCESS) with catchInterruptions: false, and junit / recordCoverage /
 * recordIssues / archiveArtifacts in post. With Pipeline::library, it loads the shared library
 * (`@Library('…') _`) and each stage calls `bittenRecipe` with its steps instead. Every string
 * from the input goes through GroovyEscaper; nothing else reaches the text.
 */
class JenkinsfileWriter
{
public:
    static Core::Result<QString> write(const Pipeline &pipeline);

private:
    class Context;
};

} // namespace Jenkins
