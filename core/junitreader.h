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
 * Streams a JUnit XML file into `test` report items (bitten-spec §4.4, java:junit), one at a
 * time through a sink, so memory stays flat however many test cases the file has.
 *
 * JUnitMode::Bitten reproduces java:junit: the root is `<testsuites>` (its `<testsuite>`
 * children are read) or is itself read as a testsuite; only direct `<testcase>` children count;
 * the first child element of a testcase decides the status (skipped → ignore, error → error,
 * anything else, system-out included → failure) and gives the traceback.
 * JUnitMode::Faithful reads as Jenkins' junit plugin does: nested suites at any depth, classname
 * falls back to the suite name, error beats failure beats skipped, system-out/system-err become
 * the stdout/stderr fields and never decide the status.
 * Parsing is libxml2 SAX (SaxXmlParser) for speed; the file is read in 256 KiB chunks.
 */
class JUnitReader
{
public:
    using ItemSink = std::function<void(const ReportItem &)>;

    struct Options
    {
        JUnitMode mode = JUnitMode::Bitten;
        /// java:junit's srcdir: when not null, file = srcdir/<classname, dots → slashes>.java
        QString srcdir;
        ReportReadLimits limits;
    };

    /// Items go to @p sink in document order; returns the totals of all items.
    static Result<TestTotals> read(QIODevice *device, const Options &options, const ItemSink &sink);
    static Result<TestTotals> read(const QByteArray &data, const Options &options,
                                   const ItemSink &sink);
    /// The whole "test" report (generator left empty for the caller).
    static Result<Report> readReport(const QByteArray &data, const Options &options);

    /// Bitten's traceback: @p text, prefixed by "type: message\n" when @p type is not null and
    /// @p text does not already start with "type: message".
    static QString traceback(const QString &type, const QString &message, const QString &text);

private:
    class Handler;
};

} // namespace Core
