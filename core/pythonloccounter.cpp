// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pythonloccounter.h"

#include "core/toolsupport.h"

namespace Core {

namespace {

// Index of the first non-blank/tab character, or -1 when the line has only blanks/tabs (and
// possibly a final newline): loc's _is_blank.
int firstNonBlank(const QString &line)
{
    int i = 0;
    while (i < line.size() && (line.at(i) == QLatin1Char(' ') || line.at(i) == QLatin1Char('\t')))
        ++i;
    if (i == line.size() || (i == line.size() - 1 && line.at(i) == QLatin1Char('\n')))
        return -1;
    return i;
}

bool startsDocstring(const QString &line, int first)
{
    return line.midRef(first, 3) == QLatin1String("'''")
            || line.midRef(first, 3) == QLatin1String("\"\"\"");
}

// The end of a triple quote of @p quote starting the search at @p from, or -1.
int tripleEnd(const QString &line, QChar quote, int from)
{
    const int at = line.indexOf(QString(3, quote), from);
    return at < 0 ? -1 : at + 3;
}

int leftmostSpecial(const QString &line)
{
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == QLatin1Char('"') || c == QLatin1Char('\'') || c == QLatin1Char('#'))
            return i;
    }
    return -1;
}

struct State
{
    QChar tripleQuote; ///< null when not inside a triple-quoted string
    bool inDoc = false;
};

// Removes strings from the rest of the line so an opening triple quote is not missed.
void scanStrings(QString line, State &state)
{
    for (;;) {
        const int i = leftmostSpecial(line);
        if (i < 0 || line.at(i) == QLatin1Char('#'))
            return;
        const QChar quote = line.at(i);
        if (line.midRef(i, 3) == QString(3, quote)) {
            state.tripleQuote = quote;
            const int end = tripleEnd(line, quote, i + 3);
            if (end < 0)
                return;
            line = line.left(i) + line.mid(end);
            state.tripleQuote = QChar();
            state.inDoc = false;
            continue;
        }
        const int close = line.indexOf(quote, i + 1);
        if (close < 0)
            return; // an unterminated string: loc gives up on the line
        line = line.left(i) + QLatin1Char(' ') + line.mid(close + 1);
    }
}

} // namespace

QSet<int> PythonLocCounter::codeLines(const QByteArray &source)
{
    QSet<int> code;
    State state;
    const QStringList lines = ToolSupport::lines(source);
    for (int number = 0; number < lines.size(); ++number) {
        QString line = lines.at(number);
        bool classified = false;
        if (!state.tripleQuote.isNull()) {
            if (!state.inDoc)
                code.insert(number);
            classified = true;
            const int end = tripleEnd(line, state.tripleQuote, 0);
            if (end < 0)
                continue;
            line = line.mid(end);
            state.tripleQuote = QChar();
            state.inDoc = false;
        }
        const int first = firstNonBlank(line);
        if (first < 0 || line.at(first) == QLatin1Char('#'))
            continue;
        if (!classified) {
            if (startsDocstring(line, first))
                state.inDoc = true;
            else
                code.insert(number);
        }
        scanStrings(line, state);
    }
    return code;
}

} // namespace Core
