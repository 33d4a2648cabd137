// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/interpolator.h"

namespace Core {

namespace {

// Python 2's `\w` without re.UNICODE: ASCII letters, digits and underscore.
bool isWordChar(QChar c)
{
    const ushort u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_';
}

bool isRefMiddleChar(QChar c)
{
    return isWordChar(c) || c == QLatin1Char('.');
}

bool isIdentifierStart(QChar c)
{
    const ushort u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_';
}

// End (exclusive) of the Template identifier starting at @p from, or @p from if none.
int identifierEnd(const QString &text, int from)
{
    if (from >= text.size() || !isIdentifierStart(text.at(from)))
        return from;
    int end = from + 1;
    while (end < text.size() && isWordChar(text.at(end)))
        ++end;
    return end;
}

bool isPlatformProperty(const QString &name)
{
    return name == QLatin1String("os") || name == QLatin1String("family")
            || name == QLatin1String("version") || name == QLatin1String("machine")
            || name == QLatin1String("processor");
}

} // namespace

/// One pass-1 match: `${` at start, the reference, an optional default, and the end.
struct Interpolator::Reference
{
    int refStart = 0;
    int refEnd = 0;
    int defaultStart = -1; ///< -1: no default
    int defaultEnd = -1;
    int end = 0; ///< one past the closing brace
};

Interpolator::Interpolator(const Context &context) : m_context(context) { }

QString Interpolator::interpolate(const QString &text) const
{
    return substituteEnvironment(substituteReferences(text));
}

// Emulates re.match of `\$\{(\w[\w.]*?\w)(?::(.+))?\}` at @p dollar, with the backtracking order
// of Python's engine: the lazy middle grows one character at a time; for each candidate
// reference the optional `:default` group is tried first (greedy `.+`, which never crosses a
// newline), then the bare closing brace.
bool Interpolator::matchReference(const QString &text, int dollar, Reference *match) const
{
    const int size = text.size();
    const int refStart = dollar + 2;
    if (refStart >= size || !isWordChar(text.at(refStart)))
        return false;
    for (int refEnd = refStart + 2; refEnd <= size; ++refEnd) {
        if (refEnd > refStart + 2 && !isRefMiddleChar(text.at(refEnd - 2)))
            return false;
        if (!isWordChar(text.at(refEnd - 1)) || refEnd >= size)
            continue;
        match->refStart = refStart;
        match->refEnd = refEnd;
        const QChar next = text.at(refEnd);
        if (next == QLatin1Char(':')) {
            int lineEnd = text.indexOf(QLatin1Char('\n'), refEnd + 1);
            if (lineEnd < 0)
                lineEnd = size;
            const int brace = text.lastIndexOf(QLatin1Char('}'), lineEnd - 1);
            if (brace >= refEnd + 2) {
                match->defaultStart = refEnd + 1;
                match->defaultEnd = brace;
                match->end = brace + 1;
                return true;
            }
        } else if (next == QLatin1Char('}')) {
            match->defaultStart = match->defaultEnd = -1;
            match->end = refEnd + 1;
            return true;
        }
    }
    return false;
}

const QString *Interpolator::lookup(const QString &ref) const
{
    if (ref.contains(QLatin1Char('.')) || isPlatformProperty(ref)) {
        const auto it = m_context.properties.constFind(ref);
        if (it != m_context.properties.cend())
            return &it.value();
    }
    const auto it = m_context.buildVariables.constFind(ref);
    if (it != m_context.buildVariables.cend())
        return &it.value();
    return nullptr;
}

QString Interpolator::substituteReferences(const QString &text) const
{
    int dollar = text.indexOf(QLatin1String("${"));
    if (dollar < 0)
        return text;
    QString result;
    result.reserve(text.size());
    int copied = 0;
    while (dollar >= 0) {
        Reference match;
        if (!matchReference(text, dollar, &match)) {
            dollar = text.indexOf(QLatin1String("${"), dollar + 1);
            continue;
        }
        result.append(text.constData() + copied, dollar - copied);
        const QString ref = text.mid(match.refStart, match.refEnd - match.refStart);
        if (const QString *value = lookup(ref))
            result.append(*value);
        else if (match.defaultStart >= 0)
            result.append(text.constData() + match.defaultStart,
                          match.defaultEnd - match.defaultStart);
        else
            result.append(text.constData() + dollar, match.end - dollar);
        copied = match.end;
        dollar = text.indexOf(QLatin1String("${"), copied);
    }
    result.append(text.constData() + copied, text.size() - copied);
    return result;
}

QStringList Interpolator::unresolvedReferences(const QString &text) const
{
    QStringList names;
    int dollar = text.indexOf(QLatin1String("${"));
    while (dollar >= 0) {
        Reference match;
        if (!matchReference(text, dollar, &match)) {
            dollar = text.indexOf(QLatin1String("${"), dollar + 1);
            continue;
        }
        const QString ref = text.mid(match.refStart, match.refEnd - match.refStart);
        // Pass 2 replaces `${NAME}` from the environment only when NAME is an identifier.
        const bool fromEnvironment
                = identifierEnd(ref, 0) == ref.size() && m_context.environment.contains(ref);
        if (!lookup(ref) && match.defaultStart < 0 && !fromEnvironment && !names.contains(ref))
            names.append(ref);
        dollar = text.indexOf(QLatin1String("${"), match.end);
    }
    return names;
}

// string.Template.safe_substitute: `$$` -> `$`; `$name` / `${name}` replaced when set and kept
// otherwise; any other `$` (the pattern's empty "invalid" group) is kept and scanning resumes
// right after it.
QString Interpolator::substituteEnvironment(const QString &text) const
{
    int dollar = text.indexOf(QLatin1Char('$'));
    if (dollar < 0)
        return text;
    QString result;
    result.reserve(text.size());
    int copied = 0;
    while (dollar >= 0) {
        result.append(text.constData() + copied, dollar - copied);
        copied = substituteOnePlaceholder(text, dollar, &result);
        dollar = text.indexOf(QLatin1Char('$'), copied);
    }
    result.append(text.constData() + copied, text.size() - copied);
    return result;
}

int Interpolator::substituteOnePlaceholder(const QString &text, int dollar, QString *result) const
{
    const int next = dollar + 1;
    if (next < text.size() && text.at(next) == QLatin1Char('$')) {
        result->append(QLatin1Char('$'));
        return next + 1;
    }
    int nameStart = next;
    int nameEnd = identifierEnd(text, nameStart);
    int end = nameEnd;
    if (nameEnd == nameStart && next < text.size() && text.at(next) == QLatin1Char('{')) {
        nameStart = next + 1;
        nameEnd = identifierEnd(text, nameStart);
        if (nameEnd == nameStart || nameEnd >= text.size() || text.at(nameEnd) != QLatin1Char('}'))
            nameEnd = nameStart;
        end = nameEnd + 1;
    }
    if (nameEnd == nameStart) {
        result->append(QLatin1Char('$'));
        return next;
    }
    const auto it = m_context.environment.constFind(text.mid(nameStart, nameEnd - nameStart));
    if (it != m_context.environment.cend())
        result->append(it.value());
    else
        result->append(text.constData() + dollar, end - dollar);
    return end;
}

} // namespace Core
