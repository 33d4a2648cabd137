// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace Core {

/**
 * Bitten's attribute interpolation (bitten-spec §2.2), quirks included.
 *
 * Pass 1 replaces `${ref}` / `${ref:default}` (ref at least two characters) with a slave
 * property, else a build variable, else the default, else leaves it. Pass 2 is Python's
 * `string.Template.safe_substitute` with the environment, run over the result of pass 1.
 * Both passes are hand-written scanners that reproduce the regular-expression semantics exactly.
 */
class Interpolator
{
public:
    /// Where values come from. Properties use the keys of SlaveProperties::toHash().
    struct Context
    {
        QHash<QString, QString> properties; ///< os, family, version, machine, processor, pkg.opt
        QHash<QString, QString> buildVariables; ///< root attributes of <build>, basedir
        QHash<QString, QString> environment; ///< the slave process environment
    };

    Interpolator() = default;
    explicit Interpolator(const Context &context);

    const Context &context() const { return m_context; }

    /// Both passes.
    QString interpolate(const QString &text) const;
    /// Pass 1 only: `${ref[:default]}` references.
    QString substituteReferences(const QString &text) const;
    /// Pass 2 only: `$NAME`, `${NAME}` and `$$` against the environment.
    QString substituteEnvironment(const QString &text) const;
    /// The `${ref}` references of @p text that both passes leave as written (no slave property,
    /// build variable, default or environment variable): their names, in order, once each.
    QStringList unresolvedReferences(const QString &text) const;

private:
    struct Reference;
    bool matchReference(const QString &text, int dollar, Reference *match) const;
    const QString *lookup(const QString &ref) const;
    int substituteOnePlaceholder(const QString &text, int dollar, QString *result) const;

    Context m_context;
};

} // namespace Core
