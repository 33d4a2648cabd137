// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/steplogwriter.h"

#include <cstring>
#include <functional>
#include <utility>

#include <QBuffer>
#include <QDir>
#include <QFileInfo>

#include "core/stepresultwriter.h"

namespace Agent {

namespace {

/// Room in the <result> start tag for ` status="…" duration="…"`.
constexpr int reservedHeader = 64;

/// What Core::StepResultWriter writes for @p write, without the <result> wrapper: the rare and
/// complex parts (reports, attachments, odd text) are left to it.
QByteArray fragment(const std::function<void(Core::StepResultWriter &)> &write)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    Core::StepResultWriter writer(&buffer);
    writer.begin(QString(), Core::StepResult::Status::Success, 0);
    write(writer);
    (void)writer.end();
    const int open = bytes.indexOf('>');
    if (open < 0 || bytes.at(open - 1) == '/')
        return QByteArray(); // <result …/>: nothing written
    return bytes.mid(open + 1, bytes.size() - open - 1 - int(qstrlen("</result>")));
}

/// True when @p text can go into XML as it is: printable ASCII without markup characters.
/// Branch-free so that the loop vectorises.
bool isPlain(const QString &text)
{
    const ushort *in = reinterpret_cast<const ushort *>(text.constData());
    const qint64 size = text.size();
    unsigned bad = 0;
    for (qint64 i = 0; i < size; ++i) {
        const ushort u = in[i];
        bad |= unsigned(ushort(u - 0x20u) > 0x5eu) | unsigned(u == '<') | unsigned(u == '>')
                | unsigned(u == '&');
    }
    return bad == 0;
}

const char messageEnd[] = "</message>";

/// a == b, without comparing characters when both share their data (the common case: the
/// same generator and level strings for every line of a command).
bool isSame(const QString &a, const QString &b)
{
    return (a.constData() == b.constData() && a.size() == b.size()) || a == b;
}

QByteArray attributeText(const QString &value)
{
    return value.toHtmlEscaped().toUtf8();
}

Core::Error writeError(const QFile &file)
{
    return Core::makeError(Core::ErrorCode::WriteFailed,
                           QStringLiteral("Could not write the step log %1: %2.")
                                   .arg(file.fileName(), file.errorString()));
}

} // namespace

StepLogWriter::~StepLogWriter()
{
    m_result.reset();
    m_log.reset();
}

Core::Result<void> StepLogWriter::open(const QString &resultFile, const QString &logFile,
                                       const QString &step)
{
    m_result.reset();
    m_log.reset();
    for (QFile *file : {&m_resultFile, &m_logFile}) {
        if (file->isOpen())
            file->close();
        file->setFileName(file == &m_resultFile ? resultFile : logFile);
        if (!file->open(QIODevice::ReadWrite | QIODevice::Truncate | QIODevice::Unbuffered)) {
            return Core::makeError(Core::ErrorCode::WriteFailed,
                                   QStringLiteral("Could not create the step log %1: %2.")
                                           .arg(file->fileName(), file->errorString()));
        }
    }
    m_result = std::make_unique<OutputBuffer>(&m_resultFile);
    m_log = std::make_unique<OutputBuffer>(&m_logFile);
    const QByteArray start = QByteArrayLiteral("<result step=\"") + attributeText(step) + '"';
    m_headerOffset = start.size();
    m_result->append(start + QByteArray(reservedHeader, ' ') + '>');
    m_generator.clear();
    m_inLog = false;
    m_referenceStart = -1;
    m_referenceEnd = 0;
    m_referenceLines = 0;
    const QString logName = QFileInfo(resultFile)
                                    .absoluteDir()
                                    .relativeFilePath(QFileInfo(logFile).absoluteFilePath());
    m_logName = logName.toUtf8();
    // The expander reads the name as it is: a name that needs escaping keeps the lines embedded.
    m_referencing = m_mode == ResultLogs::Referenced && attributeText(logName) == m_logName;
    return {};
}

void StepLogWriter::startCommand()
{
    closeLog();
}

