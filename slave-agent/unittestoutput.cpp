// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/unittestoutput.h"

#include <QRegularExpression>
#include <QXmlStreamWriter>

#include "core/toolsupport.h"

namespace Agent {

namespace {

const QString doubleRule(70, QLatin1Char('='));
const QString singleRule(70, QLatin1Char('-'));

/// "name (id)" as unittest prints a test; also matches a prefix ("… (i=1)" of subtests).
const QRegularExpression &headerPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^(\\S+) \\(([^()\\s]*)\\)"));
    return pattern;
}

/// Maps unittest's verbose result word to Bitten's status; empty for other text.
QString statusOf(const QString &word)
{
    if (word == QLatin1String("ok") || word == QLatin1String("expected failure")) {
        return QStringLiteral("success");
    }
    if (word == QLatin1String("FAIL") || word == QLatin1String("unexpected success")) {
        return QStringLiteral("failure");
    }
    if (word == QLatin1String("ERROR")) {
        return QStringLiteral("error");
    }
    if (word.startsWith(QLatin1String("skipped"))) {
        return QStringLiteral("ignore");
    }
    return QString();
}

/// Name, fixture and module of a test from unittest's "name (id)" text.
UnittestCase caseFromHeader(const QString &head)
{
    UnittestCase test;
    const QRegularExpressionMatch match = headerPattern().match(head);
    if (!match.hasMatch()) {
        test.name = head;
        test.fixture = head;
        test.module = head;
        return test;
    }
    test.name = match.captured(1);
    const QString id = match.captured(2);
    // Python 3.11+ prints the full test id, older versions only module.Class.
    test.fixture = id.endsWith(QLatin1Char('.') + test.name)
            ? id.left(id.size() - test.name.size() - 1)
            : id;
    test.module = test.fixture;
    return test;
}

void writeTest(QXmlStreamWriter &writer, const UnittestCase &test)
{
    writer.writeStartElement(QStringLiteral("test"));
    if (!test.file.isEmpty()) {
        writer.writeAttribute(QStringLiteral("file"), test.file);
    }
    writer.writeAttribute(QStringLiteral("name"), test.name);
    writer.writeAttribute(QStringLiteral("fixture"), test.fixture);
    writer.writeAttribute(QStringLiteral("status"), test.status);
    writer.writeAttribute(QStringLiteral("duration"),
                          Core::ToolSupport::floatString(test.duration));
    if (!test.description.isEmpty()) {
        writer.writeTextElement(QStringLiteral("description"), test.description);
    }
    if (!test.stdoutText.isEmpty()) {
        writer.writeTextElement(QStringLiteral("stdout"), test.stdoutText);
    }
    if (!test.traceback.isEmpty()) {
        writer.writeTextElement(QStringLiteral("traceback"), test.traceback);
    }
    writer.writeEndElement();
}

} // namespace

void UnittestOutput::addLine(const QString &line, double seconds)
{
    switch (m_phase) {
    case Phase::Progress:
        addProgressLine(line, seconds);
        break;
    case Phase::Title:
        startBlock(line);
        break;
    case Phase::Header:
        if (line == singleRule) {
            m_phase = Phase::Body;
        }
        break;
    case Phase::Body:
        if (line == doubleRule || line == singleRule) {
            finishBlock();
            m_phase = line == doubleRule ? Phase::Title : Phase::Between;
        } else {
            m_blockBody.append(line);
        }
        break;
    case Phase::Between:
        if (line == doubleRule) {
            m_phase = Phase::Title;
        } else if (line.startsWith(QLatin1String("Ran "))) {
            m_phase = Phase::Done;
        }
        break;
    case Phase::Done:
        break;
    }
}

void UnittestOutput::addProgressLine(const QString &line, double seconds)
{
    if (line == doubleRule) {
        m_phase = Phase::Title;
        return;
    }
    if (line == singleRule) {
        m_phase = Phase::Between;
        return;
    }
    const int separator = line.lastIndexOf(QLatin1String(" ... "));
    if (separator > 0) {
        const QString status = statusOf(line.mid(separator + 5));
        if (!status.isEmpty()) {
            addResult(line.left(separator), status, seconds);
            return;
        }
    }
    if (headerPattern().match(line).hasMatch()) {
        m_pendingHeader = line;
        m_pendingTime = seconds;
    } else {
        m_pendingHeader.clear();
    }
    m_lastTime = seconds;
}

