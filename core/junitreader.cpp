// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/junitreader.h"

#include <cstring>
#include <utility>

#include <QIODevice>
#include <QVector>

#include "core/saxxmlparser.h"

namespace Core {

namespace {

QString javaFile(const QString &srcdir, const QString &classname)
{
    // posixpath.join(srcdir, *classname.split('.')) + '.java'
    QString path = srcdir;
    const auto parts = classname.split(QLatin1Char('.'));
    for (const auto &part : parts)
        path = joinPosixPath(path, part);
    return path + QLatin1String(".java");
}

/// The element and attribute names the reader looks for, as the parser's interned pointers.
struct Names
{
    const char *testsuites = nullptr;
    const char *testsuite = nullptr;
    const char *testcase = nullptr;
    const char *skipped = nullptr;
    const char *error = nullptr;
    const char *failure = nullptr;
    const char *systemOut = nullptr;
    const char *systemErr = nullptr;
    const char *name = nullptr;
    const char *classname = nullptr;
    const char *time = nullptr;
    const char *type = nullptr;
    const char *message = nullptr;

    void resolve(const SaxXmlParser &parser)
    {
        for (auto [field, text] : {std::pair{&testsuites, "testsuites"},
                                   {&testsuite, "testsuite"},
                                   {&testcase, "testcase"},
                                   {&skipped, "skipped"},
                                   {&error, "error"},
                                   {&failure, "failure"},
                                   {&systemOut, "system-out"},
                                   {&systemErr, "system-err"},
                                   {&name, "name"},
                                   {&classname, "classname"},
                                   {&time, "time"},
                                   {&type, "type"},
                                   {&message, "message"}})
            *field = parser.intern(text);
    }
};

/// An attribute's value by interned name, or a null string.
QString valueOf(const SaxAttributes &attributes, const char *interned)
{
    const int i = attributes.indexOfInterned(interned);
    return i < 0 ? QString() : attributes.value(i);
}

/// Which text of the current test case is being collected.
enum class Capture {
    None,
    Result,
    Stdout,
    Stderr,
};

} // namespace

class JUnitReader::Handler : public SaxXmlParser::Handler
{
public:
    Handler(const Options &options, const ItemSink &sink)
        : m_options(options),
          m_sink(sink),
          m_parser(*this, options.limits),
          m_faithful(options.mode == JUnitMode::Faithful)
    { }

    Result<TestTotals> run(const std::function<Result<void>(SaxXmlParser &)> &parse)
    {
        const auto parsed = parse(m_parser);
        if (!parsed)
            return parsed.error();
        return m_totals;
    }

    void startElement(const char *name, const SaxAttributes &attributes, int depth) override
    {
        if (!m_names.testcase)
            m_names.resolve(m_parser);
        if (m_caseDepth > 0) {
            if (depth == m_caseDepth + 1)
                startCaseChild(name, attributes, depth);
            return;
        }
        if (depth == 1) {
            // java:junit reads <testsuites>' suites, or the root itself as a testsuite.
            m_rootIsWrapper = name == m_names.testsuites;
            if (!m_rootIsWrapper)
                m_suites.append({1, valueOf(attributes, m_names.name)});
            return;
        }
        const int suiteDepth = m_suites.isEmpty() ? 0 : m_suites.constLast().first;
        if (name == m_names.testcase && suiteDepth > 0 && depth == suiteDepth + 1) {
            startCase(attributes, depth);
        } else if (name == m_names.testsuite
                   && ((m_rootIsWrapper && depth == 2)
                       || (m_faithful && suiteDepth > 0 && depth == suiteDepth + 1))) {
            m_suites.append({depth, valueOf(attributes, m_names.name)});
        }
    }

    void endElement(int depth) override
    {
        if (m_caseDepth > 0) {
            if (depth == m_caseDepth)
                finishCase();
            else if (depth == m_captureDepth)
                m_capture = Capture::None;
            return;
        }
        if (!m_suites.isEmpty() && m_suites.constLast().first == depth)
            m_suites.removeLast();
    }

    void characters(const char *text, int length, int depth) override
    {
        if (m_capture == Capture::None || depth != m_captureDepth)
            return;
        QString &target = m_capture == Capture::Result ? m_text
                : m_capture == Capture::Stdout         ? m_stdout
                                                       : m_stderr;
        target += SaxXmlParser::toString(text, length);
        if (target.size() > m_options.limits.maxValueLength)
            m_parser.stop(ErrorCode::LimitExceeded,
                          QStringLiteral("A text is longer than %1 characters.")
                                  .arg(m_options.limits.maxValueLength));
    }

private:
    void startCase(const SaxAttributes &attributes, int depth)
    {
        QString classname = cachedClassname(attributes);
        const int nameIndex = attributes.indexOfInterned(m_names.name);
        if (classname.isNull() && m_faithful)
            classname = m_suites.constLast().second;
        if (classname.isNull() || nameIndex < 0) {
            m_parser.stop(ErrorCode::InvalidInput,
                          QStringLiteral("A testcase has no %1 attribute.")
                                  .arg(nameIndex < 0 ? QStringLiteral("name")
                                                     : QStringLiteral("classname")));
            return;
        }
        // The first three fields are the same for every test case: reuse them, and the
        // buffers of the name and the duration unless the sink kept the last item.
        if (m_item.fields.size() < 3) {
            m_item.fields = {{QStringLiteral("type"), QStringLiteral("test")},
                             {QStringLiteral("fixture"), classname},
                             {QStringLiteral("name"), QString()}};
            m_item.fields.reserve(8);
        } else {
            m_item.fields.resize(3);
            m_item.fields[1].second = classname;
        }
        attributes.assignValue(nameIndex, m_item.fields[2].second);
        const int timeIndex = attributes.indexOfInterned(m_names.time);
        if (timeIndex >= 0) {
            attributes.assignValue(timeIndex, m_time);
            m_item.fields.append({QStringLiteral("duration"), m_time});
        }
        if (!m_options.srcdir.isNull())
            m_item.fields.append({QStringLiteral("file"), javaFile(m_options.srcdir, classname)});
        m_caseDepth = depth;
        m_rank = -1;
        m_text.clear();
        m_stdout.clear();
        m_stderr.clear();
    }

