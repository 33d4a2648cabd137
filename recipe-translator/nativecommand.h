// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "core/recipe.h"
#include "core/result.h"
#include "recipe-translator/shellword.h"

namespace Translator {

/// A command as shell text, and whether its result is exactly Bitten's.
struct NativeForm
{
    QString script;
    bool exact = true;
    QString note; ///< why it is approximate, or what to know about it
};

/**
 * Writes a built-in command as a POSIX shell snippet that the CI runs itself (bitten-spec §4):
 * the same program, arguments, working directory and exit status as a Bitten slave. Returns an
 * error (with the reason) for commands that have no native form, or whose attributes need the
 * slave (properties, environment) or hit a Bitten quirk only the agent reproduces.
 */
class NativeCommand
{
public:
    explicit NativeCommand(const ShellWord &words) : m_words(words) { }

    Core::Result<NativeForm> translate(const Core::RecipeCommand &command) const;

private:
    Core::Result<NativeForm> shExec(const Core::RecipeCommand &command) const;
    Core::Result<NativeForm> cMake(const Core::RecipeCommand &command) const;
    Core::Result<NativeForm> cConfigure(const Core::RecipeCommand &command) const;
    Core::Result<NativeForm> cAutoreconf(const Core::RecipeCommand &command) const;
    Core::Result<NativeForm> svn(const Core::RecipeCommand &command) const;
    /// URL joined with path as Bitten joins them (checkout strips the path's leading '/').
    Core::Result<QString> svnUrl(const Core::RecipeCommand &command) const;
    Core::Result<NativeForm> hgPull(const Core::RecipeCommand &command) const;
    Core::Result<NativeForm> xmlTransform(const Core::RecipeCommand &command) const;
    Core::Result<NativeForm> phpPhing(const Core::RecipeCommand &command) const;
    Core::Result<NativeForm> approximate(const Core::RecipeCommand &command) const;

    ShellWord m_words;
};

} // namespace Translator
