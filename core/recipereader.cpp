// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/recipereader.h"

#include <algorithm>

#include <QRegularExpression>
#include <QTextCodec>

#include "core/commandcatalog.h"

namespace Core {

namespace {

/// Offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1.
qint64 firstInvalidUtf8(const QByteArray &data)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(data.constData());
    const qint64 size = data.size();
    qint64 i = 0;
    while (i < size) {
        const unsigned char c = bytes[i];
        int extra = 0;
        uint min = 0;
        uint code = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1, min = 0x80, code = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2, min = 0x800, code = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3, min = 0x10000, code = c & 0x07;
        } else {
            return i;
        }
        if (i + extra >= size)
            return i;
        for (int k = 1; k <= extra; ++k) {
            if ((bytes[i + k] & 0xC0) != 0x80)
                return i;
            code = (code << 6) | (bytes[i + k] & 0x3F);
        }
        if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return i;
        i += extra + 1;
    }
    return -1;
}

/// 1-based position of byte @p offset in UTF-8 @p data whose prefix is valid.
SourcePosition bytePosition(const QByteArray &data, qint64 offset)
{
    const QByteArray prefix = data.left(offset);
    const qint64 lineStart = prefix.lastIndexOf('\n') + 1;
    return {prefix.count('\n') + 1,
            QString::fromUtf8(prefix.constData() + lineStart, prefix.size() - lineStart).size()
                    + 1};
}

/// The encoding named by a leading XML declaration, or an empty string.
QString declaredEncoding(const QByteArray &data)
{
    if (!data.startsWith("<?xml"))
        return QString();
    const qint64 end = data.indexOf("?>");
    if (end < 0 || end > 1024)
        return QString();
    static const QRegularExpression pattern(
            QStringLiteral("\\sencoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]*)[\"']"));
    const auto match = pattern.match(QString::fromLatin1(data.left(end)));
    return match.hasMatch() ? match.captured(1) : QString();
}

bool isAsciiName(const QString &name)
{
    return name.compare(QLatin1String("US-ASCII"), Qt::CaseInsensitive) == 0
            || name.compare(QLatin1String("ASCII"), Qt::CaseInsensitive) == 0;
}

QString hexByte(char byte)
{
    return QStringLiteral("0x")
            + QString::number(uchar(byte), 16).toUpper().rightJustified(2, QLatin1Char('0'));
}

bool isUtf8Name(const QString &name)
{
    return name.compare(QLatin1String("UTF-8"), Qt::CaseInsensitive) == 0
            || name.compare(QLatin1String("UTF8"), Qt::CaseInsensitive) == 0;
}

/// Whether token text may carry entity references that XML expands.
bool carriesReferences(const QXmlStreamReader &xml)
{
    switch (xml.tokenType()) {
    case QXmlStreamReader::StartElement:
    case QXmlStreamReader::EntityReference:
    case QXmlStreamReader::Invalid:
        return true;
    case QXmlStreamReader::Characters:
        return !xml.isCDATA();
    default:
        return false;
    }
}

/// Characters a token adds after entity expansion.
qint64 expandedSize(const QXmlStreamReader &xml)
{
    if (xml.tokenType() == QXmlStreamReader::Characters)
        return xml.text().size();
    qint64 total = 0;
    if (xml.tokenType() == QXmlStreamReader::StartElement) {
        const QXmlStreamAttributes attributes = xml.attributes();
        for (const QXmlStreamAttribute &attr : attributes)
            total += attr.value().size();
    }
    return total;
}

} // namespace

RecipeText::RecipeText(const QString &text) : m_text(text)
{
    m_lineStarts.append(0);
    for (qint64 i = 0; i < m_text.size(); ++i) {
        if (m_text.at(i) == QLatin1Char('\n'))
            m_lineStarts.append(i + 1);
    }
}

SourcePosition RecipeText::position(qint64 offset) const
{
    const auto it = std::upper_bound(m_lineStarts.cbegin(), m_lineStarts.cend(), offset);
    const qint64 line = std::max<qint64>(1, it - m_lineStarts.cbegin());
    return {line, offset - m_lineStarts.at(line - 1) + 1};
}

RecipeReader::RecipeReader(const QString &fileName) : m_fileName(fileName) { }

