// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVector>

#include "core/enums.h"

namespace Core {

/// 1-based position of an element or attribute in the recipe text; 0 when unknown.
struct SourcePosition
{
    qint64 line = 0;
    qint64 column = 0;
};

/// One attribute as written: local name in the recipe's spelling, value with entities expanded
/// (not yet interpolated).
struct RecipeAttribute
{
    QString name;
    QString value;
    SourcePosition position;
};

/// An xmlns declaration on the root element.
struct NamespaceDeclaration
{
    QString prefix;
    QString uri;
    SourcePosition position;
};

/**
 * One command element of a step: a built-in Bitten command (id != Unknown) or a third-party
 * one that is kept with all its attributes. Attribute look-up accepts every spelling Bitten
 * accepts (dir / dir_, keep-going / keep_going; bitten-spec §1.7).
 */
struct RecipeCommand
{
    CommandId id = CommandId::Unknown;
    NamespaceFamily family = NamespaceFamily::None;
    QString namespaceUri;
    QString prefix;
    QString localName;
    QVector<RecipeAttribute> attributes;
    SourcePosition position;
    bool hasNestedContent = false; ///< had child elements (rejected by validation)
    /// Child elements of a command (pre-0.5 <reports> wrappers); rejected by validation.
    QVector<RecipeCommand> children;

    /// Bitten's generator id: "URI#local", or the local name for un-namespaced commands.
    QString generator() const;
    /// "prefix:local" as written, for messages.
    QString qualifiedName() const;
    /// The attribute whose Bitten parameter name equals that of @p name, or nullptr.
    const RecipeAttribute *attribute(const QString &name) const;
    bool hasAttribute(const QString &name) const { return attribute(name) != nullptr; }
    /// The attribute's value, or @p fallback when the attribute is absent.
    QString value(const QString &name, const QString &fallback = QString()) const;
};

/// One <step> of a recipe.
struct RecipeStep
{
    QString id;
    bool hasId = false;
    QString description;
    QString onErrorText; ///< the step's own onerror attribute as written; empty when absent
    OnError onError = OnError::Fail; ///< effective policy: step's, else the build's, else fail
    QVector<RecipeAttribute> attributes;
    QVector<RecipeCommand> commands;
    SourcePosition position;
    int commentCount = 0; ///< comments directly inside the step (a comment-only step runs empty)
};

/// An element at the top level of the recipe that is not a <step> (kept for diagnostics).
struct RecipeElement
{
    QString name;
    SourcePosition position;
};

/**
 * A Bitten build recipe as read from XML (bitten-spec §1): root variables, steps and their
 * commands, with positions for every element and attribute. Holds what was written, not what
 * is valid: RecipeValidator judges it.
 */
struct Recipe
{
    QString rootName;
    QString rootNamespaceUri;
    SourcePosition rootPosition;
    QVector<NamespaceDeclaration> namespaces;
    QVector<RecipeAttribute> variables; ///< root attributes except xmlns*
    QString onErrorText; ///< root onerror as written; empty when absent
    OnError onError = OnError::Fail;
    QVector<RecipeStep> steps;
    QVector<RecipeElement> strayElements; ///< top-level children that are not <step>
    bool hasDoctype = false;
    /// Written in the pre-0.5 (2005) format: bitten:bitten.build.* namespaces, <reports>
    /// wrappers or a <recipe> root. Bitten 0.6 does not run such recipes.
    bool isPreFiveFormat = false;
    int topLevelElementCount = 0; ///< element children of the root, steps included

    /// Value of a root attribute (recipe variable), or @p fallback.
    QString variable(const QString &name, const QString &fallback = QString()) const;
    bool hasVariable(const QString &name) const;
    /// The step with that id, or nullptr.
    const RecipeStep *step(const QString &id) const;
};

/// Text of an OnError value as written in recipes ("fail", "continue", "ignore").
QString onErrorName(OnError value);
/// Parses an onerror attribute value; Invalid for anything Bitten rejects.
OnError parseOnError(const QString &text);

} // namespace Core
