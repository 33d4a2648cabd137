// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrations/jenkins/consoletext.h"

namespace Jenkins {

namespace {

constexpr char escape = '\x1b';

} // namespace

QStringList ConsoleText::feed(const QByteArray &chunk)
{
    m_pending += chunk;
    QStringList lines;
    int start = 0;
    for (int newline = m_pending.indexOf('\n'); newline >= 0;
         newline = m_pending.indexOf('\n', start)) {
        lines.append(cleanLine(m_pending.mid(start, newline - start)));
        start = newline + 1;
    }
    m_pending.remove(0, start);
    return lines;
}

QString ConsoleText::flush()
{
    const QString last = m_pending.isEmpty() ? QString() : cleanLine(m_pending);
    m_pending.clear();
    return last;
}

QString ConsoleText::cleanLine(QByteArray line) const
{
    // Line ends arrive as CRLF (Jenkins' LineEndNormalizingWriter); a lone CR at the end of a
    // line is part of that pair, not content.
    if (line.endsWith('\r'))
        line.chop(1);
    line = stripConsoleNotes(line);
    if (m_ansi == Ansi::Strip)
        line = stripAnsi(line);
    return QString::fromUtf8(line);
}

QByteArray ConsoleText::stripConsoleNotes(const QByteArray &line)
{
    static const QByteArray open("\x1b[8mha:");
    static const QByteArray close("\x1b[0m");
    QByteArray out;
    int from = 0;
    for (int begin = line.indexOf(open); begin >= 0; begin = line.indexOf(open, from)) {
        const int end = line.indexOf(close, begin + open.size());
        if (end < 0)
            break; // an unterminated note is left as is rather than eating the line
        out += line.mid(from, begin - from);
        from = end + close.size();
    }
    out += line.mid(from);
    return out;
}

QByteArray ConsoleText::stripAnsi(const QByteArray &line)
{
    QByteArray out;
    out.reserve(line.size());
    for (int i = 0; i < line.size(); ++i) {
        if (line.at(i) != escape) {
            out += line.at(i);
            continue;
        }
        if (i + 1 < line.size() && line.at(i + 1) == '[') {
            // CSI: parameters and intermediates, then one final byte in 0x40–0x7E.
            int j = i + 2;
            while (j < line.size() && (line.at(j) < 0x40 || line.at(j) > 0x7e))
                ++j;
            i = j;
        } else if (i + 1 < line.size() && QByteArrayLiteral("()*+").contains(line.at(i + 1))) {
            i += 2; // character-set designation: ESC ( B
        } else {
            ++i; // two-byte ESC sequence
        }
    }
    return out;
}

} // namespace Jenkins