    /// The classname attribute; consecutive test cases of one class share one QString.
    QString cachedClassname(const SaxAttributes &attributes)
    {
        const int i = attributes.indexOfInterned(m_names.classname);
        if (i < 0)
            return QString();
        const int length = attributes.valueLength(i);
        if (length != m_classnameBytes.size()
            || std::memcmp(m_classnameBytes.constData(), attributes.rawValue(i), size_t(length))
                    != 0) {
            m_classnameBytes = QByteArray(attributes.rawValue(i), length);
            m_classname = QString::fromUtf8(m_classnameBytes);
        }
        return m_classname;
    }

    void startCaseChild(const char *name, const SaxAttributes &attributes, int depth)
    {
        if (!m_faithful) {
            // java:junit takes the first child element, whatever it is, as the result.
            if (m_rank >= 0)
                return;
            m_rank = name == m_names.skipped ? 1 : name == m_names.error ? 3 : 2;
            startResult(attributes, depth);
            return;
        }
        if (name == m_names.systemOut) {
            m_capture = Capture::Stdout;
            m_captureDepth = depth;
        } else if (name == m_names.systemErr) {
            m_capture = Capture::Stderr;
            m_captureDepth = depth;
        } else if (resultRank(name) > qMax(m_rank, 0)) {
            m_rank = resultRank(name);
            m_text.clear();
            startResult(attributes, depth);
        }
    }

    /// Rank of a result element in faithful mode: error beats failure beats skipped.
    int resultRank(const char *kind) const
    {
        return kind == m_names.error      ? 3
                : kind == m_names.failure ? 2
                : kind == m_names.skipped ? 1
                                          : 0;
    }

    void startResult(const SaxAttributes &attributes, int depth)
    {
        m_type = valueOf(attributes, m_names.type);
        m_message = valueOf(attributes, m_names.message);
        m_capture = Capture::Result;
        m_captureDepth = depth;
    }

    void finishCase()
    {
        static const QString statuses[] = {QStringLiteral("success"), QStringLiteral("ignore"),
                                           QStringLiteral("failure"), QStringLiteral("error")};
        const int rank = qMax(m_rank, 0);
        m_item.fields.append({QStringLiteral("status"), statuses[rank]});
        if (rank > 0)
            m_item.fields.append(
                    {QStringLiteral("traceback"), traceback(m_type, m_message, m_text)});
        if (!m_stdout.isEmpty())
            m_item.fields.append({QStringLiteral("stdout"), m_stdout});
        if (!m_stderr.isEmpty())
            m_item.fields.append({QStringLiteral("stderr"), m_stderr});
        // addToTotals() for an item that always has a fixture, without looking fields up.
        qint64 *const counters[]
                = {&m_totals.success, &m_totals.ignore, &m_totals.failure, &m_totals.error};
        ++*counters[rank];
        m_sink(m_item);
        m_caseDepth = 0;
        m_capture = Capture::None;
        m_captureDepth = 0;
    }

    const Options &m_options;
    const ItemSink &m_sink;
    SaxXmlParser m_parser;
    Names m_names;
    const bool m_faithful;
    bool m_rootIsWrapper = false;
    QVector<QPair<int, QString>> m_suites; ///< open suites: depth, name
    int m_caseDepth = 0; ///< depth of the open testcase, 0 outside one
    int m_rank = -1; ///< -1: no result child yet; else 1 ignore, 2 failure, 3 error
    Capture m_capture = Capture::None;
    int m_captureDepth = 0;
    ReportItem m_item;
    QByteArray m_classnameBytes;
    QString m_classname;
    QString m_time; ///< the duration's buffer, reused
    QString m_type;
    QString m_message;
    QString m_text;
    QString m_stdout;
    QString m_stderr;
    TestTotals m_totals;
};

Result<TestTotals> JUnitReader::read(QIODevice *device, const Options &options,
                                     const ItemSink &sink)
{
    Q_ASSERT(device);
    Handler handler(options, sink);
    return handler.run([device](SaxXmlParser &parser) { return parser.parse(device); });
}

Result<TestTotals> JUnitReader::read(const QByteArray &data, const Options &options,
                                     const ItemSink &sink)
{
    Handler handler(options, sink);
    return handler.run([&data](SaxXmlParser &parser) { return parser.parse(data); });
}

Result<Report> JUnitReader::readReport(const QByteArray &data, const Options &options)
{
    Report report;
    report.category = QStringLiteral("test");
    const auto totals
            = read(data, options, [&](const ReportItem &item) { report.items.append(item); });
    if (!totals)
        return totals.error();
    return report;
}

QString JUnitReader::traceback(const QString &type, const QString &message, const QString &text)
{
    if (type.isNull())
        return text;
    const QString prefix = type + QLatin1String(": ") + message;
    if (text.startsWith(prefix))
        return text;
    return prefix + QLatin1Char('\n') + text;
}

} // namespace Core
