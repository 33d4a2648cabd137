// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/junitwriter.h"

#include <QIODevice>

#include "core/bytesink.h"

namespace Core {

namespace {

constexpr int maxMessageLength = 500;

bool isMappedField(const QString &name)
{
    static const char *const mapped[] = {"type",      "fixture", "name",   "duration", "status",
                                         "traceback", "stdout",  "stderr", "file",     "line"};
    for (const char *field : mapped) {
        if (name == QLatin1String(field))
            return true;
    }
    return false;
}

QString firstLine(const QString &text)
{
    const QString line = text.section(QLatin1Char('\n'), 0, 0).trimmed();
    return line.size() > maxMessageLength ? line.left(maxMessageLength) : line;
}

} // namespace

JUnitWriter::JUnitWriter(QIODevice *device) : m_device(device), m_xml(device)
{
    Q_ASSERT(device);
    m_xml.setAutoFormatting(true);
}

void JUnitWriter::begin(const QString &fallbackSuite)
{
    m_fallbackSuite = fallbackSuite;
    m_xml.writeStartDocument();
    m_xml.writeStartElement(QStringLiteral("testsuites"));
}

void JUnitWriter::addTest(const ReportItem &item)
{
    QString suite = item.value(QStringLiteral("fixture"));
    if (suite.isEmpty())
        suite = m_fallbackSuite;
    if (!m_pending.isEmpty() && suite != m_suite)
        flushSuite();
    m_suite = suite;
    m_pending.append(item);
}

void JUnitWriter::flushSuite()
{
    TestTotals totals;
    double time = 0;
    for (const auto &item : qAsConst(m_pending)) {
        ReportItem counted = item;
        counted.set(QStringLiteral("fixture"), m_suite);
        addToTotals(totals, counted);
        time += item.value(QStringLiteral("duration")).toDouble();
    }
    m_xml.writeStartElement(QStringLiteral("testsuite"));
    writeAttribute(QStringLiteral("name"), m_suite);
    writeAttribute(QStringLiteral("tests"), QString::number(totals.total()));
    writeAttribute(QStringLiteral("failures"), QString::number(totals.failure + totals.other));
    writeAttribute(QStringLiteral("errors"), QString::number(totals.error));
    writeAttribute(QStringLiteral("skipped"), QString::number(totals.ignore));
    writeAttribute(QStringLiteral("time"), QString::number(time, 'g', 12));
    for (const auto &item : qAsConst(m_pending))
        writeTestCase(item);
    m_xml.writeEndElement();
    m_pending.clear();
}

void JUnitWriter::writeTestCase(const ReportItem &item)
{
    QString name = item.value(QStringLiteral("name"));
    if (name.isEmpty())
        name = m_suite; // Bitten's UI shows the fixture when a test has no name
    m_xml.writeStartElement(QStringLiteral("testcase"));
    writeAttribute(QStringLiteral("classname"), m_suite);
    writeAttribute(QStringLiteral("name"), name);
    bool ok = false;
    const double duration = item.value(QStringLiteral("duration")).toDouble(&ok);
    if (ok)
        writeAttribute(QStringLiteral("time"), QString::number(duration, 'g', 12));
    writeAttribute(QStringLiteral("file"), item.value(QStringLiteral("file")));
    writeAttribute(QStringLiteral("line"), item.value(QStringLiteral("line")));
    const QString status = item.value(QStringLiteral("status"));
    const QString traceback = item.value(QStringLiteral("traceback"));
    if (status != QLatin1String("success")) {
        const bool isError = status == QLatin1String("error");
        const bool isSkipped = status == QLatin1String("ignore");
        m_xml.writeStartElement(isError             ? QStringLiteral("error")
                                        : isSkipped ? QStringLiteral("skipped")
                                                    : QStringLiteral("failure"));
        QString message = firstLine(traceback);
        if (message.isEmpty() && !isError && !isSkipped && status != QLatin1String("failure"))
            message = QStringLiteral("Bitten status: %1").arg(status);
        writeAttribute(QStringLiteral("message"), message);
        if (!traceback.isEmpty())
            m_xml.writeCharacters(stripControlCharacters(traceback));
        m_xml.writeEndElement();
    }
    bool hasProperties = false;
    for (const auto &field : item.fields) {
        if (isMappedField(field.first))
            continue;
        if (!hasProperties)
            m_xml.writeStartElement(QStringLiteral("properties"));
        hasProperties = true;
        m_xml.writeEmptyElement(QStringLiteral("property"));
        writeAttribute(QStringLiteral("name"), field.first);
        writeAttribute(QStringLiteral("value"), field.second);
    }
    if (hasProperties)
        m_xml.writeEndElement();
    writeTextElement(QStringLiteral("system-out"), item.value(QStringLiteral("stdout")));
    writeTextElement(QStringLiteral("system-err"), item.value(QStringLiteral("stderr")));
    m_xml.writeEndElement();
}

Result<void> JUnitWriter::end()
{
    if (!m_pending.isEmpty())
        flushSuite();
    m_xml.writeEndElement();
    m_xml.writeEndDocument();
    if (m_xml.hasError())
        return makeError(ErrorCode::WriteFailed,
                         QStringLiteral("Could not write the JUnit report: %1")
                                 .arg(m_device->errorString()));
    return {};
}

Result<void> JUnitWriter::write(const Report &report, QIODevice *device)
{
    JUnitWriter writer(device);
    writer.begin();
    for (const auto &item : report.items)
        writer.addTest(item);
    return writer.end();
}

Result<QByteArray> JUnitWriter::write(const Report &report)
{
    return writeToBytes([&](QIODevice *device) { return write(report, device); });
}

void JUnitWriter::writeAttribute(const QString &name, const QString &value)
{
    if (!value.isEmpty())
        m_xml.writeAttribute(name, stripControlCharacters(value));
}

void JUnitWriter::writeTextElement(const QString &name, const QString &text)
{
    if (!text.isEmpty())
        m_xml.writeTextElement(name, stripControlCharacters(text));
}

} // namespace Core
