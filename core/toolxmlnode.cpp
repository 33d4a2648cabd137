// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/toolxmlnode.h"

#include <QXmlStreamReader>

namespace Core {

/// Builds a ToolXmlNode tree from a QXmlStreamReader, iteratively (no recursion on input depth).
class ToolXmlBuilder
{
public:
    static Result<ToolXmlNode> build(QXmlStreamReader &xml)
    {
        QVector<ToolXmlNode> stack;
        ToolXmlNode root;
        bool haveRoot = false;
        while (!xml.atEnd()) {
            switch (xml.readNext()) {
            case QXmlStreamReader::StartElement:
                if (stack.size() >= ToolXmlNode::maxDepth)
                    return tooDeep(xml);
                stack.append(start(xml));
                break;
            case QXmlStreamReader::EndElement:
                if (stack.size() == 1) {
                    root = stack.takeLast();
                    haveRoot = true;
                } else {
                    ToolXmlNode done = stack.takeLast();
                    stack.last().m_children.append(std::move(done));
                }
                break;
            case QXmlStreamReader::Characters:
                if (!stack.isEmpty())
                    stack.last().m_text += xml.text();
                break;
            default:
                break;
            }
        }
        if (xml.hasError())
            return makeError(ErrorCode::ParseFailed, message(xml), xml.lineNumber(),
                             xml.columnNumber());
        if (!haveRoot)
            return makeError(ErrorCode::ParseFailed, QStringLiteral("no element found"));
        return root;
    }

private:
    static ToolXmlNode start(const QXmlStreamReader &xml)
    {
        ToolXmlNode node;
        node.m_name = xml.qualifiedName().toString();
        const QXmlStreamAttributes attributes = xml.attributes();
        for (const QXmlStreamAttribute &attribute : attributes)
            node.m_attributes.append(
                    qMakePair(attribute.qualifiedName().toString(), attribute.value().toString()));
        return node;
    }

    // Like expat's "mismatched tag: line 1, column 27": the reason without its full stop, then
    // the position; control characters the reason quotes from the input are escaped.
    static QString message(const QXmlStreamReader &xml)
    {
        QString reason = xml.errorString();
        if (reason.endsWith(QLatin1Char('.')))
            reason.chop(1);
        QString printable;
        for (const QChar c : qAsConst(reason)) {
            if (c.unicode() < 0x20)
                printable += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                printable += c;
        }
        return QStringLiteral("%1: line %2, column %3")
                .arg(printable)
                .arg(xml.lineNumber())
                .arg(xml.columnNumber());
    }

    static Error tooDeep(const QXmlStreamReader &xml)
    {
        return makeError(ErrorCode::LimitExceeded,
                         QStringLiteral("elements nested deeper than %1 levels: line %2, column %3")
                                 .arg(ToolXmlNode::maxDepth)
                                 .arg(xml.lineNumber())
                                 .arg(xml.columnNumber()),
                         xml.lineNumber(), xml.columnNumber());
    }
};

Result<ToolXmlNode> ToolXmlNode::parse(const QByteArray &data)
{
    QXmlStreamReader xml(data);
    // Like minidom: namespace prefixes stay part of the names; nothing external is resolved.
    xml.setNamespaceProcessing(false);
    return ToolXmlBuilder::build(xml);
}

bool ToolXmlNode::hasAttribute(const QString &name) const
{
    for (const auto &attribute : m_attributes) {
        if (attribute.first == name)
            return true;
    }
    return false;
}

QString ToolXmlNode::attribute(const QString &name, const QString &fallback) const
{
    for (const auto &attribute : m_attributes) {
        if (attribute.first == name)
            return attribute.second;
    }
    return fallback;
}

QVector<const ToolXmlNode *> ToolXmlNode::children(const QString &name) const
{
    QVector<const ToolXmlNode *> out;
    for (const ToolXmlNode &child : m_children) {
        if (child.m_name == name)
            out.append(&child);
    }
    return out;
}

const ToolXmlNode *ToolXmlNode::firstChild(const QString &name) const
{
    for (const ToolXmlNode &child : m_children) {
        if (child.m_name == name)
            return &child;
    }
    return nullptr;
}

QVector<const ToolXmlNode *> ToolXmlNode::descendants(const QString &name) const
{
    QVector<const ToolXmlNode *> out;
    collectDescendants(name, out);
    return out;
}

void ToolXmlNode::collectDescendants(const QString &name, QVector<const ToolXmlNode *> &out) const
{
    // Recursion depth is bounded by maxDepth, enforced while parsing.
    for (const ToolXmlNode &child : m_children) {
        if (child.m_name == name)
            out.append(&child);
        child.collectDescendants(name, out);
    }
}

} // namespace Core
