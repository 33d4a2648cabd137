// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPair>
#include <QString>
#include <QVector>

#include "core/result.h"

namespace Core {

/**
 * A small read-only XML element tree for the tool-output parsers: what Bitten's xmlio
 * (minidom) gives them. Each node has its name, attributes in document order, its direct text
 * (text and CDATA children concatenated, as xmlio's gettext()) and its child elements.
 * External DTDs and entities are never fetched; nesting deeper than maxDepth is an error.
 */
class ToolXmlNode
{
public:
    static constexpr int maxDepth = 256;

    /// Parses a whole document; the error message is the XML parser's, with line and column.
    static Result<ToolXmlNode> parse(const QByteArray &data);

    const QString &name() const { return m_name; }
    /// Direct text only (gettext()): deeper text is not included.
    const QString &text() const { return m_text; }
    const QVector<QPair<QString, QString>> &attributes() const { return m_attributes; }
    bool hasAttribute(const QString &name) const;
    /// The attribute's value, or @p fallback when absent.
    QString attribute(const QString &name, const QString &fallback = QString()) const;
    const QVector<ToolXmlNode> &children() const { return m_children; }
    /// Child elements named @p name, in document order.
    QVector<const ToolXmlNode *> children(const QString &name) const;
    /// The first child element named @p name, or nullptr.
    const ToolXmlNode *firstChild(const QString &name) const;
    /// All descendants (not this node) named @p name, in document order (DOM
    /// getElementsByTagName).
    QVector<const ToolXmlNode *> descendants(const QString &name) const;

private:
    void collectDescendants(const QString &name, QVector<const ToolXmlNode *> &out) const;

    QString m_name;
    QString m_text;
    QVector<QPair<QString, QString>> m_attributes;
    QVector<ToolXmlNode> m_children;

    friend class ToolXmlBuilder;
};

} // namespace Core