void UnittestOutput::addResult(const QString &head, const QString &status, double seconds)
{
    const bool isHeader = headerPattern().match(head).hasMatch() || m_pendingHeader.isEmpty();
    UnittestCase test = caseFromHeader(isHeader ? head : m_pendingHeader);
    const QString key = isHeader ? head : m_pendingHeader;
    const double started = isHeader ? m_lastTime : m_pendingTime;
    if (!isHeader) {
        test.description = head;
    }
    // Doctests: Bitten's runner names them "doctest" with the doctest's name as fixture.
    if (test.description.startsWith(QLatin1String("Doctest: "))) {
        test.fixture = test.description.mid(9);
        test.name = QStringLiteral("doctest");
        test.description.clear();
    }
    test.status = status;
    test.duration = qMax(0.0, seconds - started);
    m_index.insert(key, m_tests.size());
    m_tests.append(test);
    m_pendingHeader.clear();
    m_lastTime = seconds;
}

void UnittestOutput::startBlock(const QString &title)
{
    const int colon = title.indexOf(QLatin1String(": "));
    m_blockKind = colon > 0 ? title.left(colon) : QString();
    m_blockHead = colon > 0 ? title.mid(colon + 2) : title;
    m_blockBody.clear();
    m_phase = Phase::Header;
}

void UnittestOutput::finishBlock()
{
    while (!m_blockBody.isEmpty() && m_blockBody.constLast().isEmpty()) {
        m_blockBody.removeLast();
    }
    // -b appends the captured output as "\nStdout:\n…" / "\nStderr:\n…" to the traceback.
    QStringList traceback;
    QStringList captured;
    bool inCaptured = false;
    for (int i = 0; i < m_blockBody.size(); ++i) {
        const QString &line = m_blockBody.at(i);
        const bool sectionStart
                = (line == QLatin1String("Stdout:") || line == QLatin1String("Stderr:")) && i > 0
                && m_blockBody.at(i - 1).isEmpty();
        if (sectionStart) {
            if (!inCaptured) {
                traceback.removeLast();
            } else if (!captured.isEmpty() && captured.constLast().isEmpty()) {
                captured.removeLast();
            }
            inCaptured = true;
            continue;
        }
        (inCaptured ? captured : traceback).append(line);
    }
    UnittestCase *test = findOrAddTest(m_blockHead);
    if (test->status == QLatin1String("success")) {
        test->status = m_blockKind == QLatin1String("ERROR") ? QStringLiteral("error")
                                                             : QStringLiteral("failure");
    }
    test->traceback += traceback.join(QLatin1Char('\n')) + QLatin1Char('\n');
    if (!captured.isEmpty()) {
        test->stdoutText += captured.join(QLatin1Char('\n')) + QLatin1Char('\n');
    }
}

UnittestCase *UnittestOutput::findOrAddTest(const QString &head)
{
    const QRegularExpressionMatch match = headerPattern().match(head);
    const QString key = match.hasMatch() ? match.captured(0) : head;
    const auto it = m_index.constFind(key);
    if (it != m_index.constEnd()) {
        return &m_tests[it.value()];
    }
    // setUpClass/setUpModule failures and the like have no progress line of their own.
    UnittestCase test = caseFromHeader(key);
    test.status = QStringLiteral("success");
    m_index.insert(key, m_tests.size());
    m_tests.append(test);
    return &m_tests.last();
}

void UnittestOutput::resolveFiles(const std::function<QString(const QString &)> &resolve)
{
    for (UnittestCase &test : m_tests) {
        test.file = resolve(test.module);
    }
}

QByteArray UnittestOutput::toXml(const QVector<UnittestCase> &tests)
{
    QByteArray xml;
    QXmlStreamWriter writer(&xml);
    writer.setAutoFormatting(true);
    writer.writeStartDocument();
    writer.writeStartElement(QStringLiteral("unittest-results"));
    for (const UnittestCase &test : tests) {
        writeTest(writer, test);
    }
    writer.writeEndElement();
    writer.writeEndDocument();
    return xml;
}

} // namespace Agent
