// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/junitreader.h"

#include <cstring>

#include <QIODevice>
#include <QVector>

#include "core/saxxmlparser.h"

namespace Core {

namespace {

bool is(const char *name, const char *expected)
{
    return std::strcmp(name, expected) == 0;
}

/// Rank of a result element in faithful mode: error beats failure beats skipped.
int resultRank(const char *kind)
{
    if (is(kind, "error"))
        return 3;
    if (is(kind, "failure"))
        return 2;
    if (is(kind, "skipped"))
        return 1;
    return 0;
}

QString javaFile(const QString &srcdir, const QString &classname)
{
    // posixpath.join(srcdir, *classname.split('.')) + '.java'
    QString path = srcdir;
    const auto parts = classname.split(QLatin1Char('.'));
    for (const auto &part : parts)
        path = joinPosixPath(path, part);
    return path + QLatin1String(".java");
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
        if (m_caseDepth > 0) {
            if (depth == m_caseDepth + 1)
                startCaseChild(name, attributes, depth);
            return;
        }
        if (depth == 1) {
            // java:junit reads <testsuites>' suites, or the root itself as a testsuite.
            m_rootIsWrapper = is(name, "testsuites");
            if (!m_rootIsWrapper)
                m_suites.append({1, attributes.value("name")});
            return;
        }
        const int suiteDepth = m_suites.isEmpty() ? 0 : m_suites.last().first;
        if (is(name, "testcase") && suiteDepth > 0 && depth == suiteDepth + 1) {
            startCase(attributes, depth);
        } else if (is(name, "testsuite")
                   && ((m_rootIsWrapper && depth == 2)
                       || (m_faithful && suiteDepth > 0 && depth == suiteDepth + 1))) {
            m_suites.append({depth, attributes.value("name")});
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
        if (!m_suites.isEmpty() && m_suites.last().first == depth)
            m_suites.removeLast();
    }

    void characters(const char *text, int length, int depth) override
    {
        if (m_capture == Capture::None || depth != m_captureDepth)
            return;
        QString &target = m_capture == Capture::Result ? m_text
                : m_capture == Capture::Stdout         ? m_stdout
                                                       : m_stderr;
        target += QString::fromUtf8(text, length);
        if (target.size() > m_options.limits.maxValueLength)
            m_parser.stop(ErrorCode::LimitExceeded,
                          QStringLiteral("A text is longer than %1 characters.")
                                  .arg(m_options.limits.maxValueLength));
    }

private:
    void startCase(const SaxAttributes &attributes, int depth)
    {
        QString classname = cachedClassname(attributes);
        const QString name = attributes.value("name");
        if (classname.isNull() && m_faithful)
            classname = m_suites.last().second;
        if (classname.isNull() || name.isNull()) {
            m_parser.stop(ErrorCode::InvalidInput,
                          QStringLiteral("A testcase has no %1 attribute.")
                                  .arg(name.isNull() ? QStringLiteral("name")
                                                     : QStringLiteral("classname")));
            return;
        }
        m_item.fields.clear();
        m_item.fields.reserve(8);
        m_item.fields.append({QStringLiteral("type"), QStringLiteral("test")});
        m_item.fields.append({QStringLiteral("fixture"), classname});
        m_item.fields.append({QStringLiteral("name"), name});
        const QString time = attributes.value("time");
        if (!time.isNull())
            m_item.fields.append({QStringLiteral("duration"), time});
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
        const int i = attributes.indexOf("classname");
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
            m_rank = is(name, "skipped") ? 1 : is(name, "error") ? 3 : 2;
            startResult(attributes, depth);
            return;
        }
        if (is(name, "system-out")) {
            m_capture = Capture::Stdout;
            m_captureDepth = depth;
        } else if (is(name, "system-err")) {
            m_capture = Capture::Stderr;
            m_captureDepth = depth;
        } else if (resultRank(name) > qMax(m_rank, 0)) {
            m_rank = resultRank(name);
            m_text.clear();
            startResult(attributes, depth);
        }
    }

    void startResult(const SaxAttributes &attributes, int depth)
    {
        m_type = attributes.value("type");
        m_message = attributes.value("message");
        m_capture = Capture::Result;
        m_captureDepth = depth;
    }

    void finishCase()
    {
        static const char *const statuses[] = {"success", "ignore", "failure", "error"};
        const int rank = qMax(m_rank, 0);
        m_item.fields.append({QStringLiteral("status"), QLatin1String(statuses[rank])});
        if (rank > 0)
            m_item.fields.append(
                    {QStringLiteral("traceback"), traceback(m_type, m_message, m_text)});
        if (!m_stdout.isEmpty())
            m_item.fields.append({QStringLiteral("stdout"), m_stdout});
        if (!m_stderr.isEmpty())
            m_item.fields.append({QStringLiteral("stderr"), m_stderr});
        addToTotals(m_totals, m_item);
        m_sink(m_item);
        m_caseDepth = 0;
        m_capture = Capture::None;
        m_captureDepth = 0;
    }

    const Options &m_options;
    const ItemSink &m_sink;
    SaxXmlParser m_parser;
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
