// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include "recipe-translator/configuration.h"
#include "recipe-translator/planner.h"

namespace TestSupport {

/// A golden case: tests/data/translator/<case>/recipe.xml plus an optional config.json.
struct GoldenCase
{
    QString directory;
    Translator::Configuration configuration;
    Translator::PlanOptions options;
};

/// Case directories under tests/data/translator (everything but dsl-stub), sorted.
QStringList goldenCaseNames();
GoldenCase loadGoldenCase(const QString &name);

/// The `groovy` launcher, with JAVA_HOME set for Debian 12; empty when groovy is missing.
QString groovyProgram();
/// Runs groovy with @p arguments (30 s limit); returns stdout+stderr, fails the test on error.
bool runGroovy(const QStringList &arguments, QByteArray *output);
/// Runs the DSL stub over @p files; the parsed OUT.json (file → {ok, calls|error}).
QJsonObject checkJenkinsfiles(const QStringList &files, const QString &workDir);

} // namespace TestSupport
