// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/fileset.h"

#include <algorithm>

#include "core/shellsplitter.h"

namespace Core {

namespace {

// The members of a `[...]` set as Python's regex engine reads the translated class: `a-z` is a
// range unless the dash is first or last; a reversed range matches nothing.
QVector<QPair<QChar, QChar>> parseSetMembers(QStringView members)
{
    QVector<QPair<QChar, QChar>> ranges;
    for (int k = 0; k < members.size(); ++k) {
        const QChar first = members.at(k);
        if (k + 2 < members.size() && members.at(k + 1) == QLatin1Char('-')) {
            ranges.append({first, members.at(k + 2)});
            k += 2;
        } else {
            ranges.append({first, first});
        }
    }
    return ranges;
}

} // namespace

// Follows fnmatch.translate: a `[` without a closing `]` (a `]` right after `[` or `[!` does not
// close) is a literal `[`; `[!…]` negates; a leading `^` is literal.
FileSet::Pattern::Pattern(const QString &pattern) : m_text(pattern)
{
    const int size = pattern.size();
    for (int i = 0; i < size; ++i) {
        const QChar c = pattern.at(i);
        Token token;
        if (c == QLatin1Char('*')) {
            token.kind = Token::Kind::Star;
            if (!m_tokens.isEmpty() && m_tokens.constLast().kind == Token::Kind::Star)
                continue;
        } else if (c == QLatin1Char('?')) {
            token.kind = Token::Kind::AnyChar;
        } else if (c == QLatin1Char('[')) {
            int j = i + 1;
            if (j < size && pattern.at(j) == QLatin1Char('!'))
                ++j;
            if (j < size && pattern.at(j) == QLatin1Char(']'))
                ++j;
            while (j < size && pattern.at(j) != QLatin1Char(']'))
                ++j;
            if (j >= size) {
                token.literal = c;
            } else {
                QStringView members = QStringView(pattern).mid(i + 1, j - i - 1);
                token.kind = Token::Kind::Set;
                token.negated = members.startsWith(QLatin1Char('!'));
                token.ranges = parseSetMembers(token.negated ? members.mid(1) : members);
                i = j;
            }
        } else {
            token.literal = c;
        }
        m_tokens.append(token);
    }
}

bool FileSet::Pattern::tokenMatches(const Token &token, QChar c) const
{
    switch (token.kind) {
    case Token::Kind::Literal:
        return token.literal == c;
    case Token::Kind::AnyChar:
        return true;
    case Token::Kind::Set: {
        bool inSet = false;
        for (const auto &range : token.ranges)
            inSet = inSet || (c >= range.first && c <= range.second);
        return inSet != token.negated;
    }
    case Token::Kind::Star:
        break;
    }
    return false;
}

// Classic wildcard matching with single-star backtracking; every non-star token consumes
// exactly one character, so remembering the last star is enough.
bool FileSet::Pattern::matches(QStringView name) const
{
    int t = 0;
    int n = 0;
    int starToken = -1;
    int starName = 0;
    while (n < name.size()) {
        if (t < m_tokens.size() && m_tokens.at(t).kind == Token::Kind::Star) {
            starToken = t++;
            starName = n;
        } else if (t < m_tokens.size() && tokenMatches(m_tokens.at(t), name.at(n))) {
            ++t;
            ++n;
        } else if (starToken >= 0) {
            t = starToken + 1;
            n = ++starName;
        } else {
            return false;
        }
    }
    while (t < m_tokens.size() && m_tokens.at(t).kind == Token::Kind::Star)
        ++t;
    return t == m_tokens.size();
}

QStringList FileSet::defaultExcludes()
{
    return {QStringLiteral("CVS/*"),    QStringLiteral("*/CVS/*"),   QStringLiteral(".svn/*"),
            QStringLiteral("*/.svn/*"), QStringLiteral(".DS_Store"), QStringLiteral("Thumbs.db")};
}

Result<FileSet> FileSet::fromAttributes(const QString &include, const QString &exclude)
{
    const auto includes = ShellSplitter::split(include);
    if (!includes)
        return includes.error();
    const auto excludes = ShellSplitter::split(exclude);
    if (!excludes)
        return excludes.error();
    return FileSet(includes.value(), excludes.value());
}

FileSet::FileSet(const QStringList &includes, const QStringList &excludes)
{
    for (const QString &pattern : includes)
        m_includes.append(Pattern(pattern));
    for (const QString &pattern : defaultExcludes() + excludes)
        m_excludes.append(Pattern(pattern));
}

QStringList FileSet::includePatterns() const
{
    QStringList patterns;
    for (const Pattern &pattern : m_includes)
        patterns.append(pattern.text());
    return patterns;
}

QStringList FileSet::excludePatterns() const
{
    QStringList patterns;
    for (const Pattern &pattern : m_excludes)
        patterns.append(pattern.text());
    return patterns;
}

bool FileSet::anyMatches(const QVector<Pattern> &patterns, QStringView path, QStringView name)
{
    return std::any_of(patterns.cbegin(), patterns.cend(), [&](const Pattern &pattern) {
        return pattern.matches(path) || pattern.matches(name);
    });
}

bool FileSet::matches(const QString &relativePath) const
{
    const QStringView path(relativePath);
    const QStringView name = path.mid(relativePath.lastIndexOf(QLatin1Char('/')) + 1);
    if (!m_includes.isEmpty() && !anyMatches(m_includes, path, name))
        return false;
    return !anyMatches(m_excludes, path, name);
}

QStringList FileSet::filter(const QStringList &relativePaths) const
{
    QStringList selected;
    for (const QString &path : relativePaths) {
        if (matches(path))
            selected.append(path);
    }
    return selected;
}

bool FileSet::fnmatchCase(const QString &name, const QString &pattern)
{
    return Pattern(pattern).matches(name);
}

} // namespace Core
