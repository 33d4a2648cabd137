// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include "core/enums.h"

namespace Core {

/// Whether a command attribute must be present.
enum class AttributeUse {
    Optional,
    Required,
};

/// One attribute a built-in command accepts, under its documented spelling.
struct AttributeSpec
{
    QString name;
    AttributeUse use = AttributeUse::Optional;
    QString defaultValue; ///< documented default; empty when none
    QString summary; ///< one line for docs and audits
};

/// What Bittern knows about one built-in command (bitten-spec §4).
struct CommandSpec
{
    CommandId id = CommandId::Unknown;
    QString namespaceName; ///< conventional prefix: "sh", "c", … ; empty for report/attach
    QString localName;
    QVector<AttributeSpec> attributes;
    /// Attributes of which at least one must be present (e.g. sh:exec executable|file).
    QStringList requireOneOf;
    QString summary;

    /// The spec of the attribute with that Bitten parameter name, or nullptr.
    const AttributeSpec *attribute(const QString &name) const;
};

/**
 * The table of built-in Bitten commands and namespaces: URI families, attribute spellings,
 * required and optional attributes with their defaults. Constant data; no state.
 */
class CommandCatalog
{
public:
    /// All built-in commands, in the order of bitten-spec §4.
    static const QVector<CommandSpec> &commands();
    /// The spec of a built-in command; Q_ASSERTs that @p id is not Unknown.
    static const CommandSpec &spec(CommandId id);
    /// The built-in command for namespace URI + local name, or nullptr (third-party, typo).
    static const CommandSpec *find(const QString &namespaceUri, const QString &localName);
    /// Which family a namespace URI belongs to.
    static NamespaceFamily family(const QString &namespaceUri);
    /// The current (0.6b2+) URI for a conventional prefix ("sh" →
    /// http://bitten.edgewall.org/tools/sh).
    static QString currentUri(const QString &namespaceName);
    /// The conventional prefix of a built-in URI of the current, legacy or pre-0.5 family;
    /// empty otherwise.
    static QString namespaceName(const QString &namespaceUri);
    /// Bitten's attribute → parameter escaping (bitten-spec §1.7): '-' → '_', then a trailing
    /// '_' for Python keywords and builtins ("dir" → "dir_", "keep-going" → "keep_going").
    static QString parameterName(const QString &attributeName);
    /// The conventional prefixes of the built-in namespaces, in the order of bitten-spec §1.5.
    static QStringList namespaceNames();
    /// The legacy (pre-0.6b2, cmlenz.net) URI for a conventional prefix.
    static QString legacyUri(const QString &namespaceName);
};

} // namespace Core
