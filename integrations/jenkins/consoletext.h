// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Jenkins {

/**
 * Turns the byte chunks of Jenkins' progressive console (`logText/progressiveText`) into whole
 * text lines: keeps the undecoded tail between chunks (a chunk may end mid-line or mid-UTF-8
 * sequence since Jenkins 2.509), converts CRLF to LF, strips hidden console notes
 * (`ESC[8mha:…ESC[0m`) and, on request, the build's own ANSI escape sequences
 * (jenkins-contract §4.3). Pure; the network side is ConsoleFollower.
 */
class ConsoleText
{
public:
    enum class Ansi {
        Keep,
        Strip,
    };

    explicit ConsoleText(Ansi ansi = Ansi::Keep) : m_ansi(ansi) { }

    /// Appends a chunk and returns the lines it completed, without line ends.
    QStringList feed(const QByteArray &chunk);
    /// The unterminated last line (once the log is complete); empty when there is none.
    QString flush();
    /// Forgets the buffered partial line (the log restarted from offset 0).
    void reset() { m_pending.clear(); }
    bool hasPartialLine() const { return !m_pending.isEmpty(); }

    /// Removes `ESC[8mha:…ESC[0m` console notes.
    static QByteArray stripConsoleNotes(const QByteArray &line);
    /// Removes ANSI CSI sequences (`ESC[…m`, cursor movement, …) and other ESC sequences.
    static QByteArray stripAnsi(const QByteArray &line);

private:
    QString cleanLine(QByteArray line) const;

    Ansi m_ansi;
    QByteArray m_pending;
};

} // namespace Jenkins