qint64 RecipeReader::maxExpandedSize() const
{
    return m_maxExpandedSize > 0 ? m_maxExpandedSize : 2 * m_maxSize;
}

QString RecipeReader::subject() const
{
    if (m_fileName.isEmpty())
        return QStringLiteral("The recipe");
    return QStringLiteral("Recipe ") + m_fileName;
}

Error RecipeReader::error(ErrorCode code, const QString &cause, SourcePosition position) const
{
    return makeError(code, subject() + QLatin1Char(' ') + cause, position.line, position.column);
}

Result<void> RecipeReader::checkSize(qint64 size) const
{
    if (size <= m_maxSize)
        return {};
    return error(ErrorCode::LimitExceeded,
                 QStringLiteral("is %1 bytes long, more than the limit of %2 bytes.")
                         .arg(size)
                         .arg(m_maxSize),
                 {1, 1});
}

Result<QString> RecipeReader::decodeBytes(const QByteArray &data) const
{
    if (data.startsWith("\xEF\xBB\xBF"))
        return decodeBytes(data.mid(3));
    QString encoding;
    if (data.startsWith("\xFE\xFF") || data.startsWith("\xFF\xFE"))
        encoding = data.startsWith("\xFE\xFF") ? QStringLiteral("UTF-16BE")
                                               : QStringLiteral("UTF-16LE");
    else
        encoding = declaredEncoding(data);
    if (encoding.isEmpty() || isUtf8Name(encoding)) {
        const qint64 bad = firstInvalidUtf8(data);
        if (bad < 0)
            return QString::fromUtf8(data.constData(), data.size());
        const QString byte = hexByte(data.at(bad));
        const QString cause = encoding.isEmpty()
                ? QStringLiteral("is not valid UTF-8 (byte %1) and has no XML declaration naming "
                                 "another encoding.")
                : QStringLiteral("is not valid UTF-8 (byte %1), the encoding its XML declaration "
                                 "names.");
        return error(ErrorCode::ParseFailed, cause.arg(byte), bytePosition(data, bad));
    }
    if (isAsciiName(encoding)) {
        const auto high = std::find_if(data.cbegin(), data.cend(), [](char c) { return c & 0x80; });
        if (high == data.cend())
            return QString::fromLatin1(data.constData(), data.size());
        const qint64 bad = high - data.cbegin();
        return error(ErrorCode::ParseFailed,
                     QStringLiteral("is not valid %1 (byte %2), the encoding its XML declaration "
                                    "names.")
                             .arg(encoding, hexByte(data.at(bad))),
                     bytePosition(data, bad));
    }
    QTextCodec *codec = QTextCodec::codecForName(encoding.toLatin1());
    if (!codec)
        return error(ErrorCode::ParseFailed,
                     QStringLiteral("declares the encoding \"%1\", which Bittern does not know.")
                             .arg(encoding),
                     {1, 1});
    QTextCodec::ConverterState state(QTextCodec::IgnoreHeader);
    const int bomSize = encoding.startsWith(QLatin1String("UTF-16")) && data.size() >= 2 ? 2 : 0;
    const QString text
            = codec->toUnicode(data.constData() + bomSize, data.size() - bomSize, &state);
    if (state.invalidChars > 0) {
        const RecipeText partial(text);
        return error(ErrorCode::ParseFailed,
                     QStringLiteral("is not valid %1, the encoding its XML declaration names.")
                             .arg(encoding),
                     partial.position(text.indexOf(QChar::ReplacementCharacter)));
    }
    return text;
}

Result<RecipeText> RecipeReader::decode(const QByteArray &data) const
{
    if (auto sized = checkSize(data.size()); !sized)
        return sized.error();
    auto decoded = decodeBytes(data);
    if (!decoded)
        return decoded.error();
    RecipeText text(decoded.value());
    const qint64 nul = text.text().indexOf(QChar(QChar::Null));
    if (nul >= 0)
        return error(ErrorCode::ParseFailed,
                     QStringLiteral("contains a NUL character, which XML does not allow."),
                     text.position(nul));
    return text;
}

