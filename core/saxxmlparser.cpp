// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/saxxmlparser.h"

#include <cstring>

#include <QIODevice>

#include <libxml/SAX2.h>
#include <libxml/dict.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

namespace Core {

namespace {

constexpr int chunkSize = 256 * 1024;

const char *chars(const unsigned char *text)
{
    return reinterpret_cast<const char *>(text);
}

// External entities and DTDs are never fetched, whatever the document asks for.
xmlParserInputPtr noEntity(void *, const xmlChar *, const xmlChar *)
{
    return nullptr;
}

void noExternalSubset(void *, const xmlChar *, const xmlChar *, const xmlChar *) { }

bool isExternal(xmlEntityPtr entity)
{
    return entity
            && (entity->etype == XML_EXTERNAL_GENERAL_PARSED_ENTITY
                || entity->etype == XML_EXTERNAL_GENERAL_UNPARSED_ENTITY
                || entity->etype == XML_EXTERNAL_PARAMETER_ENTITY);
}

} // namespace

// The parser's user data is the SaxXmlParser, not the libxml2 context: then libxml2 does not
// fall back to its own entity lookup, and getEntity() below decides alone. Internal entities
// expand (as in expat and Qt); external ones are reported as undefined, so no file or URL is
// ever opened. These trampolines hand libxml2's DTD bookkeeping its context.
struct SaxXmlParser::Callbacks
{
    static xmlParserCtxtPtr context(void *self)
    {
        return static_cast<SaxXmlParser *>(self)->m_context;
    }
    static void startDocument(void *self) { xmlSAX2StartDocument(context(self)); }
    static void endDocument(void *self) { xmlSAX2EndDocument(context(self)); }
    static void internalSubset(void *self, const xmlChar *name, const xmlChar *publicId,
                               const xmlChar *systemId)
    {
        xmlSAX2InternalSubset(context(self), name, publicId, systemId);
    }
    static void entityDecl(void *self, const xmlChar *name, int type, const xmlChar *publicId,
                           const xmlChar *systemId, xmlChar *content)
    {
        xmlSAX2EntityDecl(context(self), name, type, publicId, systemId, content);
    }
    static xmlEntityPtr getEntity(void *self, const xmlChar *name)
    {
        xmlEntityPtr entity = xmlSAX2GetEntity(context(self), name);
        return isExternal(entity) ? nullptr : entity;
    }
    static xmlEntityPtr getParameterEntity(void *self, const xmlChar *name)
    {
        xmlEntityPtr entity = xmlSAX2GetParameterEntity(context(self), name);
        return isExternal(entity) ? nullptr : entity;
    }
    static int isStandalone(void *self) { return xmlSAX2IsStandalone(context(self)); }
    static int hasInternalSubset(void *self) { return xmlSAX2HasInternalSubset(context(self)); }
    static int hasExternalSubset(void *self) { return xmlSAX2HasExternalSubset(context(self)); }
};

QString SaxAttributes::value(int i) const
{
    return SaxXmlParser::toString(chars(m_data[5 * i + 3]), valueLength(i));
}

/// Widens @p length bytes into @p out; false when one was not ASCII.
static bool widenAscii(char16_t *out, const char *utf8, int length)
{
    const auto *in = reinterpret_cast<const unsigned char *>(utf8);
    unsigned char any = 0;
    for (int i = 0; i < length; ++i) {
        any |= in[i];
        out[i] = in[i];
    }
    return any < 0x80;
}

// Widening in one vectorisable pass is much cheaper than the general decoder for the short
// ASCII values that make up nearly all of a large report; anything else takes fromUtf8.
QString SaxXmlParser::toString(const char *utf8, int length)
{
    QString text(length, Qt::Uninitialized);
    if (widenAscii(reinterpret_cast<char16_t *>(text.data()), utf8, length))
        return text;
    return QString::fromUtf8(utf8, length);
}

void SaxXmlParser::assign(QString &target, const char *utf8, int length)
{
    target.resize(length); // keeps an unshared buffer that is large enough
    if (!widenAscii(reinterpret_cast<char16_t *>(target.data()), utf8, length))
        target = QString::fromUtf8(utf8, length);
}

void SaxAttributes::assignValue(int i, QString &target) const
{
    SaxXmlParser::assign(target, rawValue(i), valueLength(i));
}

int SaxAttributes::indexOf(const char *localName) const
{
    for (int i = 0; i < m_count; ++i) {
        if (std::strcmp(name(i), localName) == 0)
            return i;
    }
    return -1;
}

QString SaxAttributes::value(const char *localName) const
{
    const int i = indexOf(localName);
    return i < 0 ? QString() : value(i);
}

bool SaxAttributes::equals(const char *localName, const char *text) const
{
    for (int i = 0; i < m_count; ++i) {
        if (std::strcmp(name(i), localName) == 0) {
            const auto length = std::strlen(text);
            return size_t(valueLength(i)) == length
                    && std::memcmp(m_data[5 * i + 3], text, length) == 0;
        }
    }
    return false;
}

SaxXmlParser::SaxXmlParser(Handler &handler, const ReportReadLimits &limits)
    : m_handler(handler), m_limits(limits)
{ }

SaxXmlParser::~SaxXmlParser()
{
    if (m_context) {
        if (m_context->myDoc)
            xmlFreeDoc(m_context->myDoc);
        xmlFreeParserCtxt(m_context);
    }
}

Result<void> SaxXmlParser::parse(QIODevice *device)
{
    Q_ASSERT(device);
    m_device = device;
    m_buffer = QByteArray(chunkSize, Qt::Uninitialized);
    return run();
}

Result<void> SaxXmlParser::parse(const QByteArray &data)
{
    m_memory = data.constData();
    m_memoryLeft = data.size();
    return run();
}

// libxml2 pulls the input in small pieces (4,000 bytes): from memory they are copied straight
// out, from a device they come out of one large read at a time.
int SaxXmlParser::readInput(void *context, char *buffer, int length)
{
    auto *self = static_cast<SaxXmlParser *>(context);
    if (!self->m_device) {
        const int size = int(qMin<qint64>(length, self->m_memoryLeft));
        std::memcpy(buffer, self->m_memory, size_t(size));
        self->m_memory += size;
        self->m_memoryLeft -= size;
        self->m_sawNul = self->m_sawNul || std::memchr(buffer, 0, size_t(size));
        return size;
    }
    if (self->m_bufferPosition == self->m_bufferEnd) {
        const qint64 got = self->m_device->read(self->m_buffer.data(), chunkSize);
        if (got < 0) {
            self->m_readError = self->m_device->errorString();
            return -1;
        }
        self->m_sawNul = self->m_sawNul || std::memchr(self->m_buffer.constData(), 0, size_t(got));
        self->m_bufferPosition = 0;
        self->m_bufferEnd = int(got);
    }
    const int size = qMin(length, self->m_bufferEnd - self->m_bufferPosition);
    std::memcpy(buffer, self->m_buffer.constData() + self->m_bufferPosition, size_t(size));
    self->m_bufferPosition += size;
    return size;
}

Result<void> SaxXmlParser::run()
{
    xmlSAXHandler sax;
    std::memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startDocument = Callbacks::startDocument;
    sax.endDocument = Callbacks::endDocument;
    sax.internalSubset = Callbacks::internalSubset;
    sax.entityDecl = Callbacks::entityDecl;
    sax.getEntity = Callbacks::getEntity;
    sax.getParameterEntity = Callbacks::getParameterEntity;
    sax.isStandalone = Callbacks::isStandalone;
    sax.hasInternalSubset = Callbacks::hasInternalSubset;
    sax.hasExternalSubset = Callbacks::hasExternalSubset;
    sax.resolveEntity = noEntity;
    sax.externalSubset = noExternalSubset;
    sax.startElementNs = onStart;
    sax.endElementNs = onEnd;
    sax.characters = onCharacters;
    sax.cdataBlock = onCharacters;
    sax.ignorableWhitespace = onCharacters;
    sax.serror = onError;
    m_context = xmlCreateIOParserCtxt(&sax, this, readInput, nullptr, this, XML_CHAR_ENCODING_NONE);
    if (!m_context)
        return finish();
    xmlCtxtUseOptions(m_context,
                      XML_PARSE_NONET | XML_PARSE_NOENT | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
    xmlParseDocument(m_context);
    return finish();
}

Result<void> SaxXmlParser::finish()
{
    if (m_stopped)
        return m_error;
    if (!m_readError.isNull())
        return makeError(ErrorCode::ReadFailed, m_readError);
    if (!m_context)
        return makeError(ErrorCode::Internal, QStringLiteral("The XML parser could not start."));
    if (m_context->wellFormed)
        return {};
    if (m_parseError.code == ErrorCode::None)
        return makeError(ErrorCode::ParseFailed,
                         QStringLiteral("The document is not well-formed."));
    return m_parseError;
}

// The pull parser goes on (without SAX events) after a fatal error and may raise more; the
// first one says what went wrong. Nothing goes to stderr.
void SaxXmlParser::onError(void *context, xmlErrorPtr error)
{
    auto *self = static_cast<SaxXmlParser *>(context);
    if (!error || error->level != XML_ERR_FATAL || self->m_parseError.code != ErrorCode::None)
        return;
    QString message = error->message ? QString::fromUtf8(error->message).simplified()
                                     : QStringLiteral("The document is not well-formed");
    if (self->m_sawNul)
        message = QStringLiteral("Unexpected NUL character.");
    else if (error->code == XML_ERR_TAG_NOT_FINISHED
             || (error->code == XML_ERR_DOCUMENT_END && self->m_depth > 0))
        message = QStringLiteral("Premature end of document."); // libxml2 words it per tag
    self->m_parseError
            = makeError(ErrorCode::ParseFailed,
                        message.endsWith(QLatin1Char('.')) ? message : message + QLatin1Char('.'),
                        error->line, error->int2);
}

const char *SaxXmlParser::intern(const char *name) const
{
    if (!m_context || !m_context->dict)
        return nullptr;
    return chars(xmlDictLookup(m_context->dict, reinterpret_cast<const xmlChar *>(name), -1));
}

void SaxXmlParser::stop(ErrorCode code, const QString &message)
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_error = makeError(code, message, xmlSAX2GetLineNumber(m_context),
                        xmlSAX2GetColumnNumber(m_context));
    xmlStopParser(m_context);
}

void SaxXmlParser::onStart(void *context, const unsigned char *localName, const unsigned char *,
                           const unsigned char *, int, const unsigned char **, int attributeCount,
                           int, const unsigned char **attributes)
{
    auto *self = static_cast<SaxXmlParser *>(context);
    if (self->m_stopped)
        return;
    if (++self->m_depth > self->m_limits.maxDepth) {
        self->stop(ErrorCode::LimitExceeded,
                   QStringLiteral("Elements are nested deeper than %1 levels.")
                           .arg(self->m_limits.maxDepth));
        return;
    }
    const SaxAttributes view(attributes, attributeCount);
    for (int i = 0; i < attributeCount; ++i) {
        if (view.valueLength(i) > self->m_limits.maxValueLength) {
            self->stop(ErrorCode::LimitExceeded,
                       QStringLiteral("The value of attribute %1 is longer than %2 characters.")
                               .arg(QString::fromUtf8(view.name(i)))
                               .arg(self->m_limits.maxValueLength));
            return;
        }
    }
    self->m_handler.startElement(chars(localName), view, self->m_depth);
}

void SaxXmlParser::onEnd(void *context, const unsigned char *, const unsigned char *,
                         const unsigned char *)
{
    auto *self = static_cast<SaxXmlParser *>(context);
    if (self->m_stopped)
        return;
    self->m_handler.endElement(self->m_depth);
    --self->m_depth;
}

void SaxXmlParser::onCharacters(void *context, const unsigned char *text, int length)
{
    auto *self = static_cast<SaxXmlParser *>(context);
    if (self->m_stopped || self->m_depth == 0)
        return;
    self->m_handler.characters(chars(text), length, self->m_depth);
}

} // namespace Core
