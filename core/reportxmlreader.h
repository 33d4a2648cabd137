// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QByteArray>
#include <QString>

#include "core/report.h"
#include "core/result.h"

class QIODevice;

namespace Core {

class BoundedXmlReader;

/**
 * The transformation of Bitten's generic `<report category file>` command (bitten-spec §4.1):
 * the root element is ignored, each child element becomes an item with its non-empty
 * attributes, and each grandchild becomes a field holding its direct text. Items are returned
 * as the master will store them (`type` = element name unless an attribute overrides it).
 * On malformed XML the Error carries the parser's message and position; the caller words it as
 * "Failed to parse CAT report at FILE: …".
 */
class ReportXmlReader
{
public:
    using ItemSink = std::function<void(const ReportItem &)>;

    /// Streams the items to @p sink; returns their number.
    static Result<qint64> read(QIODevice *device, const ItemSink &sink,
                               const ReportReadLimits &limits = {});
    /// The whole report of @p category (no generator, as the command sends it).
    static Result<Report> read(const QByteArray &data, const QString &category,
                               const ReportReadLimits &limits = {});
    static Result<Report> read(QIODevice *device, const QString &category,
                               const ReportReadLimits &limits = {});

private:
    static Result<qint64> read(BoundedXmlReader &reader, const ItemSink &sink);
    static Result<Report> readReport(BoundedXmlReader &reader, const QString &category);
    static ReportItem readItem(BoundedXmlReader &reader);
};

} // namespace Core
