// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVector>

#include "core/classadexpression.h"
#include "core/classadlexer.h"
#include "core/result.h"

namespace Core {

/**
 * Parses the ClassAd expression subset of condor-matchmaking §1.3 with its precedence
 * (lowest first): `?:` (ternary and Elvis, right-associative); `||`; `&&`;
 * `== != =?= is =!= isnt`; `< <= >= >`; `+ -`; `* / %`; unary `- + !`; then literals,
 * `(…)`, lists `{…}`, function calls and attribute references (`x`, `MY.x`, `TARGET.x`).
 * Keywords and names are case-insensitive. Errors carry the position of the offending token.
 */
class ClassAdParser
{
public:
    /// Deepest nesting accepted, so hostile input cannot exhaust the stack.
    static constexpr int maxDepth = 200;

    /// One whole expression; trailing tokens are an error.
    static Result<ClassAdExpressionPtr> parse(const QString &text);

    /// For callers that parse a larger syntax around expressions (ClassAd::parse).
    explicit ClassAdParser(const QVector<ClassAdToken> &tokens);
    Result<ClassAdExpressionPtr> parseExpression();
    const ClassAdToken &peek() const { return m_tokens.at(m_pos); }
    const ClassAdToken &next();
    Error unexpected(const QString &expected) const;

private:
    using Kind = ClassAdToken::Kind;

    Result<ClassAdExpressionPtr> parseConditional();
    Result<ClassAdExpressionPtr> parseBinary(int level);
    Result<ClassAdExpressionPtr> parseUnary();
    Result<ClassAdExpressionPtr> parsePrimary();
    Result<ClassAdExpressionPtr> parseName();
    Result<QVector<ClassAdExpressionPtr>> parseList(Kind close);
    bool binaryOperatorAt(int level, ClassAdOperator *op) const;
    bool accept(Kind kind);

    QVector<ClassAdToken> m_tokens;
    int m_pos = 0;
    int m_depth = 0;
};

} // namespace Core
