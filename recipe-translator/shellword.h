// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include "core/result.h"

namespace Translator {

/**
 * Turns interpolated recipe attribute values into POSIX shell words with exactly Bitten's
 * value (bitten-spec §2.2). Build variables known when translating (root attributes) are
 * substituted; the ones only known at build time become quoted environment references
 * (`${revision}` → `"$REVISION"`). Anything whose value depends on the slave (properties,
 * environment, `${basedir}`, defaults) is refused with the reason, so the caller can fall back
 * to the agent.
 */
class ShellWord
{
public:
    /// @p rootVariables: the recipe's <build> attributes; @p knownVariables: build variables
    /// whose value is known when translating (the configuration's path), substituted as text.
    explicit ShellWord(const QHash<QString, QString> &rootVariables,
                       const QHash<QString, QString> &knownVariables = {});

    /// The value as one shell word.
    Core::Result<QString> word(const QString &value) const;
    /// The value split like Bitten's `args` (shlex), as shell words joined with spaces.
    Core::Result<QString> words(const QString &value) const;
    /// The value as it would be after interpolation, when it has no build-time parts.
    Core::Result<QString> literal(const QString &value) const;
    /// Single-quotes a plain string for sh.
    static QString quote(const QString &text);

    /// Environment variables the generated jobs set, by Bitten build variable.
    static const QHash<QString, QString> &runtimeVariables();

private:
    Core::Result<QString> resolve(const QString &value) const;
    static QString render(const QString &resolved);

    QHash<QString, QString> m_rootVariables;
    QHash<QString, QString> m_knownVariables;
};

} // namespace Translator
