// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "core/result.h"

namespace Bridge {

class Store;
struct Configuration;
struct MatchPolicies;

/**
 * `bittern match CONFIG [--platform NAME] [--requirements EXPR] [--rank EXPR]
 * [--setup-steps ID,...]`: shows or sets the matchmaking `requirements` and `rank` of a
 * configuration or one of its target platforms in the bridge's store (docs/MATCHMAKING.md),
 * and a configuration's setup steps (docs/AGENT.md "Resuming"). An option given sets that
 * value (an empty value clears it); the others keep theirs. Expressions and step ids are
 * checked before anything is stored.
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
        std::optional<QStringList> setupSteps; ///< --setup-steps: set (empty: clear)
        bool helpRequested = false;
    };

    /// Parses the arguments after the subcommand name (arguments.first() is "match").
    static Core::Result<Options> parseOptions(const QStringList &arguments);
    /// Applies @p options to @p store; returns the expressions now stored, as printed.
    static Core::Result<QString> run(Store &store, const Options &options);
    static QString helpText();
    /// The ids in @p steps that are no step of @p recipe (recipe XML); an error when @p steps
    /// is not empty and the recipe cannot be read. Pure.
    static Core::Result<QStringList> unknownSteps(const QByteArray &recipe,
                                                  const QStringList &steps);

private:
    static Core::Result<QString> runOnConfiguration(Store &store, const Configuration &config,
                                                    const MatchPolicies &policies,
                                                    const Options &options);
    /// @p subject: "The requirements are" / "The rank is".
    static Core::Result<void> check(const std::optional<QString> &expression,
                                    const QString &subject);
};

/// `bittern match`: parses @p arguments and runs; returns the process exit code.
int runMatch(const QStringList &arguments);

} // namespace Bridge
