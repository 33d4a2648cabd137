// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/saxxmlparser.h"

#include <cstring>

#include <QIODevice>

#include <libxml/SAX2.h>
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

namespace {

// Errors are read from the context after parsing; nothing goes to stderr.
void quietError(void *, xmlErrorPtr) { }

} // namespace

const char *SaxAttributes::name(int i) const
{
    return chars(m_data[5 * i]);
}

int SaxAttributes::valueLength(int i) const
{
    return int(m_data[5 * i + 4] - m_data[5 * i + 3]);
}

QString SaxAttributes::value(int i) const
{
    return QString::fromUtf8(chars(m_data[5 * i + 3]), valueLength(i));
}

int SaxAttributes::indexOf(const char *localName) const
{
    for (int i = 0; i < m_count; ++i) {
        if (std::strcmp(name(i), localName) == 0)
            return i;
    }
    return -1;
}

const char *SaxAttributes::rawValue(int i) const
{
    return chars(m_data[5 * i + 3]);
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
    QByteArray buffer(chunkSize, Qt::Uninitialized);
    for (;;) {
        const qint64 got = device->read(buffer.data(), chunkSize);
        if (got < 0)
            return makeError(ErrorCode::ReadFailed, device->errorString());
        if (!feed(buffer.constData(), int(got), got == 0))
            break;
        if (got == 0)
            break;
    }
    return finish();
}

Result<void> SaxXmlParser::parse(const QByteArray &data)
{
    for (int offset = 0; offset < data.size(); offset += chunkSize) {
        if (!feed(data.constData() + offset, qMin(chunkSize, data.size() - offset), false))
            return finish();
    }
    feed(nullptr, 0, true);
    return finish();
}

bool SaxXmlParser::feed(const char *data, int size, bool last)
{
    if (!m_context) {
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
        sax.serror = quietError;
        m_context = xmlCreatePushParserCtxt(&sax, this, nullptr, 0, nullptr);
        if (!m_context)
            return false;
        xmlCtxtUseOptions(m_context,
                          XML_PARSE_NONET | XML_PARSE_NOENT | XML_PARSE_NOWARNING
                                  | XML_PARSE_NOERROR);
    }
    // libxml2 words a NUL byte as an internal error; remember one to say what it was.
    if (size > 0 && std::memchr(data, 0, size_t(size)))
        m_sawNul = true;
    const int status = xmlParseChunk(m_context, data, size, last ? 1 : 0);
    return status == 0 && !m_stopped && m_context->wellFormed;
}

Result<void> SaxXmlParser::finish()
{
    if (m_stopped)
        return m_error;
    if (!m_context)
        return makeError(ErrorCode::Internal, QStringLiteral("The XML parser could not start."));
    if (m_context->wellFormed)
        return {};
    const xmlError *error = xmlCtxtGetLastError(m_context);
    if (!error || !error->message)
        return makeError(ErrorCode::ParseFailed,
                         QStringLiteral("The document is not well-formed."));
    QString message = QString::fromUtf8(error->message).simplified();
    if (m_sawNul)
        message = QStringLiteral("Unexpected NUL character.");
    else if (error->code == XML_ERR_DOCUMENT_END && m_depth > 0)
        message = QStringLiteral("Premature end of document."); // libxml2 says "Extra content"
    return makeError(ErrorCode::ParseFailed,
                     message.endsWith(QLatin1Char('.')) ? message : message + QLatin1Char('.'),
                     error->line, error->int2);
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
