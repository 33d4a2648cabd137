// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/recipewriter.h"

#include <algorithm>

#include <QXmlStreamWriter>

#include "core/commandcatalog.h"

namespace Core {

namespace {

/// Namespace URI and prefix a command is written with in the normalised form.
struct NamespaceChoice
{
    QString uri;
    QString prefix;
};

NamespaceChoice namespaceFor(const RecipeCommand &command)
{
    switch (command.family) {
    case NamespaceFamily::None:
        return {};
    case NamespaceFamily::ThirdParty:
        return {command.namespaceUri, command.prefix};
    default:
        break;
    }
    const QString prefix = CommandCatalog::namespaceName(command.namespaceUri);
    if (prefix.isEmpty())
        return {command.namespaceUri, command.prefix};
    return {CommandCatalog::currentUri(prefix), prefix};
}

const CommandSpec *specFor(const RecipeCommand &command)
{
    const NamespaceChoice ns = namespaceFor(command);
    return CommandCatalog::find(ns.uri, command.localName);
}

bool isReportsWrapper(const RecipeCommand &command)
{
    return command.namespaceUri.isEmpty() && command.localName == QLatin1String("reports")
            && !command.children.isEmpty();
}

void collectNamespaces(const QVector<RecipeCommand> &commands, QVector<NamespaceChoice> &used)
{
    for (const RecipeCommand &command : commands) {
        const NamespaceChoice ns = namespaceFor(command);
        const bool known = std::any_of(used.cbegin(), used.cend(),
                                       [&](const NamespaceChoice &n) { return n.uri == ns.uri; });
        if (!ns.uri.isEmpty() && !known)
            used.append(ns);
        collectNamespaces(command.children, used);
    }
}

void writeCommand(QXmlStreamWriter &xml, const RecipeCommand &command)
{
    if (isReportsWrapper(command)) {
        for (const RecipeCommand &child : command.children)
            writeCommand(xml, child);
        return;
    }
    const NamespaceChoice ns = namespaceFor(command);
    if (command.children.isEmpty())
        xml.writeEmptyElement(ns.uri, command.localName);
    else
        xml.writeStartElement(ns.uri, command.localName);
    const CommandSpec *spec = specFor(command);
    for (const RecipeAttribute &attr : command.attributes) {
        const AttributeSpec *known = spec ? spec->attribute(attr.name) : nullptr;
        xml.writeAttribute(known ? known->name : attr.name, attr.value);
    }
    if (command.children.isEmpty())
        return;
    for (const RecipeCommand &child : command.children)
        writeCommand(xml, child);
    xml.writeEndElement();
}

void writeStep(QXmlStreamWriter &xml, const RecipeStep &step)
{
    xml.writeStartElement(QStringLiteral("step"));
    for (const RecipeAttribute &attr : step.attributes)
        xml.writeAttribute(attr.name, attr.value);
    for (const RecipeCommand &command : step.commands)
        writeCommand(xml, command);
    xml.writeEndElement();
}

} // namespace

QByteArray RecipeWriter::normalized(const Recipe &recipe)
{
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeStartElement(recipe.rootName.isEmpty() ? QStringLiteral("build") : recipe.rootName);
    QVector<NamespaceChoice> used;
    for (const RecipeStep &step : recipe.steps)
        collectNamespaces(step.commands, used);
    for (const NamespaceDeclaration &ns : recipe.namespaces) {
        const bool known = std::any_of(used.cbegin(), used.cend(),
                                       [&](const NamespaceChoice &n) { return n.uri == ns.uri; });
        if (CommandCatalog::namespaceName(ns.uri).isEmpty() && !known && !ns.prefix.isEmpty())
            used.append({ns.uri, ns.prefix});
    }
    for (const NamespaceChoice &ns : qAsConst(used))
        xml.writeNamespace(ns.uri, ns.prefix);
    for (const RecipeAttribute &attr : recipe.variables)
        xml.writeAttribute(attr.name, attr.value);
    for (const RecipeStep &step : recipe.steps)
        writeStep(xml, step);
    xml.writeEndElement();
    xml.writeEndDocument();
    return bytes;
}

namespace {

/// Escapes text and attribute values the way Python 2's minidom does.
QString escaped(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '&':
            out += QLatin1String("&amp;");
            break;
        case '<':
            out += QLatin1String("&lt;");
            break;
        case '"':
            out += QLatin1String("&quot;");
            break;
        case '>':
            out += QLatin1String("&gt;");
            break;
        default:
            out += c;
        }
    }
    return out;
}

