// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include "core/result.h"

namespace Core {

/**
 * Shell-like word splitting exactly as Python's `shlex.split(s)` (POSIX mode, comments off),
 * which Bitten uses for `args` attributes and FileSet patterns (bitten-spec §4.2, §4.11), and
 * the inverse quoting of `shlex.quote` / `shlex.join` for display and for sh.
 *
 * Unlike a real POSIX shell, inside double quotes only `\\` and `"` are escapable (`\\$` stays
 * two characters), and outside quotes a backslash-newline yields a newline character.
 */
class ShellSplitter
{
public:
    /// The words of @p text; an error for an unterminated quote or a trailing backslash.
    static Result<QStringList> split(const QString &text);
    /// One word quoted so that sh (and split()) read it back unchanged.
    static QString quote(const QString &word);
    /// The words quoted and joined with single spaces; split(join(w)) == w.
    static QString join(const QStringList &words);
};

} // namespace Core