namespace {

/// External general entities declared in a DTD: name → "SYSTEM \"id\"" or "PUBLIC \"id\"".
void collectExternalEntities(const QXmlStreamReader &xml, QHash<QString, QString> &externals)
{
    const QXmlStreamEntityDeclarations declarations = xml.entityDeclarations();
    for (const QXmlStreamEntityDeclaration &entity : declarations) {
        if (!entity.publicId().isEmpty())
            externals.insert(entity.name().toString(),
                             QStringLiteral("PUBLIC \"%1\" \"%2\"")
                                     .arg(entity.publicId(), entity.systemId()));
        else if (!entity.systemId().isEmpty())
            externals.insert(entity.name().toString(),
                             QStringLiteral("SYSTEM \"%1\"").arg(entity.systemId()));
    }
}

/// Offset of the first reference to one of @p externals in [begin, end), or -1; @p name gets
/// its name.
qint64 findExternalReference(const QString &text, qint64 begin, qint64 end,
                             const QHash<QString, QString> &externals, QString &name)
{
    for (qint64 amp = text.indexOf(QLatin1Char('&'), begin); amp >= 0 && amp < end;
         amp = text.indexOf(QLatin1Char('&'), amp + 1)) {
        const qint64 semicolon = text.indexOf(QLatin1Char(';'), amp);
        if (semicolon < 0 || semicolon > end)
            return -1;
        const QString candidate = text.mid(amp + 1, semicolon - amp - 1);
        if (externals.contains(candidate)) {
            name = candidate;
            return amp;
        }
    }
    return -1;
}

} // namespace

Result<void> RecipeReader::scan(const RecipeText &text, NamespaceMode mode,
                                const TokenHandler &handler) const
{
    QXmlStreamReader xml(text.text());
    xml.setNamespaceProcessing(mode == NamespaceMode::Resolve);
    xml.setEntityExpansionLimit(m_entityExpansionLimit);
    QHash<QString, QString> externals;
    qint64 previousEnd = 0;
    qint64 expanded = 0;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        const qint64 end = xml.characterOffset();
        QString external;
        const qint64 reference = externals.isEmpty() || !carriesReferences(xml)
                ? -1
                : findExternalReference(text.text(), previousEnd, end, externals, external);
        if (reference >= 0)
            return error(ErrorCode::Unsupported,
                         QStringLiteral("refers to the external entity \"%1\" (%2); Bittern never "
                                        "fetches external entities.")
                                 .arg(external, externals.value(external)),
                         text.position(reference));
        if (token == QXmlStreamReader::Invalid) {
            const QString why = xml.errorString();
            if (why.contains(QLatin1String("expansion limit")))
                return error(ErrorCode::LimitExceeded,
                             QStringLiteral("has an entity that expands to more than %1 "
                                            "characters; Bittern stops there (a possible entity "
                                            "bomb).")
                                     .arg(m_entityExpansionLimit),
                             text.position(end));
            return error(ErrorCode::ParseFailed, QStringLiteral("is not well-formed XML: ") + why,
                         text.position(end));
        }
        if (token == QXmlStreamReader::DTD)
            collectExternalEntities(xml, externals);
        expanded += expandedSize(xml);
        if (expanded > maxExpandedSize())
            return error(ErrorCode::LimitExceeded,
                         QStringLiteral("expands to more than %1 characters of text and attribute "
                                        "values; Bittern stops there (a possible entity bomb).")
                                 .arg(maxExpandedSize()),
                         text.position(end));
        qint64 start = previousEnd;
        if (token == QXmlStreamReader::StartElement) {
            const qint64 open = text.text().lastIndexOf(QLatin1Char('<'), end - 1);
            // An element that came out of an entity has no tag of its own in the source.
            const QStringView name = xml.qualifiedName();
            const QStringView tag = QStringView(text.text()).mid(open + 1, name.size() + 1);
            if (open >= 0 && tag.startsWith(name) && tag.size() > name.size()
                && (tag.back().isSpace() || tag.back() == QLatin1Char('>')
                    || tag.back() == QLatin1Char('/')))
                start = open;
        }
        if (auto handled = handler(xml, start); !handled)
            return handled;
        previousEnd = end;
    }
    return {};
}