void StepLogWriter::closeReference()
{
    if (m_referenceStart < 0)
        return;
    const qint64 start = std::exchange(m_referenceStart, -1);
    if (m_referenceLines == 1) { // a lone line (e.g. stderr between stdout): cheaper embedded
        m_result->append(QByteArrayLiteral("<message level=\"") + m_referenceLevel.toLatin1()
                         + QByteArrayLiteral("\">"));
        m_result->append(m_firstLine);
        m_result->append(messageEnd, qint64(sizeof messageEnd) - 1);
        return;
    }
    m_result->append(referenceStart, qint64(sizeof referenceStart) - 1);
    m_result->append(QByteArrayLiteral(" file=\"") + m_logName + QByteArrayLiteral("\" level=\"")
                     + m_referenceLevel.toLatin1() + QByteArrayLiteral("\" offset=\"")
                     + QByteArray::number(start) + QByteArrayLiteral("\" length=\"")
                     + QByteArray::number(m_referenceEnd - start) + QByteArrayLiteral("\"/>"));
}

bool StepLogWriter::canReference(const QString &level, bool plainLine)
{
    return m_referencing && plainLine && !messageStart(level).isEmpty();
}

bool StepLogWriter::startsReference(const QString &level) const
{
    return m_referenceStart < 0 || !isSame(level, m_referenceLevel);
}

void StepLogWriter::referenceLine(const QString &level, qint64 start, const char *data, qint64 size)
{
    if (m_referenceStart >= 0 && !isSame(level, m_referenceLevel))
        closeReference();
    if (m_referenceStart < 0) {
        m_referenceStart = start;
        m_referenceLevel = level;
        m_referenceLines = 0;
        m_firstLine.resize(int(size)); // keeps its capacity
        if (size > 0)
            std::memcpy(m_firstLine.data(), data, size_t(size));
    }
    ++m_referenceLines;
    m_referenceEnd = m_log->position();
}

void StepLogWriter::closeLog()
{
    closeReference();
    if (m_inLog)
        m_result->append(QByteArrayLiteral("</log>"));
    m_inLog = false;
}

void StepLogWriter::enterLog(const QString &generator)
{
    if (m_inLog && !isSame(generator, m_generator))
        closeLog();
    if (!m_inLog) {
        m_result->append(QByteArrayLiteral("<log generator=\"") + attributeText(generator)
                         + QByteArrayLiteral("\">"));
        m_generator = generator;
        m_inLog = true;
    }
}

const QByteArray &StepLogWriter::messageStart(const QString &level)
{
    if (!m_levelKnown || !isSame(level, m_level)) {
        m_level = level;
        m_levelKnown = true;
        // '"' would end the attribute: such a level takes the writer's path.
        m_messageStart = isPlain(level) && !level.contains(QLatin1Char('"'))
                ? QByteArrayLiteral("<message level=\"") + level.toLatin1()
                        + QByteArrayLiteral("\">")
                : QByteArray();
    }
    return m_messageStart;
}

void StepLogWriter::appendMessage(const QString &level, const QString &text)
{
    const Core::LogMessage message{level, text};
    m_result->append(fragment([&message](Core::StepResultWriter &w) { w.addLogMessage(message); }));
}

void StepLogWriter::addLog(const QString &generator, const QString &level, const QString &text)
{
    enterLog(generator);
    const qint64 start = m_log->position();
    m_log->appendText(text);
    m_log->append('\n');
    const bool plain = !messageStart(level).isEmpty() && isPlain(text);
    if (canReference(level, plain)) {
        const QByteArray bytes = startsReference(level) ? text.toLatin1() : QByteArray();
        referenceLine(level, start, bytes.constData(), bytes.size());
        return;
    }
    closeReference();
    if (plain) {
        m_result->append(messageStart(level));
        m_result->appendText(text);
        m_result->append(messageEnd, qint64(sizeof messageEnd) - 1);
        return;
    }
    appendMessage(level, text);
}

