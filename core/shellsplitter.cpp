// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/shellsplitter.h"

#include <algorithm>

namespace Core {

namespace {

// shlex's default whitespace in POSIX mode.
bool isShlexSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\r')
            || c == QLatin1Char('\n');
}

bool isQuote(QChar c)
{
    return c == QLatin1Char('\'') || c == QLatin1Char('"');
}

// shlex.quote's safe set: ASCII word characters and @%+=:,./-
bool isSafeForShell(QChar c)
{
    const ushort u = c.unicode();
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9'))
        return true;
    return QStringView(u"_@%+=:,./-").contains(c);
}

/// The state machine of shlex.read_token with whitespace_split=True and posix=True.
class Splitter
{
public:
    explicit Splitter(const QString &text) : m_text(text) { }

    Result<QStringList> run()
    {
        for (int i = 0; i < m_text.size(); ++i) {
            const QChar c = m_text.at(i);
            if (m_quote != QChar()) {
                inQuotes(c, i);
            } else if (m_escaped) {
                m_word += c;
                m_escaped = false;
            } else if (isShlexSpace(c)) {
                finishWord();
            } else if (c == QLatin1Char('\\')) {
                m_escaped = true;
                m_escapeStart = i;
                m_inWord = true;
            } else {
                m_inWord = true;
                if (isQuote(c)) {
                    m_quote = c;
                    m_quoteStart = i;
                } else {
                    m_word += c;
                }
            }
        }
        if (m_quote != QChar() && !m_escaped)
            return errorAt(m_quoteStart,
                           QStringLiteral("No closing quotation in the argument string."));
        if (m_escaped)
            return errorAt(m_escapeStart,
                           QStringLiteral("No escaped character at the end of the argument "
                                          "string."));
        finishWord();
        return m_words;
    }

private:
    // 1-based line and column of @p position, for messages about multi-line attributes.
    Error errorAt(int position, const QString &message) const
    {
        const int lineStart = m_text.lastIndexOf(QLatin1Char('\n'), position) + 1;
        const int line = m_text.left(lineStart).count(QLatin1Char('\n')) + 1;
        return makeError(ErrorCode::ParseFailed, message, line, position - lineStart + 1);
    }

    void inQuotes(QChar c, int position)
    {
        if (m_escaped) {
            // Inside "...", a backslash escapes only itself and the quote; otherwise it stays.
            if (c != QLatin1Char('\\') && c != m_quote)
                m_word += QLatin1Char('\\');
            m_word += c;
            m_escaped = false;
        } else if (c == m_quote) {
            m_quote = QChar();
        } else if (c == QLatin1Char('\\') && m_quote == QLatin1Char('"')) {
            m_escaped = true;
            m_escapeStart = position;
        } else {
            m_word += c;
        }
    }

    void finishWord()
    {
        if (m_inWord)
            m_words.append(m_word);
        m_word.clear();
        m_inWord = false;
    }

    const QString &m_text;
    QStringList m_words;
    QString m_word;
    QChar m_quote;
    bool m_inWord = false; ///< a word has started, possibly an empty quoted one
    bool m_escaped = false;
    int m_quoteStart = 0;
    int m_escapeStart = 0;
};

} // namespace

Result<QStringList> ShellSplitter::split(const QString &text)
{
    return Splitter(text).run();
}

QString ShellSplitter::quote(const QString &word)
{
    if (word.isEmpty())
        return QStringLiteral("''");
    if (std::all_of(word.cbegin(), word.cend(), isSafeForShell))
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\"'\"'"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString ShellSplitter::join(const QStringList &words)
{
    QStringList quoted;
    quoted.reserve(words.size());
    for (const QString &word : words)
        quoted.append(quote(word));
    return quoted.join(QLatin1Char(' '));
}

} // namespace Core
