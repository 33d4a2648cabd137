// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include "core/report.h"
#include "core/result.h"

class QIODevice;
struct _xmlParserCtxt;

namespace Core {

/// The attributes of one start element as the SAX parser reports them (UTF-8, not copied).
class SaxAttributes
{
public:
    SaxAttributes(const unsigned char **data, int count) : m_data(data), m_count(count) { }

    int size() const { return m_count; }
    /// Local name of attribute @p i.
    const char *name(int i) const;
    QString value(int i) const;
    int valueLength(int i) const;
    /// The value of attribute @p localName, or a null string when there is none.
    QString value(const char *localName) const;
    /// Index of attribute @p localName, or -1.
    int indexOf(const char *localName) const;
    /// The UTF-8 bytes of attribute @p i's value (valueLength(i) of them, not NUL-terminated).
    const char *rawValue(int i) const;
    /// True when attribute @p localName exists and equals @p text.
    bool equals(const char *localName, const char *text) const;

private:
    const unsigned char **m_data;
    int m_count;
};

/**
 * A streaming SAX parser (libxml2's, the engine libxslt already brings) for the report readers
 * whose input can be hundreds of megabytes: JUnit and Cobertura. It enforces ReportReadLimits,
 * never loads external DTDs or entities, and turns parser failures into Core::Error values with
 * position. Handlers get element local names and text as UTF-8.
 */
class SaxXmlParser
{
public:
    /// What the parser calls; a handler stops parsing with SaxXmlParser::stop().
    class Handler
    {
    public:
        virtual ~Handler() = default;
        /// @p depth is 1 for the root element.
        virtual void startElement(const char *name, const SaxAttributes &attributes, int depth) = 0;
        virtual void endElement(int depth) = 0;
        /// Text or CDATA directly inside the element at @p depth (may come in pieces).
        virtual void characters(const char *text, int length, int depth) = 0;
    };

    SaxXmlParser(Handler &handler, const ReportReadLimits &limits);
    ~SaxXmlParser();
    SaxXmlParser(const SaxXmlParser &) = delete;
    SaxXmlParser &operator=(const SaxXmlParser &) = delete;

    Result<void> parse(QIODevice *device);
    Result<void> parse(const QByteArray &data);

    /// Stops parsing with an error at the current position.
    void stop(ErrorCode code, const QString &message);
    const ReportReadLimits &limits() const { return m_limits; }

private:
    struct Callbacks;
    static void onStart(void *context, const unsigned char *localName, const unsigned char *prefix,
                        const unsigned char *uri, int namespaceCount,
                        const unsigned char **namespaces, int attributeCount, int defaulted,
                        const unsigned char **attributes);
    static void onEnd(void *context, const unsigned char *localName, const unsigned char *prefix,
                      const unsigned char *uri);
    static void onCharacters(void *context, const unsigned char *text, int length);
    bool feed(const char *data, int size, bool last);
    Result<void> finish();

    Handler &m_handler;
    ReportReadLimits m_limits;
    _xmlParserCtxt *m_context = nullptr;
    int m_depth = 0;
    bool m_stopped = false;
    bool m_sawNul = false;
    Error m_error;
};

} // namespace Core
