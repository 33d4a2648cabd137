// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>
#include <QVariantMap>
#include <QVector>

#include "bridge/cioptions.h"
#include "integrations/buildbot/buildbotjson.h"

namespace Bridge {

/**
 * `bittern run --ci buildbot+…`: forces one build of a configuration's builder (exactly once,
 * with a Bittern request id), streams its step logs to the terminal and prints the result with
 * the test, coverage and lint numbers read back from Buildbot (properties and test result sets).
 */
class BuildbotRun
{
public:
    static int run(const CiOptions &options, QTextStream &out, QTextStream &err);

    /// The builder of @p configuration among @p builders (tag bittern-config:NAME), or why not.
    static Core::Result<QString> chooseBuilder(const QVector<Buildbot::BuilderInfo> &builders,
                                               const QString &configuration,
                                               const QString &platform);
    /// "tests: 4 passed, 0 failed, 0 ignored; coverage: 80.0%; lint: 1 problem" from the
    /// build's properties ("-" for what the build did not report).
    static QString metricsLine(const QVariantMap &properties);
    /// One line per test result set: "  test: tests (pass_fail): 4 passed, 0 failed".
    static QStringList resultSetLines(const QVector<Buildbot::TestResultSetInfo> &sets);
    /// Exit code for a build result (ARCHITECTURE.md).
    static int exitCodeFor(Buildbot::BuildResult result);
};

} // namespace Bridge
