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
 * that are plain ASCII without NUL are delivered as the bytes fed (OutputLine), without a copy.
 */
class LineSplitter
{
public:
    using Sink = std::function<void(const QString &line)>;
    using OutputSink = std::function<void(const OutputLine &line)>;
    static constexpr int defaultMaxLineBytes = 1 << 20;

    /// Every line as text.
    explicit LineSplitter(Sink sink, int maxLineBytes = defaultMaxLineBytes);
    /// The byte-level path: ASCII lines as bytes, others decoded.
    explicit LineSplitter(OutputSink sink, int maxLineBytes = defaultMaxLineBytes);

    /// Feeds bytes; calls the sink once per complete line.
    void feed(const char *data, qint64 size);
    /// Delivers a last unterminated line, if any.
    void finish();

    /// Decodes one raw line (without its '\n') the way feed() does.
    static QString decode(QByteArray line);

private:
    void emitLine(const char *data, qint64 size);

    OutputSink m_sink;
    int m_maxLineBytes;
    QByteArray m_pending;
};

} // namespace Agent
