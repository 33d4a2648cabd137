// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/linesplitter.h"

#include <cstring>

#include <QTextCodec>

namespace Agent {

namespace {

/// Python's str.rstrip() set for bytes, plus NUL (removed anyway).
bool isStrippable(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0;
}

bool isAscii(const QByteArray &bytes)
{
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

} // namespace

LineSplitter::LineSplitter(Sink sink, int maxLineBytes)
    : m_sink(std::move(sink)), m_maxLineBytes(maxLineBytes)
{ }

void LineSplitter::feed(const char *data, qint64 size)
{
    const char *end = data + size;
    while (data < end) {
        const void *found = std::memchr(data, '\n', size_t(end - data));
        const char *newline = static_cast<const char *>(found);
        const char *stop = newline ? newline : end;
        if (m_pending.isEmpty() && newline && stop - data <= m_maxLineBytes) {
            emitLine(data, stop - data); // the common case: no copy into m_pending
            data = newline + 1;
            continue;
        }
        const qint64 take = qMin<qint64>(stop - data, m_maxLineBytes - m_pending.size());
        m_pending.append(data, int(take));
        data += take;
        const bool lineEnds = newline && data == stop;
        if (lineEnds || m_pending.size() >= m_maxLineBytes) {
            emitLine(m_pending.constData(), m_pending.size());
            m_pending.clear();
        }
        if (lineEnds)
            data = newline + 1;
    }
}

void LineSplitter::finish()
{
    if (!m_pending.isEmpty()) {
        emitLine(m_pending.constData(), m_pending.size());
        m_pending.clear();
    }
}

void LineSplitter::emitLine(const char *data, qint64 size)
{
    // Fast path: trailing whitespace and NULs cut off, then plain ASCII without NULs needs
    // neither a copy nor UTF-8 validation.
    while (size > 0 && isStrippable(data[size - 1]))
        --size;
    // Branch-free (OR and minimum) so that the loop vectorises.
    unsigned char seen = 0;
    unsigned char lowest = 0xff;
    for (qint64 i = 0; i < size; ++i) {
        const unsigned char c = static_cast<unsigned char>(data[i]);
        seen |= c;
        lowest = c < lowest ? c : lowest;
    }
    if (seen < 0x80 && (size == 0 || lowest != 0))
        m_sink(QString::fromLatin1(data, int(size)));
    else
        m_sink(decode(QByteArray(data, int(size))));
}

QString LineSplitter::decode(QByteArray line)
{
    if (line.contains('\0'))
        line.replace('\0', QByteArray());
    int length = line.size();
    while (length > 0 && isStrippable(line.at(length - 1)))
        --length;
    line.truncate(length);
    if (isAscii(line))
        return QString::fromLatin1(line);
    QTextCodec::ConverterState state;
    static QTextCodec *const utf8 = QTextCodec::codecForName("UTF-8");
    const QString text = utf8->toUnicode(line.constData(), line.size(), &state);
    if (state.invalidChars == 0 && state.remainingChars == 0)
        return text;
    return QString::fromLatin1(line);
}

} // namespace Agent
