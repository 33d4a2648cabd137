// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/steplogwriter.h"

#include <QFile>

#include "core/stepresultwriter.h"

namespace Agent {

namespace {

const QByteArray generatorTag = QByteArrayLiteral("@generator");
const QByteArray errorTag = QByteArrayLiteral("@error");
const QByteArray reportTag = QByteArrayLiteral("@report");
const QByteArray attachTag = QByteArrayLiteral("@attach");
const QByteArray escapedTag = QByteArrayLiteral("@escaped");

bool needsEscape(const QString &text)
{
    return text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'));
}

/// Streams the records of a log file into a StepResultWriter.
class ResultReplay
{
public:
    ResultReplay(const Core::StepResult &result, Core::StepResultWriter &writer)
        : m_result(result), m_writer(writer)
    {
    }

    void handle(const QByteArray &record)
    {
        const int tab = record.indexOf('\t');
        const QByteArray tag = record.left(tab);
        const QByteArray rest = tab < 0 ? QByteArray() : record.mid(tab + 1);
        if (tag == generatorTag) {
            closeLog();
            m_generator = QString::fromUtf8(rest);
        } else if (tag == errorTag) {
            handleError(rest);
        } else if (tag == reportTag || tag == attachTag) {
            handleIndex(tag, rest.toInt());
        } else if (tag == escapedTag) {
            const int split = rest.indexOf('\t');
            addMessage(rest.left(split),
                       QString::fromUtf8(QByteArray::fromPercentEncoding(rest.mid(split + 1))));
        } else {
            addMessage(tag, QString::fromUtf8(rest));
        }
    }

    void closeLog()
    {
        if (m_inLog)
            m_writer.endLog();
        m_inLog = false;
    }

private:
    void addMessage(const QByteArray &level, const QString &text)
    {
        if (!m_inLog)
            m_writer.beginLog(m_generator);
        m_inLog = true;
        m_writer.addLogMessage(Core::LogMessage{QString::fromLatin1(level), text});
    }

    void handleError(const QByteArray &rest)
    {
        closeLog();
        const int split = rest.indexOf('\t');
        m_writer.addError(Core::StepError{
                QString::fromUtf8(rest.left(split)),
                QString::fromUtf8(QByteArray::fromPercentEncoding(rest.mid(split + 1)))});
    }

    void handleIndex(const QByteArray &tag, int index)
    {
        closeLog();
        if (tag == reportTag && index >= 0 && index < m_result.reports.size())
            m_writer.addReport(m_result.reports.at(index));
        if (tag == attachTag && index >= 0 && index < m_result.attachments.size())
            m_writer.addAttachment(m_result.attachments.at(index));
    }

    const Core::StepResult &m_result;
    Core::StepResultWriter &m_writer;
    QString m_generator;
    bool m_inLog = false;
};

} // namespace

StepLogWriter::~StepLogWriter()
{
    if (m_file.isOpen())
        m_file.close();
}

Core::Result<void> StepLogWriter::open(const QString &path)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return Core::makeError(Core::ErrorCode::WriteFailed,
                               QStringLiteral("Could not create the step log %1: %2.")
                                       .arg(path, m_file.errorString()));
    }
    m_generator.clear();
    m_newCommand = true;
    return {};
}

void StepLogWriter::startCommand()
{
    m_newCommand = true;
}

void StepLogWriter::addLog(const QString &generator, const QString &level, const QString &text)
{
    if (m_newCommand || generator != m_generator) {
        writeRecord(generatorTag, generator);
        m_generator = generator;
        m_newCommand = false;
    }
    if (needsEscape(text)) {
        writeRecord(escapedTag, level + QLatin1Char('\t')
                            + QString::fromLatin1(text.toUtf8().toPercentEncoding()));
        return;
    }
    m_file.write(level.toUtf8());
    m_file.putChar('\t');
    m_file.write(text.toUtf8());
    m_file.putChar('\n');
}

void StepLogWriter::addError(const QString &generator, const QString &message)
{
    writeRecord(errorTag, generator + QLatin1Char('\t')
                        + QString::fromLatin1(message.toUtf8().toPercentEncoding(" ")));
    m_newCommand = true;
}

void StepLogWriter::addReport(int index)
{
    writeRecord(reportTag, QString::number(index));
    m_newCommand = true;
}

void StepLogWriter::addAttachment(int index)
{
    writeRecord(attachTag, QString::number(index));
    m_newCommand = true;
}

void StepLogWriter::writeRecord(const QByteArray &tag, const QString &text)
{
    m_file.write(tag);
    m_file.putChar('\t');
    m_file.write(text.toUtf8());
    m_file.putChar('\n');
}

Core::Result<void> StepLogWriter::close()
{
    if (!m_file.isOpen())
        return {};
    const bool flushed = m_file.flush();
    const QString error = m_file.errorString();
    m_file.close();
    if (!flushed || m_file.error() != QFileDevice::NoError) {
        return Core::makeError(Core::ErrorCode::WriteFailed,
                               QStringLiteral("Could not write the step log %1: %2.")
                                       .arg(m_file.fileName(), error));
    }
    return {};
}

Core::Result<void> StepLogWriter::writeStepResult(const QString &logFile,
                                                  const Core::StepResult &result, QIODevice *out)
{
    QFile log(logFile);
    if (!log.open(QIODevice::ReadOnly)) {
        return Core::makeError(Core::ErrorCode::ReadFailed,
                               QStringLiteral("Could not read the step log %1: %2.")
                                       .arg(logFile, log.errorString()));
    }
    Core::StepResultWriter writer(out);
    writer.begin(result.step, result.status, result.durationSeconds);
    ResultReplay replay(result, writer);
    QByteArray line;
    while (!(line = log.readLine()).isEmpty()) {
        line.chop(line.endsWith('\n') ? 1 : 0);
        replay.handle(line);
    }
    replay.closeLog();
    return writer.end();
}

} // namespace Agent
