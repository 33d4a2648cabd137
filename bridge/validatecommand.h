// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

#include "core/result.h"

namespace Bridge {

/// Whether `bittern validate` also lists each recipe's steps and commands.
enum class StepListing {
    Off,
    On,
};

/**
 * `bittern validate [--steps] RECIPE...`: reads each recipe, runs Core::RecipeValidator and
 * prints `FILE:LINE:COL: error|warning: text` per diagnostic. Exit status 0 when no recipe has
 * errors, 1 when one has, 2 when a file cannot be read or parsed (or on a usage error).
 */
class ValidateCommand
{
public:
    struct Options
    {
        QStringList recipes;
        StepListing steps = StepListing::Off;
        bool helpRequested = false;
    };

    /// Parses the arguments after the subcommand name (arguments.first() is "validate").
    static Core::Result<Options> parseOptions(const QStringList &arguments);
    /// Validates the recipes; diagnostics and step listings go to @p out, read and parse
    /// errors to @p err. Returns the exit status.
    static int run(const Options &options, QTextStream &out, QTextStream &err);
    /// Validates one recipe given as bytes; @p fileName names it in messages.
    static int validateData(const QString &fileName, const QByteArray &data, StepListing steps,
                            QTextStream &out, QTextStream &err);
    static QString helpText();
};

/// `bittern validate`: parses @p arguments and runs; returns the process exit code.
int runValidate(const QStringList &arguments);

} // namespace Bridge
