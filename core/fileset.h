// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

#include "core/result.h"

namespace Core {

/**
 * Bitten's FileSet selection rule (bitten-spec §4.11) over relative, `/`-separated paths:
 * a file is selected when the include list is empty or one include pattern matches its path or
 * its bare name, and no exclude pattern (the defaults plus the user's) matches either.
 * Patterns use Python's fnmatchcase: `*` (also across `/`), `?`, `[seq]`, `[!seq]`.
 * The caller walks the directory tree; this class only decides.
 */
class FileSet
{
public:
    /// A compiled fnmatchcase pattern.
    class Pattern
    {
    public:
        explicit Pattern(const QString &pattern);
        bool matches(QStringView name) const;
        const QString &text() const { return m_text; }

    private:
        /// One character-wide element of a pattern, or a star.
        struct Token
        {
            enum class Kind {
                Literal,
                AnyChar,
                Star,
                Set,
            };
            Kind kind = Kind::Literal;
            QChar literal;
            bool negated = false;
            QVector<QPair<QChar, QChar>> ranges; ///< Set: inclusive ranges, a char c as (c, c)
        };
        bool tokenMatches(const Token &token, QChar c) const;

        QString m_text;
        QVector<Token> m_tokens;
    };

    /// Patterns Bitten always excludes: CVS and Subversion metadata, .DS_Store, Thumbs.db.
    static QStringList defaultExcludes();

    /// From the `include` / `exclude` attribute values, split shell-like (an error if a quote
    /// is unterminated).
    static Result<FileSet> fromAttributes(const QString &include, const QString &exclude);

    FileSet() : FileSet(QStringList(), QStringList()) { }
    /// From already split patterns; the default excludes are added before @p excludes.
    FileSet(const QStringList &includes, const QStringList &excludes);

    QStringList includePatterns() const;
    QStringList excludePatterns() const;

    bool matches(const QString &relativePath) const;
    /// The selected paths, in their given order.
    QStringList filter(const QStringList &relativePaths) const;

    /// Python's fnmatch.fnmatchcase(name, pattern).
    static bool fnmatchCase(const QString &name, const QString &pattern);

private:
    static bool anyMatches(const QVector<Pattern> &patterns, QStringView path, QStringView name);

    QVector<Pattern> m_includes;
    QVector<Pattern> m_excludes;
};

} // namespace Core