QHash<QString, SourcePosition> RecipeReader::attributePositions(const RecipeText &text,
                                                                qint64 start, qint64 end)
{
    QHash<QString, SourcePosition> positions;
    const QString &s = text.text();
    const auto isSpace = [&](qint64 i) { return i < end && s.at(i).isSpace(); };
    qint64 i = start + 1;
    while (i < end && !s.at(i).isSpace() && s.at(i) != QLatin1Char('>')
           && s.at(i) != QLatin1Char('/'))
        ++i;
    while (i < end) {
        while (isSpace(i))
            ++i;
        if (i >= end || s.at(i) == QLatin1Char('>') || s.at(i) == QLatin1Char('/'))
            break;
        const qint64 nameStart = i;
        while (i < end && !s.at(i).isSpace() && s.at(i) != QLatin1Char('='))
            ++i;
        positions.insert(s.mid(nameStart, i - nameStart), text.position(nameStart));
        while (i < end && s.at(i) != QLatin1Char('"') && s.at(i) != QLatin1Char('\''))
            ++i;
        if (i >= end)
            break;
        const qint64 close = s.indexOf(s.at(i), i + 1);
        if (close < 0)
            break;
        i = close + 1;
    }
    return positions;
}

namespace {

/// Whether attributes keep their qualified name (root, steps) or their local name (commands:
/// Bitten passes namespaced attributes by local name).
enum class AttributeNaming {
    Qualified,
    Local,
};

/// Builds the Recipe model from the token stream of RecipeReader::scan().
class RecipeBuilder
{
public:
    explicit RecipeBuilder(const RecipeText &text) : m_text(text) { }

    Result<void> handle(const QXmlStreamReader &xml, qint64 start);
    Recipe finish();

private:
    void startElement(const QXmlStreamReader &xml, qint64 start);
    void startRoot(const QXmlStreamReader &xml, qint64 start);
    void startTopLevel(const QXmlStreamReader &xml, qint64 start);
    RecipeCommand command(const QXmlStreamReader &xml, qint64 start) const;
    QVector<RecipeAttribute> attributes(const QXmlStreamReader &xml, qint64 start,
                                        AttributeNaming naming) const;