/// Re-serialises the root element like minidom's toxml(), from scan() tokens.
class MasterSerializer
{
public:
    explicit MasterSerializer(const QMap<QString, QString> &rootAttributes)
        : m_rootAttributes(rootAttributes)
    { }

    Result<void> handle(const QXmlStreamReader &xml);
    QByteArray bytes() const { return m_out.toUtf8(); }

private:
    void startElement(const QXmlStreamReader &xml);
    void closeStartTag();

    QMap<QString, QString> m_rootAttributes;
    QString m_out;
    int m_depth = 0;
    bool m_startTagOpen = false;
};

Result<void> MasterSerializer::handle(const QXmlStreamReader &xml)
{
    switch (xml.tokenType()) {
    case QXmlStreamReader::StartElement:
        startElement(xml);
        break;
    case QXmlStreamReader::EndElement:
        --m_depth;
        if (m_startTagOpen)
            m_out += QLatin1String("/>");
        else
            m_out += QLatin1String("</") + xml.qualifiedName() + QLatin1Char('>');
        m_startTagOpen = false;
        break;
    case QXmlStreamReader::Characters:
        if (m_depth == 0)
            break;
        closeStartTag();
        if (xml.isCDATA())
            m_out += QLatin1String("<![CDATA[") + xml.text() + QLatin1String("]]>");
        else
            m_out += escaped(xml.text());
        break;
    case QXmlStreamReader::Comment:
        if (m_depth > 0) {
            closeStartTag();
            m_out += QLatin1String("<!--") + xml.text() + QLatin1String("-->");
        }
        break;
    case QXmlStreamReader::ProcessingInstruction:
        if (m_depth > 0) {
            closeStartTag();
            m_out += QLatin1String("<?") + xml.processingInstructionTarget() + QLatin1Char(' ')
                    + xml.processingInstructionData() + QLatin1String("?>");
        }
        break;
    default:
        break;
    }
    return {};
}

void MasterSerializer::startElement(const QXmlStreamReader &xml)
{
    closeStartTag();
    QMap<QString, QString> attributes;
    const QXmlStreamAttributes written = xml.attributes();
    for (const QXmlStreamAttribute &attr : written)
        attributes.insert(attr.qualifiedName().toString(), attr.value().toString());
    if (m_depth == 0) {
        for (auto it = m_rootAttributes.cbegin(); it != m_rootAttributes.cend(); ++it)
            attributes.insert(it.key(), it.value());
    }
    m_out += QLatin1Char('<') + xml.qualifiedName();
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it)
        m_out += QLatin1Char(' ') + it.key() + QLatin1String("=\"") + escaped(it.value())
                + QLatin1Char('"');
    m_startTagOpen = true;
    ++m_depth;
}

void MasterSerializer::closeStartTag()
{
    if (m_startTagOpen)
        m_out += QLatin1Char('>');
    m_startTagOpen = false;
}

} // namespace

Result<QByteArray> RecipeWriter::masterForm(const QByteArray &source,
                                            const QMap<QString, QString> &rootAttributes,
                                            const RecipeReader &reader)
{
    const auto text = reader.decode(source);
    if (!text)
        return text.error();
    MasterSerializer serializer(rootAttributes);
    const auto scanned = reader.scan(
            text.value(), NamespaceMode::AsWritten,
            [&](const QXmlStreamReader &xml, qint64) { return serializer.handle(xml); });
    if (!scanned)
        return scanned.error();
    return serializer.bytes();
}

} // namespace Core
