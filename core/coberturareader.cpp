// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/coberturareader.h"

#include <cmath>

#include <QHash>
#include <QIODevice>
#include <QVector>

#include "core/boundedxmlreader.h"

namespace Core {

namespace {

/// Bitten's _LineCounter: hits by line, the number of entries and of covered entries.
struct FileCounter
{
    QString filename;
    QString name; ///< last class name without '$'; no item when it stays null
    QVector<QString> hits;
    qint64 entries = 0;
    qint64 covered = 0;
};

} // namespace

class CoberturaReader::Accumulator
{
public:
    Accumulator(const Options &options, const ItemSink &sink) : m_options(options), m_sink(sink) { }

    QString srcdir;
    Counts counts;

    qint64 maxLineNumber() const { return m_options.maxLineNumber; }

    FileCounter &counter(const QString &filename)
    {
        if (m_options.grouping == CoberturaGrouping::Consecutive) {
            if (m_files.isEmpty() || m_files.last().filename != filename) {
                flush();
                m_files.append(FileCounter{filename, {}, {}, 0, 0});
            }
            return m_files.last();
        }
        auto it = m_index.constFind(filename);
        if (it != m_index.constEnd())
            return m_files[*it];
        m_index.insert(filename, m_files.size());
        m_files.append(FileCounter{filename, {}, {}, 0, 0});
        return m_files.last();
    }

    void flush()
    {
        for (const auto &file : qAsConst(m_files))
            emitItem(file);
        m_files.clear();
        m_index.clear();
    }

private:
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
        item.fields.append({QStringLiteral("file"), joinPosixPath(srcdir, file.filename)});
        item.fields.append({QStringLiteral("lines"), QString::number(file.entries)});
        item.fields.append({QStringLiteral("percentage"), QString::number(percentage)});
        item.fields.append(
                {QStringLiteral("line_hits"), file.hits.toList().join(QLatin1Char(' '))});
        ++counts.items;
        m_sink(item);
    }

    const Options &m_options;
    const ItemSink &m_sink;
    QVector<FileCounter> m_files;
    QHash<QString, int> m_index;
};

Result<CoberturaReader::Counts> CoberturaReader::read(QIODevice *device, const Options &options,
                                                      const ItemSink &sink)
{
    Q_ASSERT(device);
    BoundedXmlReader reader(device, options.limits);
    return read(reader, options, sink);
}

Result<CoberturaReader::Counts> CoberturaReader::read(const QByteArray &data,
                                                      const Options &options, const ItemSink &sink)
{
    BoundedXmlReader reader(data, options.limits);
    return read(reader, options, sink);
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

Result<CoberturaReader::Counts> CoberturaReader::read(BoundedXmlReader &reader,
                                                      const Options &options, const ItemSink &sink)
{
    Accumulator accumulator(options, sink);
    bool haveSources = false;
    if (reader.readRootElement()) {
        while (reader.readNextChild()) {
            const auto name = reader.xml().name();
            if (name == QLatin1String("sources") && !haveSources) {
                accumulator.srcdir = readSources(reader);
                haveSources = !accumulator.srcdir.isNull();
            } else if (name == QLatin1String("packages")) {
                if (!haveSources) {
                    reader.raiseInvalid(QStringLiteral(
                            "The Cobertura report has no <sources><source> before <packages>."));
                    break;
                }
                readPackages(reader, accumulator);
            } else {
                reader.skipCurrentElement();
            }
        }
    }
    reader.readToEnd();
    if (!reader.hasError() && !haveSources)
        reader.raiseInvalid(QStringLiteral("The Cobertura report has no <sources><source>."));
    if (reader.hasError())
        return reader.error();
    accumulator.flush();
    return accumulator.counts;
}

QString CoberturaReader::readSources(BoundedXmlReader &reader)
{
    QString srcdir;
    while (reader.readNextChild()) {
        if (srcdir.isNull() && reader.xml().name() == QLatin1String("source"))
            srcdir = reader.readImmediateText().trimmed();
        else
            reader.skipCurrentElement();
    }
    return srcdir;
}

void CoberturaReader::readPackages(BoundedXmlReader &reader, Accumulator &accumulator)
{
    // packages/package/classes/class, each level by direct children only.
    while (reader.readNextChild()) {
        if (reader.xml().name() != QLatin1String("package")) {
            reader.skipCurrentElement();
            continue;
        }
        while (reader.readNextChild()) {
            if (reader.xml().name() != QLatin1String("classes")) {
                reader.skipCurrentElement();
                continue;
            }
            while (reader.readNextChild()) {
                if (reader.xml().name() == QLatin1String("class"))
                    readClass(reader, accumulator);
                else
                    reader.skipCurrentElement();
            }
        }
    }
}

static bool addLine(BoundedXmlReader &reader, FileCounter &file, qint64 maxLineNumber)
{
    static const QString notCode = QStringLiteral("-");
    const QString number = reader.attribute(QLatin1String("number"));
    const QString hits = reader.attribute(QLatin1String("hits"));
    bool ok = false;
    const qint64 line = number.trimmed().toLongLong(&ok);
    if (!ok || line < 1) {
        reader.raiseInvalid(
                QStringLiteral("The line number \"%1\" in %2 is not a positive integer.")
                        .arg(number, file.filename));
        return false;
    }
    if (line > maxLineNumber) {
        reader.raiseLimit(QStringLiteral("The line number %1 in %2 is larger than %3.")
                                  .arg(line)
                                  .arg(file.filename)
                                  .arg(maxLineNumber));
        return false;
    }
    if (hits.isNull()) {
        reader.raiseInvalid(QStringLiteral("Line %1 in %2 has no hits attribute.")
                                    .arg(line)
                                    .arg(file.filename));
        return false;
    }
    if (line > file.hits.size()) {
        const int old = file.hits.size();
        file.hits.resize(int(line));
        for (int i = old; i < file.hits.size(); ++i)
            file.hits[i] = notCode;
    }
    file.hits[int(line - 1)] = hits;
    ++file.entries;
    // Bitten compares the text: anything but "0" counts as covered.
    if (hits != QLatin1String("0"))
        ++file.covered;
    return true;
}

void CoberturaReader::readClass(BoundedXmlReader &reader, Accumulator &accumulator)
{
    QString filename = reader.attribute(QLatin1String("filename"));
    const QString name = reader.attribute(QLatin1String("name"));
    if (filename.isNull() || name.isNull()) {
        reader.raiseInvalid(
                QStringLiteral("A Cobertura class has no %1 attribute.")
                        .arg(name.isNull() ? QStringLiteral("name") : QStringLiteral("filename")));
        return;
    }
    filename.replace(QLatin1Char('\\'), QLatin1Char('/'));
    FileCounter &file = accumulator.counter(filename);
    // Inner classes (Outer$Inner) add their lines but never name the file.
    if (!name.contains(QLatin1Char('$')))
        file.name = name;
    ++accumulator.counts.classes;
    while (reader.readNextChild()) {
        if (reader.xml().name() != QLatin1String("lines")) {
            reader.skipCurrentElement();
            continue;
        }
        while (reader.readNextChild()) {
            if (reader.xml().name() == QLatin1String("line")) {
                const qint64 before = file.covered;
                if (!addLine(reader, file, accumulator.maxLineNumber()))
                    return;
                ++accumulator.counts.lines;
                accumulator.counts.coveredLines += file.covered - before;
            }
            reader.skipCurrentElement();
        }
    }
}

} // namespace Core
