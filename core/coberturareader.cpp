// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/coberturareader.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <QHash>
#include <QIODevice>
#include <QVector>

#include "core/saxxmlparser.h"

namespace Core {

namespace {

constexpr qint64 notCode = -1;

/// Bitten's _LineCounter: hits by line, the number of entries and of covered entries. Hits are
/// kept as numbers when their text is a plain number (the usual case), else as text in @c odd.
struct FileCounter
{
    QString filename;
    QString name; ///< last class name without '$'; no item when it stays null
    QVector<qint64> hits; ///< notCode, a hit count, or -2 - index into odd
    QStringList odd;
    qint64 entries = 0;
    qint64 covered = 0;

    QString lineHits() const
    {
        if (!odd.isEmpty() || hits.isEmpty())
            return lineHitsGeneral();
        // A plain number has at most 18 digits (plainNumber), "-" one; each a separator.
        const qint64 numbers = qMin(entries, qint64(hits.size()));
        QByteArray text(int(2 * hits.size() + 17 * numbers), Qt::Uninitialized);
        char *out = text.data();
        char *const end = out + text.size();
        for (int i = 0; i < hits.size(); ++i) {
            if (i > 0)
                *out++ = ' ';
            const qint64 value = hits.at(i);
            if (value == notCode)
                *out++ = '-';
            else
                out = std::to_chars(out, end, value).ptr;
        }
        return QString::fromLatin1(text.constData(), int(out - text.constData()));
    }

