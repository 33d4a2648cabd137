// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/linesplitter.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

/// What one pass over a right-stripped line found.
enum class LineClass {
    Plain, ///< printable ASCII without '<', '>', '&': XML text as it is
    Ascii, ///< ASCII without NUL, with control or markup characters
    Other, ///< non-ASCII or NUL: needs decoding
};

/// What the scalar loop or a vector step found, as flags (non-zero: seen).
struct LineFlags
{
    unsigned nonAscii = 0;
    unsigned nul = 0;
    unsigned markup = 0; ///< control characters, DEL, '<', '>', '&'
};

void classifyScalar(const char *data, qint64 size, LineFlags &flags)
{
    for (qint64 i = 0; i < size; ++i) {
        const unsigned char c = static_cast<unsigned char>(data[i]);
        flags.nonAscii |= c & 0x80u;
        flags.nul |= unsigned(c == 0);
        flags.markup |= unsigned(c < 0x20 || c == 0x7f || c == '<' || c == '>' || c == '&');
    }
}

#if defined(__SSE2__)
/// 16 bytes at a time; the last block overlaps the one before instead of a scalar tail.
void classifyVector(const char *data, qint64 size, LineFlags &flags)
{
    const __m128i zero = _mm_setzero_si128();
    __m128i high = zero, nul = zero, markup = zero;
    const auto step = [&](const char *at) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(at));
        high = _mm_or_si128(high, v);
        nul = _mm_or_si128(nul, _mm_cmpeq_epi8(v, zero));
        // Signed compare: bytes >= 0x80 count too, but they are reported as non-ASCII anyway.
        __m128i m = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
                                 _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f)));
        m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('<')));
        m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('>')));
        markup = _mm_or_si128(markup, _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('&'))));
    };
    qint64 i = 0;
    for (; i + 16 <= size; i += 16)
        step(data + i);
    if (i < size)
        step(data + size - 16);
    flags.nonAscii = unsigned(_mm_movemask_epi8(high));
    flags.nul = unsigned(_mm_movemask_epi8(nul));
    flags.markup = unsigned(_mm_movemask_epi8(markup));
}
#endif

LineClass classify(const char *data, qint64 size)
{
    LineFlags flags;
#if defined(__SSE2__)
    if (size >= 16)
        classifyVector(data, size, flags);
    else
        classifyScalar(data, size, flags);
#else
    classifyScalar(data, size, flags);
#endif
    if (flags.nonAscii != 0 || flags.nul != 0)
        return LineClass::Other;
    return flags.markup != 0 ? LineClass::Ascii : LineClass::Plain;
}

/**
 * The bytes of the longest prefix of @p data (@p size bytes, ending in '\n') made of whole lines
 * that can go into a plain run: printable ASCII without '<', '>' and '&' (LineClass::Plain)
 * and nothing to strip (no space before the '\n'; every other strippable byte is a control
 * character). @p lines gets how many lines the prefix holds.
 */
qint64 plainPrefix(const char *data, qint64 size, qint64 &lines)
{
    qint64 newlines = 0;
    qint64 i = 0;
#if defined(__SSE2__)
    const auto load
            = [](const char *at) { return _mm_loadu_si128(reinterpret_cast<const __m128i *>(at)); };
    bool stopped = false;
    while (!stopped && i + 16 <= size) {
        // Newlines are counted per byte lane (no popcount without -mpopcnt), for at most 255
        // blocks before the lanes are summed.
        __m128i counts = _mm_setzero_si128();
        const qint64 end = qMin(size, i + 255 * 16);
        for (; i + 16 <= end; i += 16) {
            const __m128i v = load(data + i);
            // The byte before each: for the first block shifted in (a zero, not a space).
            const __m128i before = i == 0 ? _mm_slli_si128(v, 1) : load(data + i - 1);
            const __m128i newline = _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'));
            // Signed compare: bytes >= 0x80 are below 0x20 too.
            __m128i bad = _mm_andnot_si128(newline, _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)));
            bad = _mm_or_si128(bad, _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f)));
            bad = _mm_or_si128(bad, _mm_cmpeq_epi8(v, _mm_set1_epi8('<')));
            bad = _mm_or_si128(bad, _mm_cmpeq_epi8(v, _mm_set1_epi8('>')));
            bad = _mm_or_si128(bad, _mm_cmpeq_epi8(v, _mm_set1_epi8('&')));
            bad = _mm_or_si128(bad,
                               _mm_and_si128(newline, _mm_cmpeq_epi8(before, _mm_set1_epi8(' '))));
            if (_mm_movemask_epi8(bad) != 0) {
                stopped = true; // the scalar loop finds the byte
                break;
            }
            counts = _mm_sub_epi8(counts, newline); // a match is -1
        }
        const __m128i sums = _mm_sad_epu8(counts, _mm_setzero_si128());
        newlines += _mm_cvtsi128_si32(sums) + _mm_extract_epi16(sums, 4);
    }
