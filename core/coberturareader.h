// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QByteArray>
#include <QString>

#include "core/enums.h"
#include "core/report.h"
#include "core/result.h"

class QIODevice;

namespace Core {

/**
 * Streams a Cobertura XML file into `coverage` report items as java:cobertura does
 * (bitten-spec §4.4): srcdir is the first sources/source text, classes are read from
 * packages/package/classes/class, the line hits of lines/line are accumulated per file, and one
 * item per file carries name (a class of the file whose name has no `$`), file, lines,
 * percentage and line_hits. External DTDs (gcovr, Cobertura) are never fetched. Parsing is
 * libxml2 SAX (SaxXmlParser) for speed; the file is read in 256 KiB chunks.
 * With CoberturaGrouping::Consecutive only classes that follow each other are merged, so memory
 * holds one file's lines; WholeDocument merges like Bitten and keeps every file until the end.
 */
class CoberturaReader
{
public:
    using ItemSink = std::function<void(const ReportItem &)>;

    struct Options
    {
        CoberturaGrouping grouping = CoberturaGrouping::Consecutive;
        qint64 maxLineNumber = 10000000; ///< a larger line number is a LimitExceeded error
        ReportReadLimits limits;
    };

    /// What the document held, counted while reading.
    struct Counts
    {
        qint64 items = 0; ///< coverage items sent to the sink
        qint64 classes = 0;
        qint64 lines = 0; ///< <line> entries of classes
        qint64 coveredLines = 0; ///< entries whose hits are not "0"
    };

    static Result<Counts> read(QIODevice *device, const Options &options, const ItemSink &sink);
    static Result<Counts> read(const QByteArray &data, const Options &options,
                               const ItemSink &sink);
    /// The whole "coverage" report.
    static Result<Report> readReport(const QByteArray &data, const Options &options);

private:
    class Handler;
};

} // namespace Core
