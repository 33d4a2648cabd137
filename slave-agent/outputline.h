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
        return OutputLine(data, size, nullptr, markup);
    }
    /// A decoded line: @p text is not copied and must outlive the object.
    static OutputLine decoded(const QString &text)
    {
        return OutputLine(nullptr, 0, &text, Markup::Some);
    }

    /// Whether the line is plain ASCII bytes (data() and size()); else it is text().
    bool isAscii() const { return m_text == nullptr; }
    /// Whether the line is ASCII that goes into XML text unchanged (Markup::None).
    bool isPlainAscii() const { return m_markup == Markup::None; }
    const char *data() const { return m_data; }
    qint64 size() const { return m_size; }
    /// The line as text: the decoded text, or the ASCII bytes read as Latin-1 (one allocation).
    QString text() const { return m_text ? *m_text : QString::fromLatin1(m_data, int(m_size)); }
    /// Whether the ASCII line contains @p needle (ASCII bytes); false for decoded lines.
    bool containsAscii(const QByteArray &needle) const
    {
        if (!isAscii() || needle.isEmpty() || needle.size() > m_size)
            return false;
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
    OutputLine(const char *data, qint64 size, const QString *text, Markup markup)
        : m_data(data), m_size(size), m_text(text), m_markup(markup)
    { }

    const char *m_data;
    qint64 m_size;
    const QString *m_text;
    Markup m_markup;
};

} // namespace Agent