#endif
    qint64 lastNewline = -1; // found by the scalar loop
    for (; i < size; ++i) {
        const unsigned char c = static_cast<unsigned char>(data[i]);
        if (c == '\n') {
            if (i > 0 && data[i - 1] == ' ')
                break;
            ++newlines;
            lastNewline = i;
        } else if (c < 0x20 || c >= 0x7f || c == '<' || c == '>' || c == '&') {
            break;
        }
    }
    lines = newlines;
    if (i == size)
        return size; // all of it: it ends in '\n'
    if (lastNewline < 0) {
        const void *found = ::memrchr(data, '\n', size_t(i));
        lastNewline = found ? static_cast<const char *>(found) - data : -1;
    }
    return lastNewline + 1;
}

} // namespace

LineSplitter::LineSplitter(Sink sink, int maxLineBytes)
    : LineSplitter(
            OutputSink([sink = std::move(sink)](const OutputLine &line) { sink(line.text()); }),
            maxLineBytes)
{ }

LineSplitter::LineSplitter(OutputSink sink, int maxLineBytes)
    : m_sink(std::move(sink)), m_maxLineBytes(maxLineBytes)
{ }

void LineSplitter::feed(const char *data, qint64 size)
{
    const char *end = data + size;
    // Runs end with the last complete line of this feed: the rest waits in m_pending.
    const char *runsEnd = nullptr;
    if (m_runs == PlainRuns::Joined && size > 0) {
        if (const void *last = ::memrchr(data, '\n', size_t(size)))
            runsEnd = static_cast<const char *>(last) + 1;
    }
    if (m_cutAtBound && data < end && *data == '\n')
        ++data; // the newline that ends a line already emitted in full at the bound
    m_cutAtBound = false;
    while (data < end) {
        if (runsEnd && data < runsEnd && m_pending.isEmpty()) {
            data = emitPlainRuns(data, runsEnd);
            if (data == end)
                break;
        }
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
            m_cutAtBound = !lineEnds && data == end;
        }
        if (lineEnds)
            data = newline + 1;
    }
}

const char *LineSplitter::emitPlainRuns(const char *data, const char *end)
{
    while (data < end) {
        // A line longer than m_maxLineBytes is cut into pieces on the per-line path: a window of
        // m_maxLineBytes + 1 bytes holds only lines that are not.
        const char *stop = end;
        if (end - data > qint64(m_maxLineBytes) + 1) {
            const void *last = ::memrchr(data, '\n', size_t(m_maxLineBytes) + 1);
            if (!last)
                return data;
            stop = static_cast<const char *>(last) + 1;
        }
        qint64 lines = 0;
        const qint64 plain = plainPrefix(data, stop - data, lines);
        if (plain > 0)
            m_sink(OutputLine::plainRun(data, plain, lines));
        data += plain;
        if (data < stop)
            return data; // a line that is not plain, or needs stripping
    }
    return data;
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
    // Fast path: trailing whitespace and NULs cut off, then ASCII without NULs needs neither a
    // copy nor UTF-8 validation; one pass also tells whether it can go into XML as it is.
    while (size > 0 && isStrippable(data[size - 1]))
        --size;
    const LineClass kind = classify(data, size);
    if (kind != LineClass::Other) {
        m_sink(OutputLine::ascii(data, size,
                                 kind == LineClass::Plain ? OutputLine::Markup::None
                                                          : OutputLine::Markup::Some));
        return;
    }
    const QString text = decode(QByteArray(data, int(size)));
    m_sink(OutputLine::decoded(text));
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
