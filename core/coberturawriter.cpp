// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/coberturawriter.h"

#include <cmath>

#include <QIODevice>

#include "core/bytesink.h"

namespace Core {

namespace {

QString packageOf(const QString &file)
{
    const int slash = file.lastIndexOf(QLatin1Char('/'));
    if (slash <= 0)
        return QStringLiteral(".");
    return file.left(slash).replace(QLatin1Char('/'), QLatin1Char('.'));
}

QString rate(qint64 covered, qint64 valid)
{
    return valid > 0 ? QString::number(double(covered) / double(valid), 'g', 6)
                     : QStringLiteral("1");
}

qint64 coveredOf(const QVector<QPair<qint64, qint64>> &lines)
{
    qint64 covered = 0;
    for (const auto &line : lines)
        covered += line.second > 0 ? 1 : 0;
    return covered;
}

} // namespace

CoberturaWriter::CoberturaWriter(QIODevice *device) : m_device(device), m_xml(device)
{
    Q_ASSERT(device);
    m_xml.setAutoFormatting(true);
}

void CoberturaWriter::begin(const Header &header)
{
    m_xml.writeStartDocument();
    m_xml.writeStartElement(QStringLiteral("coverage"));
    if (header.linesValid >= 0 && header.linesCovered >= 0) {
        m_xml.writeAttribute(QStringLiteral("line-rate"),
                             rate(header.linesCovered, header.linesValid));
        m_xml.writeAttribute(QStringLiteral("lines-covered"), QString::number(header.linesCovered));
        m_xml.writeAttribute(QStringLiteral("lines-valid"), QString::number(header.linesValid));
    }
    m_xml.writeAttribute(QStringLiteral("branch-rate"), QStringLiteral("0"));
    m_xml.writeAttribute(QStringLiteral("complexity"), QStringLiteral("0"));
    m_xml.writeAttribute(QStringLiteral("timestamp"), QString::number(header.timestamp));
    m_xml.writeAttribute(QStringLiteral("version"), QStringLiteral("bittern"));
    m_xml.writeStartElement(QStringLiteral("sources"));
    m_xml.writeTextElement(QStringLiteral("source"), stripControlCharacters(header.source));
    m_xml.writeEndElement();
    m_xml.writeStartElement(QStringLiteral("packages"));
}

void CoberturaWriter::addFile(const ReportItem &item)
{
    const QString package = packageOf(item.value(QStringLiteral("file")));
    if (!m_pending.isEmpty() && package != m_package)
        flushPackage();
    m_package = package;
    m_pending.append(item);
}

void CoberturaWriter::flushPackage()
{
    QVector<QVector<QPair<qint64, qint64>>> lines;
    lines.reserve(m_pending.size());
    qint64 valid = 0;
    qint64 covered = 0;
    for (const auto &item : qAsConst(m_pending)) {
        lines.append(linesOf(item));
        valid += lines.last().size();
        covered += coveredOf(lines.last());
    }
    m_xml.writeStartElement(QStringLiteral("package"));
    m_xml.writeAttribute(QStringLiteral("name"), stripControlCharacters(m_package));
    m_xml.writeAttribute(QStringLiteral("line-rate"), rate(covered, valid));
    m_xml.writeAttribute(QStringLiteral("branch-rate"), QStringLiteral("0"));
    m_xml.writeAttribute(QStringLiteral("complexity"), QStringLiteral("0"));
    m_xml.writeStartElement(QStringLiteral("classes"));
    for (int i = 0; i < m_pending.size(); ++i)
        writeClass(m_pending.at(i), lines.at(i));
    m_xml.writeEndElement();
    m_xml.writeEndElement();
    m_pending.clear();
}

void CoberturaWriter::writeClass(const ReportItem &item,
                                 const QVector<QPair<qint64, qint64>> &lines)
{
    const QString file = item.value(QStringLiteral("file"));
    QString name = item.value(QStringLiteral("name"));
    if (name.isEmpty())
        name = file;
    m_xml.writeStartElement(QStringLiteral("class"));
    m_xml.writeAttribute(QStringLiteral("name"), stripControlCharacters(name));
    m_xml.writeAttribute(QStringLiteral("filename"), stripControlCharacters(file));
    m_xml.writeAttribute(QStringLiteral("line-rate"), rate(coveredOf(lines), lines.size()));
    m_xml.writeAttribute(QStringLiteral("branch-rate"), QStringLiteral("0"));
    m_xml.writeAttribute(QStringLiteral("complexity"), QStringLiteral("0"));
    m_xml.writeEmptyElement(QStringLiteral("methods"));
    m_xml.writeStartElement(QStringLiteral("lines"));
    for (const auto &line : lines) {
        m_xml.writeEmptyElement(QStringLiteral("line"));
        m_xml.writeAttribute(QStringLiteral("number"), QString::number(line.first));
        m_xml.writeAttribute(QStringLiteral("hits"), QString::number(line.second));
        m_xml.writeAttribute(QStringLiteral("branch"), QStringLiteral("false"));
    }
    m_xml.writeEndElement();
    m_xml.writeEndElement();
}

QVector<QPair<qint64, qint64>> CoberturaWriter::linesOf(const ReportItem &item)
{
    QVector<QPair<qint64, qint64>> lines;
    const QString hits = item.value(QStringLiteral("line_hits"));
    if (!hits.trimmed().isEmpty()) {
        const auto values = hits.splitRef(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (int i = 0; i < values.size(); ++i) {
            if (values.at(i) == QLatin1String("-"))
                continue;
            // php and coverage.py may write floats; a hit count is what Cobertura wants.
            const qint64 count = qint64(std::llround(values.at(i).toDouble()));
            lines.append({i + 1, count < 0 ? 0 : count});
        }
        return lines;
    }
    const qint64 total = item.value(QStringLiteral("lines")).trimmed().toLongLong();
    const double percentage = item.value(QStringLiteral("percentage")).trimmed().toDouble();
    if (total <= 0)
        return lines;
    const qint64 covered
            = qBound(qint64(0), qint64(std::llround(double(total) * percentage / 100.0)), total);
    lines.reserve(int(qMin(total, qint64(10000000))));
    for (qint64 line = 1; line <= total && line <= 10000000; ++line)
        lines.append({line, line <= covered ? 1 : 0});
    return lines;
}

Result<void> CoberturaWriter::end()
{
    if (!m_pending.isEmpty())
        flushPackage();
    m_xml.writeEndElement();
    m_xml.writeEndElement();
    m_xml.writeEndDocument();
    if (m_xml.hasError())
        return makeError(ErrorCode::WriteFailed,
                         QStringLiteral("Could not write the Cobertura report: %1")
                                 .arg(m_device->errorString()));
    return {};
}

Result<void> CoberturaWriter::write(const Report &report, QIODevice *device, qint64 timestamp)
{
    Header header;
    header.timestamp = timestamp;
    header.linesValid = 0;
    header.linesCovered = 0;
    for (const auto &item : report.items) {
        const auto lines = linesOf(item);
        header.linesValid += lines.size();
        header.linesCovered += coveredOf(lines);
    }
    CoberturaWriter writer(device);
    writer.begin(header);
    for (const auto &item : report.items)
        writer.addFile(item);
    return writer.end();
}

Result<QByteArray> CoberturaWriter::write(const Report &report, qint64 timestamp)
{
    return writeToBytes([&](QIODevice *device) { return write(report, device, timestamp); });
}

} // namespace Core
