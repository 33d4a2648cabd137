// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstring>

#include <QByteArray>
#include <QString>

namespace Agent {

/**
 * One output line of a process on the agent's byte-level log path (bitten-spec §3.3: already
 * right-stripped, NUL bytes removed). Most lines are plain ASCII: they stay the bytes read from
 * the pipe, which every writer can copy as they are (ASCII is its own Latin-1 and UTF-8). Other
 * lines arrive decoded. The line only lives for the call that hands it over.
 *
 * A sink that accepts them (LineSplitter::PlainRuns::Joined) also gets runs: one or more
 * consecutive plain ASCII lines (Markup::None, nothing stripped) as one span of bytes in which
 * every line ends in '\n', so that a command printing a lot costs one call per read instead of one
 * per line. forEachLine() hands a run on as its single lines.
 */
class OutputLine
{
public:
    /// Whether an ASCII line can go into XML text as it is.
    enum class Markup {
        None, ///< printable ASCII (0x20–0x7e) without '<', '>' and '&'
        Some, ///< has control characters or markup characters
    };

    /// An ASCII line without NUL: @p data is not copied and must outlive the object.
    static OutputLine ascii(const char *data, qint64 size, Markup markup)
    {
        return OutputLine(data, size, nullptr, markup, 1, false);
    }
    /// A run of @p lines >= 1 plain ASCII lines: @p data holds them, each ending in '\n'
    /// (@p size counts the newlines). Not copied; it must outlive the object.
    static OutputLine plainRun(const char *data, qint64 size, qint64 lines)
    {
        return OutputLine(data, size, nullptr, Markup::None, lines, true);
    }
    /// A decoded line: @p text is not copied and must outlive the object.
    static OutputLine decoded(const QString &text)
    {
        return OutputLine(nullptr, 0, &text, Markup::Some, 1, false);
    }

    /// Whether this is a run of lines (plainRun()): data() and size() hold them with their
    /// newlines, lineCount() says how many; text() may not be called.
    bool isRun() const { return m_run; }
    /// How many lines this is: 1, or the lines of a run.
    qint64 lineCount() const { return m_lines; }
    /// Whether the line is plain ASCII bytes (data() and size()); else it is text() or a run.
    bool isAscii() const { return m_text == nullptr && !m_run; }
    /// Whether the line is ASCII that goes into XML text unchanged (Markup::None).
    bool isPlainAscii() const { return m_markup == Markup::None; }
    const char *data() const { return m_data; }
    qint64 size() const { return m_size; }
    /// The line as text: the decoded text, or the ASCII bytes read as Latin-1 (one allocation).
    QString text() const
    {
        Q_ASSERT(!isRun());
        return m_text ? *m_text : QString::fromLatin1(m_data, int(m_size));
    }
    /// Calls @p function with each line: a run's lines one by one as ASCII lines (Markup::None),
    /// any other line as it is.
    template<typename Function>
    void forEachLine(Function &&function) const
    {
        if (!isRun()) {
            function(*this);
            return;
        }
        const char *end = m_data + m_size;
        for (const char *at = m_data; at < end;) {
            const char *newline
                    = static_cast<const char *>(std::memchr(at, '\n', size_t(end - at)));
            Q_ASSERT(newline); // a run ends in '\n'
            function(ascii(at, newline - at, Markup::None));
            at = newline + 1;
        }
    }
    /// Whether the ASCII line or run contains @p needle (ASCII bytes); false for decoded lines.
    /// In a run a match may span a newline: a false alarm at worst, never a miss.
    bool containsAscii(const QByteArray &needle) const
    {
        if (m_text || needle.isEmpty() || needle.size() > m_size)
            return false;
        if (isRun()) // a long span: memmem's set-up pays off
            return ::memmem(m_data, size_t(m_size), needle.constData(), size_t(needle.size()))
                    != nullptr;
        // memchr for the first byte first: memmem's set-up costs more than most lines.
        const char *end = m_data + m_size - needle.size() + 1;
        for (const char *at = m_data; at < end; ++at) {
            at = static_cast<const char *>(std::memchr(at, needle.front(), size_t(end - at)));
            if (!at)
                return false;
            if (std::memcmp(at, needle.constData(), size_t(needle.size())) == 0)
                return true;
        }
        return false;
    }

private:
    OutputLine(const char *data, qint64 size, const QString *text, Markup markup, qint64 lines,
               bool run)
        : m_data(data), m_size(size), m_text(text), m_lines(lines), m_markup(markup), m_run(run)
    { }

    const char *m_data;
    qint64 m_size;
    const QString *m_text;
    qint64 m_lines;
    Markup m_markup;
    bool m_run;
};

} // namespace Agent
