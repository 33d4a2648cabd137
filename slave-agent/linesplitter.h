// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QByteArray>
#include <QString>

#include "slave-agent/outputline.h"

namespace Agent {

/**
 * Cuts a byte stream into output lines as bitten-spec §3.3 describes: a line ends at '\n';
 * each line is right-stripped, NUL bytes are removed, and it is decoded as UTF-8, else as
 * Latin-1. Memory is bounded: a line longer than maxLineBytes is delivered in pieces. Lines
 * that are plain ASCII without NUL are delivered as the bytes fed (OutputLine), without a copy;
 * with PlainRuns::Joined, consecutive plain lines that need no stripping come as one run.
 */
class LineSplitter
{
public:
    using Sink = std::function<void(const QString &line)>;
    using OutputSink = std::function<void(const OutputLine &line)>;
    static constexpr int defaultMaxLineBytes = 1 << 20;

    /// How the byte-level path delivers plain ASCII lines that need no stripping.
    enum class PlainRuns {
        Separate, ///< one call per line
        Joined, ///< consecutive ones in a feed() as one OutputLine::plainRun()
    };

    /// Every line as text.
    explicit LineSplitter(Sink sink, int maxLineBytes = defaultMaxLineBytes);
    /// The byte-level path: ASCII lines as bytes, others decoded.
    explicit LineSplitter(OutputSink sink, int maxLineBytes = defaultMaxLineBytes);

    /// Separate by default; Joined only for byte-level sinks that handle runs.
    void setPlainRuns(PlainRuns runs) { m_runs = runs; }

    /// Feeds bytes; calls the sink once per complete line.
    void feed(const char *data, qint64 size);
    /// Delivers a last unterminated line, if any.
    void finish();

    /// Decodes one raw line (without its '\n') the way feed() does.
    static QString decode(QByteArray line);

private:
    void emitLine(const char *data, qint64 size);
    /// Emits the runs of plain lines from @p data (a line start) up to @p end (just after a
    /// '\n'); returns where the first line that needs the per-line path starts (or @p end).
    const char *emitPlainRuns(const char *data, const char *end);

    OutputSink m_sink;
    int m_maxLineBytes;
    PlainRuns m_runs = PlainRuns::Separate;
    QByteArray m_pending;
    /// The last feed ended exactly where a line reached m_maxLineBytes and was emitted: a
    /// newline that starts the next feed ends that line and makes no empty line.
    bool m_cutAtBound = false;
};

} // namespace Agent
