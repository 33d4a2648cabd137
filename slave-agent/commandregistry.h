// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QHash>
#include <QString>

#include "core/enums.h"
#include "core/recipe.h"
#include "core/result.h"
#include "slave-agent/stepcontext.h"

namespace Agent {

/**
 * Runs one recipe command whose attribute values are already interpolated. Ordinary failures
 * (non-zero exit, failed tests) are recorded with StepContext::error() and the call returns
 * success; a returned Error is Bitten's "internal error" path (bitten-spec §3.1: e.g. a missing
 * required attribute), which fails the step and skips its remaining commands.
 */
using CommandFunction
        = std::function<Core::Result<void>(StepContext &, const Core::RecipeCommand &)>;

/**
 * Maps recipe commands to their implementations: the built-in ones by CommandId, third-party
 * ones by "NAMESPACE-URI#localname".
 */
class CommandRegistry
{
public:
    void add(Core::CommandId id, CommandFunction function);
    void addThirdParty(const QString &generator, CommandFunction function);
    /// Runs every command of a third-party namespace URI that has no addThirdParty() entry.
    void addThirdPartyNamespace(const QString &namespaceUri, CommandFunction function);
    /// The implementation for a command element, or nullptr when none is registered.
    const CommandFunction *find(const Core::RecipeCommand &command) const;

    /// A registry with every built-in command of bitten-spec §4.
    static CommandRegistry builtin();

private:
    QHash<int, CommandFunction> m_builtin;
    QHash<QString, CommandFunction> m_thirdParty;
    QHash<QString, CommandFunction> m_thirdPartyNamespaces;
};

} // namespace Agent
