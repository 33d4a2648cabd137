// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QString>
#include <QStringList>

#include "core/result.h"

namespace Bridge {

class Store;

/**
 * `bittern match CONFIG [--platform NAME] [--requirements EXPR] [--rank EXPR]`: shows or sets
 * the matchmaking `requirements` and `rank` of a configuration or one of its target platforms
 * in the bridge's store (docs/MATCHMAKING.md). An option given sets that expression (an empty
 * value clears it); the other keeps its value. Expressions are checked before they are stored.
 */
class MatchCommand
{
public:
    struct Options
    {
        QString database;
        QString config;
        QString platform; ///< empty: the configuration itself
        std::optional<QString> requirements;
        std::optional<QString> rank;
        bool helpRequested = false;
    };

    /// Parses the arguments after the subcommand name (arguments.first() is "match").
    static Core::Result<Options> parseOptions(const QStringList &arguments);
    /// Applies @p options to @p store; returns the expressions now stored, as printed.
    static Core::Result<QString> run(Store &store, const Options &options);
    static QString helpText();

private:
    /// @p subject: "The requirements are" / "The rank is".
    static Core::Result<void> check(const std::optional<QString> &expression,
                                    const QString &subject);
};

/// `bittern match`: parses @p arguments and runs; returns the process exit code.
int runMatch(const QStringList &arguments);

} // namespace Bridge