    const RecipeText &m_text;
    Recipe m_recipe;
    int m_depth = 0;
    bool m_inStep = false;
};

Result<void> RecipeBuilder::handle(const QXmlStreamReader &xml, qint64 start)
{
    switch (xml.tokenType()) {
    case QXmlStreamReader::DTD:
        m_recipe.hasDoctype = true;
        break;
    case QXmlStreamReader::StartElement:
        startElement(xml, start);
        ++m_depth;
        break;
    case QXmlStreamReader::EndElement:
        --m_depth;
        if (m_depth == 1)
            m_inStep = false;
        break;
    case QXmlStreamReader::Comment:
        if (m_depth == 2 && m_inStep)
            ++m_recipe.steps.last().commentCount;
        break;
    default:
        break;
    }
    return {};
}

void RecipeBuilder::startElement(const QXmlStreamReader &xml, qint64 start)
{
    if (m_depth == 0) {
        startRoot(xml, start);
    } else if (m_depth == 1) {
        startTopLevel(xml, start);
    } else if (m_inStep) {
        QVector<RecipeCommand> &commands = m_recipe.steps.last().commands;
        if (m_depth == 2) {
            commands.append(command(xml, start));
        } else {
            RecipeCommand &parent = commands.last();
            parent.hasNestedContent = true;
            if (m_depth == 3)
                parent.children.append(command(xml, start));
            else
                parent.children.last().hasNestedContent = true;
        }
    }
}

void RecipeBuilder::startRoot(const QXmlStreamReader &xml, qint64 start)
{
    m_recipe.rootName = xml.name().toString();
    m_recipe.rootNamespaceUri = xml.namespaceUri().toString();
    m_recipe.rootPosition = m_text.position(start);
    if (m_recipe.rootName == QLatin1String("recipe"))
        m_recipe.isPreFiveFormat = true;
    const auto positions = RecipeReader::attributePositions(m_text, start, xml.characterOffset());
    const QXmlStreamNamespaceDeclarations declarations = xml.namespaceDeclarations();
    for (const QXmlStreamNamespaceDeclaration &ns : declarations) {
        const QString prefix = ns.prefix().toString();
        const QString attr
                = prefix.isEmpty() ? QStringLiteral("xmlns") : QStringLiteral("xmlns:") + prefix;
        m_recipe.namespaces.append({prefix, ns.namespaceUri().toString(), positions.value(attr)});
        if (CommandCatalog::family(ns.namespaceUri().toString()) == NamespaceFamily::PreFive)
            m_recipe.isPreFiveFormat = true;
    }
    m_recipe.variables = attributes(xml, start, AttributeNaming::Qualified);
    m_recipe.onErrorText = m_recipe.variable(QStringLiteral("onerror"));
}

void RecipeBuilder::startTopLevel(const QXmlStreamReader &xml, qint64 start)
{
    ++m_recipe.topLevelElementCount;
    if (xml.qualifiedName() != QLatin1String("step")) {
        m_recipe.strayElements.append({xml.qualifiedName().toString(), m_text.position(start)});
        return;
    }
    RecipeStep step;
    step.position = m_text.position(start);
    step.attributes = attributes(xml, start, AttributeNaming::Qualified);
    for (const RecipeAttribute &attr : qAsConst(step.attributes)) {
        if (attr.name == QLatin1String("id")) {
            step.id = attr.value;
            step.hasId = true;
        } else if (attr.name == QLatin1String("description")) {
            step.description = attr.value;
        } else if (attr.name == QLatin1String("onerror")) {
            step.onErrorText = attr.value;
        }
    }
    m_recipe.steps.append(step);
    m_inStep = true;
}

RecipeCommand RecipeBuilder::command(const QXmlStreamReader &xml, qint64 start) const
{
    RecipeCommand cmd;
    cmd.namespaceUri = xml.namespaceUri().toString();
    cmd.prefix = xml.prefix().toString();
    cmd.localName = xml.name().toString();
    cmd.family = CommandCatalog::family(cmd.namespaceUri);
    const CommandSpec *spec = CommandCatalog::find(cmd.namespaceUri, cmd.localName);
    cmd.id = spec ? spec->id : CommandId::Unknown;
    cmd.position = m_text.position(start);
    cmd.attributes = attributes(xml, start, AttributeNaming::Local);
    return cmd;
}

QVector<RecipeAttribute> RecipeBuilder::attributes(const QXmlStreamReader &xml, qint64 start,
                                                   AttributeNaming naming) const
{
    const auto positions = RecipeReader::attributePositions(m_text, start, xml.characterOffset());
    QVector<RecipeAttribute> result;
    const QXmlStreamAttributes attrs = xml.attributes();
    for (const QXmlStreamAttribute &attr : attrs) {
        const QString qualified = attr.qualifiedName().toString();
        const QString name = naming == AttributeNaming::Local ? attr.name().toString() : qualified;
        result.append({name, attr.value().toString(), positions.value(qualified)});
    }
    return result;
}

Recipe RecipeBuilder::finish()
{
    const OnError buildPolicy
            = m_recipe.onErrorText.isNull() ? OnError::Fail : parseOnError(m_recipe.onErrorText);
    m_recipe.onError = buildPolicy;
    for (RecipeStep &step : m_recipe.steps) {
        const bool ownPolicy = std::any_of(
                step.attributes.cbegin(), step.attributes.cend(),
                [](const RecipeAttribute &attr) { return attr.name == QLatin1String("onerror"); });
        step.onError = ownPolicy ? parseOnError(step.onErrorText) : buildPolicy;
        for (const RecipeCommand &cmd : qAsConst(step.commands)) {
            if (cmd.family == NamespaceFamily::PreFive
                || (cmd.namespaceUri.isEmpty() && cmd.localName == QLatin1String("reports")))
                m_recipe.isPreFiveFormat = true;
        }
    }
    return m_recipe;
}

} // namespace

Result<Recipe> RecipeReader::read(const QByteArray &data) const
{
    const auto text = decode(data);
    if (!text)
        return text.error();
    RecipeBuilder builder(text.value());
    const auto scanned = scan(
            text.value(), NamespaceMode::Resolve,
            [&](const QXmlStreamReader &xml, qint64 start) { return builder.handle(xml, start); });
    if (!scanned)
        return scanned.error();
    return builder.finish();
}

bool RecipeReader::isSetupStep(const RecipeStep &step)
{
    for (const RecipeAttribute &attr : step.attributes) {
        if (attr.name != QLatin1String("setup") && attr.name != QLatin1String("bittern:setup"))
            continue;
        const QString value = attr.value.trimmed().toLower();
        if (value == QLatin1String("true") || value == QLatin1String("yes")
            || value == QLatin1String("1"))
            return true;
    }
    return false;
}

} // namespace Core
