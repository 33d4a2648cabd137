// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

#include "core/enums.h"

namespace Buildbot {

using EnvironmentEntries = QVector<QPair<QString, QString>>;

/// One Bitten step as a Buildbot step.
struct BuilderStep
{
    enum class Type {
        Shell, ///< runs `command` (argv) on the worker
        Agent, ///< runs `command` (bittern-agent step …) and reads `reportDir`/report.json
        Fail, ///< fails with `message` (an unsupported command)
    };
    Type type = Type::Shell;
    QString bittenStep; ///< the Bitten step id, as written
    QString description;
    QString script; ///< shell text (Shell and Agent)
    QString message; ///< Fail
    QString reportDir; ///< Agent
    QStringList reports; ///< report kinds the step produces: test, coverage, lint, attachments
    Core::OnError onError = Core::OnError::Fail;
};

/// A Bitten platform rule, passed to the plugin for worker matching.
struct PlatformRule
{
    QString property;
    QString pattern;
};

/// One builder: the configuration on one target platform.
struct Builder
{
    QString name;
    QString platform;
    QVector<PlatformRule> rules;
    EnvironmentEntries environment;
};

/// Everything the Buildbot plugin needs to build one Bitten configuration.
struct BuilderData
{
    QString configuration;
    QString label;
    QString description;
    QString path;
    QString recipeFile;
    QString recipeText;
    EnvironmentEntries environment;
    QVector<Builder> builders;
    QVector<BuilderStep> steps;
};

/**
 * Writes the JSON data file (schema `bittern.buildbot/1`, docs/TRANSLATION.md) that the
 * Buildbot plugin turns into builders and steps. Data only: never Python, so a
 * `buildbot reconfig` picks up a new file and nothing in it can run in the master.
 */
class BuilderDataWriter
{
public:
    static constexpr int maxStepNameLength = 50;
    static QByteArray write(const BuilderData &data);
    /// The step flags of buildbot-notes.md §4.0 for a Bitten onerror value.
    static QJsonObject onErrorFlags(Core::OnError onError);
    /// A unique Buildbot step name (≤ 50 characters) for each Bitten step id.
    static QStringList stepNames(const QVector<BuilderStep> &steps);
};

} // namespace Buildbot