void StepLogWriter::addLogLine(const QString &generator, const QString &level,
                               const OutputLine &line)
{
    if (line.isRun()) {
        addRun(generator, level, line);
        return;
    }
    if (!line.isAscii()) {
        addLog(generator, level, line.text());
        return;
    }
    enterLog(generator);
    const qint64 start = m_log->position();
    m_log->append(line.data(), line.size());
    m_log->append('\n');
    const bool plain = !messageStart(level).isEmpty() && line.isPlainAscii();
    if (canReference(level, plain)) {
        referenceLine(level, start, line.data(), line.size());
        return;
    }
    closeReference();
    if (plain) {
        m_result->append(messageStart(level));
        m_result->append(line.data(), line.size());
        m_result->append(messageEnd, qint64(sizeof messageEnd) - 1);
        return;
    }
    appendMessage(level, line.text());
}

void StepLogWriter::addRun(const QString &generator, const QString &level, const OutputLine &run)
{
    // The same files as addLogLine() for each line of the run: step.log gets the bytes as they
    // are (each line has its newline), a reference grows by all the lines at once.
    enterLog(generator);
    const qint64 start = m_log->position();
    m_log->append(run.data(), run.size());
    if (canReference(level, true)) {
        if (m_referenceStart >= 0 && !isSame(level, m_referenceLevel))
            closeReference();
        if (m_referenceStart < 0) {
            const char *newline
                    = static_cast<const char *>(std::memchr(run.data(), '\n', size_t(run.size())));
            referenceLine(level, start, run.data(), newline - run.data());
            m_referenceLines += int(run.lineCount()) - 1;
        } else {
            m_referenceLines += int(run.lineCount());
        }
        m_referenceEnd = m_log->position();
        return;
    }
    closeReference();
    const QByteArray &opener = messageStart(level);
    run.forEachLine([&](const OutputLine &line) {
        if (opener.isEmpty()) {
            appendMessage(level, line.text());
            return;
        }
        m_result->append(opener);
        m_result->append(line.data(), line.size());
        m_result->append(messageEnd, qint64(sizeof messageEnd) - 1);
    });
}

void StepLogWriter::addError(const QString &generator, const QString &message)
{
    closeLog();
    m_log->append(QByteArrayLiteral("error: "));
    m_log->appendText(message);
    m_log->append('\n');
    const Core::StepError error{generator, message};
    m_result->append(fragment([&error](Core::StepResultWriter &w) { w.addError(error); }));
}

void StepLogWriter::addReport(const Core::Report &report)
{
    closeLog();
    m_result->append(fragment([&report](Core::StepResultWriter &w) { w.addReport(report); }));
}

void StepLogWriter::addAttachment(const Core::StepAttachment &attachment)
{
    closeLog();
    m_result->append(
            fragment([&attachment](Core::StepResultWriter &w) { w.addAttachment(attachment); }));
}

QByteArray StepLogWriter::statusAttributes(const Core::StepResult &result)
{
    const QByteArray status = result.status == Core::StepResult::Status::Failure
            ? QByteArrayLiteral("failure")
            : QByteArrayLiteral("success");
    QByteArray attributes = QByteArrayLiteral(" status=\"") + status
            + QByteArrayLiteral("\" duration=\"")
            + Core::StepResultWriter::formatDuration(result.durationSeconds).toUtf8() + '"';
    return attributes.leftJustified(reservedHeader, ' ', true);
}

Core::Result<void> StepLogWriter::finish(const Core::StepResult &result)
{
    if (!m_result)
        return {};
    closeLog();
    m_result->append(QByteArrayLiteral("</result>"));
    const bool written = m_result->flush() && m_log->flush();
    m_result.reset();
    m_log.reset();
    // Whitespace before '>' is legal XML, so the padded attributes fit the reserved room.
    const bool patched = written && m_resultFile.seek(m_headerOffset)
            && m_resultFile.write(statusAttributes(result)) == reservedHeader;
    const Core::Result<void> outcome = !written || !patched
            ? Core::Result<void>(writeError(!patched ? m_resultFile : m_logFile))
            : Core::Result<void>();
    m_resultFile.close();
    m_logFile.close();
    return outcome;
}

} // namespace Agent
