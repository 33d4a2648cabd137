// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVector>

#include "core/result.h"

namespace Core {

/// One lexical token of a ClassAd expression, with its 1-based position.
struct ClassAdToken
{
    enum class Kind {
        End,
        Integer,
        Real,
        String,
        Identifier, ///< names and the keywords true/false/undefined/error/is/isnt
        Plus,
        Minus,
        Star,
        Slash,
        Percent,
        Less,
        LessEqual,
        Greater,
        GreaterEqual,
        Equal, ///< ==
        NotEqual, ///< !=
        MetaEqual, ///< =?=
        MetaNotEqual, ///< =!=
        And,
        Or,
        Not,
        Question,
        Colon,
        LeftParen,
        RightParen,
        LeftBrace,
        RightBrace,
        LeftBracket,
        RightBracket,
        Comma,
        Dot,
        Semicolon,
        Assign, ///< = (between an attribute name and its expression)
    };
    Kind kind = Kind::End;
    QString text; ///< the source text; for strings the unescaped value
    qint64 integer = 0;
    double real = 0;
    qint64 line = 1;
    qint64 column = 1;
};

/**
 * Splits ClassAd text (condor-matchmaking §1.1, §1.3) into tokens: numbers, double-quoted
 * strings with backslash escapes, names, and the operators of the expression subset.
 * Errors carry the line and column of the offending character.
 */
class ClassAdLexer
{
public:
    static Result<QVector<ClassAdToken>> tokenize(const QString &text);
};

} // namespace Core