    /// lineHits() when some hits are kept as text (or there are none: the result stays as before).
    QString lineHitsGeneral() const
    {
        QByteArray text;
        text.reserve(hits.size() * 3);
        char digits[24];
        for (int i = 0; i < hits.size(); ++i) {
            if (i > 0)
                text += ' ';
            const qint64 value = hits.at(i);
            if (value == notCode) {
                text += '-';
            } else if (value >= 0) {
                const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
                text.append(digits, int(end - digits));
            } else {
                text += odd.at(int(-2 - value)).toUtf8();
            }
        }
        return QString::fromUtf8(text);
    }
};

/// The number in @p text when it is written plainly (digits, no leading zero), else -1.
qint64 plainNumber(const char *text, int length)
{
    if (length < 1 || length > 18 || (text[0] == '0' && length > 1))
        return -1;
    qint64 value = 0;
    for (int i = 0; i < length; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

/// Where an element sits in packages/package/classes/class/lines/line (or sources/source).
enum class Node {
    Other,
    Root,
    Sources,
    Source,
    Packages,
    Package,
    Classes,
    Class,
    Lines,
    Line,
};

struct Step
{
    Node parent;
    const char *name;
    Node node;
};

// The only paths java:cobertura looks at, each level by direct children.
constexpr Step steps[] = {
        {Node::Root, "sources", Node::Sources},    {Node::Sources, "source", Node::Source},
        {Node::Root, "packages", Node::Packages},  {Node::Packages, "package", Node::Package},
        {Node::Package, "classes", Node::Classes}, {Node::Classes, "class", Node::Class},
        {Node::Class, "lines", Node::Lines},       {Node::Lines, "line", Node::Line},
};

constexpr int stepCount = int(sizeof steps / sizeof steps[0]);

/// The names the reader looks for, as the parser's interned pointers (see SaxXmlParser::intern).
struct Names
{
    const char *steps[stepCount] = {};
    const char *filename = nullptr;
    const char *name = nullptr;
    const char *number = nullptr;
    const char *hits = nullptr;

    void resolve(const SaxXmlParser &parser)
    {
        for (int i = 0; i < stepCount; ++i)
            steps[i] = parser.intern(Core::steps[i].name);
        filename = parser.intern("filename");
        name = parser.intern("name");
        number = parser.intern("number");
        hits = parser.intern("hits");
    }

    Node childNode(Node parent, const char *element) const
    {
        for (int i = 0; i < stepCount; ++i) {
            if (Core::steps[i].parent == parent && steps[i] == element)
                return Core::steps[i].node;
        }
        return Node::Other;
    }
};

/// An attribute's value by interned name, or a null string.
QString valueOf(const SaxAttributes &attributes, const char *interned)
{
    const int i = attributes.indexOfInterned(interned);
    return i < 0 ? QString() : attributes.value(i);
}

} // namespace

class CoberturaReader::Handler : public SaxXmlParser::Handler
{
public:
    Handler(const Options &options, const ItemSink &sink)
        : m_options(options), m_sink(sink), m_parser(*this, options.limits)
    { }

    Result<Counts> run(const std::function<Result<void>(SaxXmlParser &)> &parse)
    {
        const auto parsed = parse(m_parser);
        if (!parsed)
            return parsed.error();
        if (m_srcdir.isNull())
            return makeError(ErrorCode::InvalidInput,
                             QStringLiteral("The Cobertura report has no <sources><source>."));
        flush();
        return m_counts;
    }

    void startElement(const char *name, const SaxAttributes &attributes, int depth) override
    {
        if (depth == 1)
            m_names.resolve(m_parser);
        const Node parent = depth == 1 ? Node::Other : m_path.value(depth - 1, Node::Other);
        const Node node = depth == 1 ? Node::Root : m_names.childNode(parent, name);
        if (m_path.size() <= depth)
            m_path.resize(depth + 1);
        m_path[depth] = node;
        if (node == Node::Source && m_srcdir.isNull())
            m_capture = depth;
        else if (node == Node::Packages && m_srcdir.isNull())
            m_parser.stop(
                    ErrorCode::InvalidInput,
                    QStringLiteral(
                            "The Cobertura report has no <sources><source> before <packages>."));
        else if (node == Node::Class)
            startClass(attributes);
        else if (node == Node::Line && m_file)
            addLine(attributes);
    }

    void endElement(int depth) override
    {
        if (depth == m_capture) {
            m_srcdir = m_text.trimmed();
            if (m_srcdir.isNull())
                m_srcdir = QLatin1String(""); // an empty <source> is srcdir "", not a missing one
            m_text.clear();
            m_capture = 0;
        } else if (m_path.value(depth) == Node::Class) {
            m_file = nullptr;
        }
    }

    void characters(const char *text, int length, int depth) override
    {
        if (depth != m_capture)
            return;
        m_text += QString::fromUtf8(text, length);
        if (m_text.size() > m_options.limits.maxValueLength)
            m_parser.stop(ErrorCode::LimitExceeded,
                          QStringLiteral("A text is longer than %1 characters.")
                                  .arg(m_options.limits.maxValueLength));
    }

private:
    FileCounter &counter(const QString &filename)
    {
        if (m_options.grouping == CoberturaGrouping::Consecutive) {
            if (m_files.isEmpty() || m_files.last().filename != filename) {
                flush();
                m_files.append(FileCounter{filename, {}, {}, {}, 0, 0});
            }
            return m_files.last();
        }
        const auto it = m_index.constFind(filename);
        if (it != m_index.constEnd())
            return m_files[*it];
        m_index.insert(filename, m_files.size());
        m_files.append(FileCounter{filename, {}, {}, {}, 0, 0});
        return m_files.last();
    }

    void startClass(const SaxAttributes &attributes)
    {
        QString filename = valueOf(attributes, m_names.filename);
        const QString name = valueOf(attributes, m_names.name);
        if (filename.isNull() || name.isNull()) {
            m_parser.stop(ErrorCode::InvalidInput,
                          QStringLiteral("A Cobertura class has no %1 attribute.")
                                  .arg(name.isNull() ? QStringLiteral("name")
                                                     : QStringLiteral("filename")));
            return;
        }
        filename.replace(QLatin1Char('\\'), QLatin1Char('/'));
        m_file = &counter(filename);
        // Inner classes (Outer$Inner) add their lines but never name the file.
        if (!name.contains(QLatin1Char('$')))
            m_file->name = name;
        ++m_counts.classes;
    }

    void addLine(const SaxAttributes &attributes)
    {
        FileCounter &file = *m_file;
        const int numberIndex = attributes.indexOfInterned(m_names.number);
        qint64 line = numberIndex < 0 ? -1
                                      : plainNumber(attributes.rawValue(numberIndex),
                                                    attributes.valueLength(numberIndex));
        if (line < 1 && !lineNumber(attributes, line))
            return;
        if (line > m_options.maxLineNumber) {
            m_parser.stop(ErrorCode::LimitExceeded,
                          QStringLiteral("The line number %1 in %2 is larger than %3.")
                                  .arg(line)
                                  .arg(file.filename)
                                  .arg(m_options.maxLineNumber));
            return;
        }
        const int hitsIndex = attributes.indexOfInterned(m_names.hits);
        if (hitsIndex < 0) {
            m_parser.stop(ErrorCode::InvalidInput,
                          QStringLiteral("Line %1 in %2 has no hits attribute.")
                                  .arg(line)
                                  .arg(file.filename));
            return;
        }
        qint64 hits
                = plainNumber(attributes.rawValue(hitsIndex), attributes.valueLength(hitsIndex));
        // Bitten compares the text: anything but "0" counts as covered.
        const bool covered = hits != 0;
        if (hits < 0) {
            file.odd.append(attributes.value(hitsIndex));
            hits = -1 - file.odd.size();
        }
        if (line > file.hits.size()) {
            const int old = file.hits.size();
            file.hits.resize(int(line));
            std::fill(file.hits.begin() + old, file.hits.end(), notCode);
        }
        file.hits[int(line - 1)] = hits;
        ++file.entries;
        ++m_counts.lines;
        if (covered) {
            ++file.covered;
            ++m_counts.coveredLines;
        }
    }

    /// The slow path of a line number that is not plain digits: Python's int() accepts
    /// surrounding blanks and a sign; anything else, and numbers below 1, are errors.
    bool lineNumber(const SaxAttributes &attributes, qint64 &line)
    {
        const QString number = valueOf(attributes, m_names.number);
        bool ok = false;
        line = number.trimmed().toLongLong(&ok);
        if (ok && line >= 1)
            return true;
        m_parser.stop(ErrorCode::InvalidInput,
                      QStringLiteral("The line number \"%1\" in %2 is not a positive integer.")
                              .arg(number, m_file->filename));
        return false;
    }

    void flush()
    {
        for (const auto &file : qAsConst(m_files))
            emitItem(file);
        m_files.clear();
        m_index.clear();
        m_file = nullptr;
    }

    void emitItem(const FileCounter &file)
    {
        if (file.name.isNull())
            return;
        const qint64 percentage = file.entries == 0
                ? 0
                : qint64(std::round(double(file.covered) * 100.0 / double(file.entries)));
        ReportItem item;
        item.fields.reserve(6);
        item.fields.append({QStringLiteral("type"), QStringLiteral("coverage")});
        item.fields.append({QStringLiteral("name"), file.name});
        item.fields.append({QStringLiteral("file"), joinPosixPath(m_srcdir, file.filename)});
        item.fields.append({QStringLiteral("lines"), QString::number(file.entries)});
        item.fields.append({QStringLiteral("percentage"), QString::number(percentage)});
        item.fields.append({QStringLiteral("line_hits"), file.lineHits()});
        ++m_counts.items;
        m_sink(item);
    }

    const Options &m_options;
    const ItemSink &m_sink;
    SaxXmlParser m_parser;
    Names m_names;
    QVector<Node> m_path;
    QVector<FileCounter> m_files;
    QHash<QString, int> m_index;
    FileCounter *m_file = nullptr;
    QString m_srcdir;
    QString m_text;
    int m_capture = 0;
    Counts m_counts;
};

Result<CoberturaReader::Counts> CoberturaReader::read(QIODevice *device, const Options &options,
                                                      const ItemSink &sink)
{
    Q_ASSERT(device);
    Handler handler(options, sink);
    return handler.run([device](SaxXmlParser &parser) { return parser.parse(device); });
}

Result<CoberturaReader::Counts> CoberturaReader::read(const QByteArray &data,
                                                      const Options &options, const ItemSink &sink)
{
    Handler handler(options, sink);
    return handler.run([&data](SaxXmlParser &parser) { return parser.parse(data); });
}

Result<Report> CoberturaReader::readReport(const QByteArray &data, const Options &options)
{
    Report report;
    report.category = QStringLiteral("coverage");
    const auto counts
            = read(data, options, [&](const ReportItem &item) { report.items.append(item); });
    if (!counts)
        return counts.error();
    return report;
}

} // namespace Core
