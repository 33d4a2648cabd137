// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QHash>
#include <QString>
#include <QStringList>

#include "core/recipe.h"
#include "core/result.h"
#include "slave-agent/stepcontext.h"

namespace Agent {

class CommandRegistry;

/// One process run the way Bitten's shtools.execute() does it (bitten-spec §3.3, §4.2).
struct ShExecution
{
    QString generator;
    QString executable; ///< empty: run @c file itself
    QString file; ///< relative to @c dir (else basedir); used absolute when that file exists
    QStringList arguments;
    QString input; ///< file fed to stdin, relative to basedir
    QString output; ///< file receiving stdout and stderr lines, relative to dir/basedir
    QString dir; ///< working directory relative to basedir; basedir when not a directory
    int timeoutSeconds = 0;
    /// Which stdout lines to leave out of the log (svn:checkout verbose="false").
    std::function<bool(const QString &line)> skipLine;
};

/// How an ShExecution ended.
struct ShOutcome
{
    bool exited = false; ///< false: a step error was recorded (timeout, stop, start failure)
    int exitCode = 0;
};

/**
 * The sh namespace (bitten-spec §4.2): sh:exec and sh:pipe, and execute(), the process runner
 * the c, svn and hg commands share with them.
 */
class ShTools
{
public:
    static void registerCommands(CommandRegistry &registry);

    static Core::Result<void> exec(StepContext &context, const Core::RecipeCommand &command);
    static Core::Result<void> pipe(StepContext &context, const Core::RecipeCommand &command);

    /// Runs @p execution, logging stdout as info and stderr as error with basedir stripped.
    static ShOutcome execute(StepContext &context, const ShExecution &execution);
    /// Bitten's ctxt.resolve(): @p path joined to @p base and normalised; absolute kept.
    static QString resolve(const QString &base, const QString &path);
    /// @p line without "basedir/" and then "basedir".
    static QString stripBasedir(const QString &basedir, const QString &line);
};

} // namespace Agent
