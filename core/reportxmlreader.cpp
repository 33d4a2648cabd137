// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reportxmlreader.h"

#include <QIODevice>

#include "core/boundedxmlreader.h"

namespace Core {

Result<qint64> ReportXmlReader::read(QIODevice *device, const ItemSink &sink,
                                     const ReportReadLimits &limits)
{
    Q_ASSERT(device);
    BoundedXmlReader reader(device, limits);
    return read(reader, sink);
}

Result<Report> ReportXmlReader::read(const QByteArray &data, const QString &category,
                                     const ReportReadLimits &limits)
{
    BoundedXmlReader reader(data, limits);
    return readReport(reader, category);
}

Result<Report> ReportXmlReader::read(QIODevice *device, const QString &category,
                                     const ReportReadLimits &limits)
{
    Q_ASSERT(device);
    BoundedXmlReader reader(device, limits);
    return readReport(reader, category);
}

Result<Report> ReportXmlReader::readReport(BoundedXmlReader &reader, const QString &category)
{
    Report report;
    report.category = category;
    const auto count = read(reader, [&](const ReportItem &item) {
        for (const auto &field : item.fields)
            reader.account(field.second.size());
        report.items.append(item);
    });
    if (!count)
        return count.error();
    if (reader.hasError())
        return reader.error();
    return report;
}

Result<qint64> ReportXmlReader::read(BoundedXmlReader &reader, const ItemSink &sink)
{
    qint64 count = 0;
    if (reader.readRootElement()) {
        while (reader.readNextChild()) {
            const ReportItem item = readItem(reader);
            if (reader.hasError())
                break;
            sink(item);
            ++count;
        }
    }
    reader.readToEnd();
    if (reader.hasError())
        return reader.error();
    return count;
}

ReportItem ReportXmlReader::readItem(BoundedXmlReader &reader)
{
    ReportItem item;
    item.set(QStringLiteral("type"), reader.xml().qualifiedName().toString());
    const auto attributes = reader.xml().attributes();
    for (const auto &attribute : attributes) {
        // Bitten drops empty attributes when it rebuilds the item.
        if (!attribute.value().isEmpty())
            item.set(attribute.qualifiedName().toString(), attribute.value().toString());
    }
    while (reader.readNextChild()) {
        const QString field = reader.xml().qualifiedName().toString();
        item.set(field, reader.readImmediateText());
    }
    return item;
}

} // namespace Core
