// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include "core/report.h"
#include "core/result.h"

class QIODevice;
struct _xmlError;
struct _xmlParserCtxt;

namespace Core {

/// The attributes of one start element as the SAX parser reports them (UTF-8, not copied).
class SaxAttributes
{
public:
    SaxAttributes(const unsigned char **data, int count) : m_data(data), m_count(count) { }

    int size() const { return m_count; }
    /// Local name of attribute @p i.
    const char *name(int i) const { return reinterpret_cast<const char *>(m_data[5 * i]); }
    QString value(int i) const;
    /// Sets @p target to attribute @p i's value, reusing its buffer when it is not shared.
    void assignValue(int i, QString &target) const;
    int valueLength(int i) const { return int(m_data[5 * i + 4] - m_data[5 * i + 3]); }
    /// The value of attribute @p localName, or a null string when there is none.
    QString value(const char *localName) const;
    /// Index of attribute @p localName, or -1.
    int indexOf(const char *localName) const;
    /// Index of the attribute whose name is @p interned (from SaxXmlParser::intern()), or -1.
    int indexOfInterned(const char *interned) const
    {
        for (int i = 0; i < m_count; ++i) {
            if (name(i) == interned)
                return i;
        }
        return -1;
    }
    /// The UTF-8 bytes of attribute @p i's value (valueLength(i) of them, not NUL-terminated).
    const char *rawValue(int i) const { return reinterpret_cast<const char *>(m_data[5 * i + 3]); }
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

    /**
     * The parser's own copy of @p name (null outside parsing): element and attribute names the
     * handler gets are such copies, so they compare equal to it as pointers. Call it from a
     * handler callback; the pointer stays valid until parsing ends.
     */
    const char *intern(const char *name) const;
    /// UTF-8 text as a QString, with a fast path for ASCII.
    static QString toString(const char *utf8, int length);
    /// Sets @p target to UTF-8 text, reusing its buffer when it is not shared.
    static void assign(QString &target, const char *utf8, int length);

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
    static void onError(void *context, _xmlError *error);
    static int readInput(void *context, char *buffer, int length);
    Result<void> run();
    Result<void> finish();

    Handler &m_handler;
    ReportReadLimits m_limits;
    _xmlParserCtxt *m_context = nullptr;
    QIODevice *m_device = nullptr; ///< the input, or null when parsing memory
    QByteArray m_buffer; ///< the last read from m_device
    int m_bufferPosition = 0;
    int m_bufferEnd = 0;
    const char *m_memory = nullptr; ///< the rest of the input when parsing memory
    qint64 m_memoryLeft = 0;
    QString m_readError;
    Error m_parseError; ///< the first fatal parser error
    int m_depth = 0;
    bool m_stopped = false;
    bool m_sawNul = false;
    Error m_error;
};

} // namespace Core
