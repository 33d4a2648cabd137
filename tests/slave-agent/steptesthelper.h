// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include "core/recipe.h"
#include "core/stepresult.h"
#include "slave-agent/steprunner.h"

namespace AgentTest {

/// What one step run through the real StepRunner and PosixProcessLauncher produced.
struct StepOutput
{
    Agent::StepRun run;
    Core::StepResult result; ///< read back from the streamed result.xml
    QStringList errors;
    QStringList logLines; ///< "level: text"
    QByteArray resultXml;
};

/// The namespace declarations every test recipe gets on its <build> root.
QString namespaces();
/// Parses "<build …>" + @p body + "</build>" (body: steps) into a recipe; QFAILs on errors.
Core::Recipe recipe(const QString &body, const QString &rootAttributes = QString());
/// Runs the first step of @p body in @p basedir with the built-in commands.
StepOutput runStep(const QString &body, const QString &basedir,
                   const QHash<QString, QString> &properties = {});

} // namespace AgentTest
