// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/classadparser.h"

namespace Core {

namespace {

using Expression = ClassAdExpression;

constexpr int levelCount = 6; // || && equality relational additive multiplicative

std::shared_ptr<Expression> node(Expression::Kind kind, const ClassAdToken &at)
{
    auto expression = std::make_shared<Expression>();
    expression->kind = kind;
    expression->line = at.line;
    expression->column = at.column;
    return expression;
}

bool isKeyword(const ClassAdToken &token, const char *keyword)
{
    return token.kind == ClassAdToken::Kind::Identifier
            && token.text.compare(QLatin1String(keyword), Qt::CaseInsensitive) == 0;
}

QString describe(const ClassAdToken &token)
{
    if (token.kind == ClassAdToken::Kind::End)
        return QStringLiteral("the end of the expression");
    if (token.kind == ClassAdToken::Kind::String)
        return QLatin1Char('"') + token.text + QLatin1Char('"');
    return QLatin1Char('\'') + token.text + QLatin1Char('\'');
}

} // namespace

ClassAdParser::ClassAdParser(const QVector<ClassAdToken> &tokens) : m_tokens(tokens)
{
    Q_ASSERT(!m_tokens.isEmpty() && m_tokens.constLast().kind == Kind::End);
}

Result<ClassAdExpressionPtr> ClassAdParser::parse(const QString &text)
{
    const auto tokens = ClassAdLexer::tokenize(text);
    if (!tokens)
        return tokens.error();
    ClassAdParser parser(tokens.value());
    auto expression = parser.parseExpression();
    if (expression && parser.peek().kind != Kind::End)
        return parser.unexpected(QStringLiteral("an operator or the end of the expression"));
    return expression;
}

const ClassAdToken &ClassAdParser::next()
{
    const ClassAdToken &token = m_tokens.at(m_pos);
    if (token.kind != Kind::End)
        ++m_pos;
    return token;
}

bool ClassAdParser::accept(Kind kind)
{
    if (peek().kind != kind)
        return false;
    next();
    return true;
}

Error ClassAdParser::unexpected(const QString &expected) const
{
    return makeError(ErrorCode::ParseFailed,
                     QStringLiteral("Expected %1 but found %2.").arg(expected, describe(peek())),
                     peek().line, peek().column);
}

Result<ClassAdExpressionPtr> ClassAdParser::parseExpression()
{
    if (++m_depth > maxDepth) {
        --m_depth;
        return makeError(
                ErrorCode::LimitExceeded,
                QStringLiteral("The expression nests deeper than %1 levels.").arg(maxDepth),
                peek().line, peek().column);
    }
    auto expression = parseConditional();
    --m_depth;
    return expression;
}

// `c ? a : b` and `a ?: b`, both right-associative.
Result<ClassAdExpressionPtr> ClassAdParser::parseConditional()
{
    auto condition = parseBinary(0);
    if (!condition || peek().kind != Kind::Question)
        return condition;
    const ClassAdToken question = next();
    if (accept(Kind::Colon)) {
        auto fallback = parseExpression();
        if (!fallback)
            return fallback;
        auto elvis = node(Expression::Kind::Elvis, question);
        elvis->operands = {condition.value(), fallback.value()};
        return ClassAdExpressionPtr(elvis);
    }
    auto then = parseExpression();
    if (!then)
        return then;
    if (!accept(Kind::Colon))
        return unexpected(QStringLiteral("':'"));
    auto otherwise = parseExpression();
    if (!otherwise)
        return otherwise;
    auto conditional = node(Expression::Kind::Conditional, question);
    conditional->operands = {condition.value(), then.value(), otherwise.value()};
    return ClassAdExpressionPtr(conditional);
}

bool ClassAdParser::binaryOperatorAt(int level, ClassAdOperator *op) const
{
    const ClassAdToken &token = peek();
    using Op = ClassAdOperator;
    struct Entry
    {
        int level;
        Kind kind;
        Op op;
    };
    static constexpr Entry table[] = {
            {0, Kind::Or, Op::Or},
            {1, Kind::And, Op::And},
            {2, Kind::Equal, Op::Equal},
            {2, Kind::NotEqual, Op::NotEqual},
            {2, Kind::MetaEqual, Op::MetaEqual},
            {2, Kind::MetaNotEqual, Op::MetaNotEqual},
            {3, Kind::Less, Op::Less},
            {3, Kind::LessEqual, Op::LessEqual},
            {3, Kind::Greater, Op::Greater},
            {3, Kind::GreaterEqual, Op::GreaterEqual},
            {4, Kind::Plus, Op::Add},
            {4, Kind::Minus, Op::Subtract},
            {5, Kind::Star, Op::Multiply},
            {5, Kind::Slash, Op::Divide},
            {5, Kind::Percent, Op::Modulo},
    };
    for (const Entry &entry : table) {
        if (entry.level == level && entry.kind == token.kind) {
            *op = entry.op;
            return true;
        }
    }
    if (level == 2 && (isKeyword(token, "is") || isKeyword(token, "isnt"))) {
        *op = isKeyword(token, "is") ? Op::MetaEqual : Op::MetaNotEqual;
        return true;
    }
    return false;
}

Result<ClassAdExpressionPtr> ClassAdParser::parseBinary(int level)
{
    if (level == levelCount)
        return parseUnary();
    auto left = parseBinary(level + 1);
    ClassAdOperator op;
    while (left && binaryOperatorAt(level, &op)) {
        const ClassAdToken token = next();
        auto right = parseBinary(level + 1);
        if (!right)
            return right;
        auto binary = node(Expression::Kind::Binary, token);
        binary->op = op;
        binary->operands = {left.value(), right.value()};
        left = ClassAdExpressionPtr(binary);
    }
    return left;
}

Result<ClassAdExpressionPtr> ClassAdParser::parseUnary()
{
    const ClassAdToken &token = peek();
    ClassAdOperator op;
    if (token.kind == Kind::Minus)
        op = ClassAdOperator::Negate;
    else if (token.kind == Kind::Plus)
        op = ClassAdOperator::Plus;
    else if (token.kind == Kind::Not)
        op = ClassAdOperator::Not;
    else
        return parsePrimary();
    const ClassAdToken opToken = next();
    if (++m_depth > maxDepth) {
        return makeError(
                ErrorCode::LimitExceeded,
                QStringLiteral("The expression nests deeper than %1 levels.").arg(maxDepth),
                opToken.line, opToken.column);
    }
    auto operand = parseUnary();
    --m_depth;
    if (!operand)
        return operand;
    auto unary = node(Expression::Kind::Unary, opToken);
    unary->op = op;
    unary->operands = {operand.value()};
    return ClassAdExpressionPtr(unary);
}

Result<ClassAdExpressionPtr> ClassAdParser::parsePrimary()
{
    const ClassAdToken token = peek();
    auto literal = node(Expression::Kind::Literal, token);
    switch (token.kind) {
    case Kind::Integer:
        literal->value = ClassAdValue::integer(next().integer);
        return ClassAdExpressionPtr(literal);
    case Kind::Real:
        literal->value = ClassAdValue::real(next().real);
        return ClassAdExpressionPtr(literal);
    case Kind::String:
        literal->value = ClassAdValue::string(next().text);
        return ClassAdExpressionPtr(literal);
    case Kind::Identifier:
        return parseName();
    case Kind::LeftParen: {
        next();
        auto inner = parseExpression();
        if (inner && !accept(Kind::RightParen))
            return unexpected(QStringLiteral("')'"));
        return inner;
    }
    case Kind::LeftBrace: {
        next();
        auto items = parseList(Kind::RightBrace);
        if (!items)
            return items.error();
        auto list = node(Expression::Kind::List, token);
        list->operands = items.value();
        return ClassAdExpressionPtr(list);
    }
    default:
        return unexpected(QStringLiteral("a value"));
    }
}

// Keywords, function calls, and attribute references with an optional MY./TARGET. scope.
Result<ClassAdExpressionPtr> ClassAdParser::parseName()
{
    const ClassAdToken token = next();
    auto expression = node(Expression::Kind::Literal, token);
    if (isKeyword(token, "true") || isKeyword(token, "false")) {
        expression->value = ClassAdValue::boolean(isKeyword(token, "true"));
    } else if (isKeyword(token, "undefined")) {
        expression->value = ClassAdValue::undefined();
    } else if (isKeyword(token, "error")) {
        expression->value = ClassAdValue::error();
    } else if (isKeyword(token, "is") || isKeyword(token, "isnt")) {
        --m_pos;
        return unexpected(QStringLiteral("a value"));
    } else if (accept(Kind::LeftParen)) {
        auto arguments = parseList(Kind::RightParen);
        if (!arguments)
            return arguments.error();
        expression->kind = Expression::Kind::Call;
        expression->name = token.text;
        expression->operands = arguments.value();
    } else {
        expression->kind = Expression::Kind::Attribute;
        expression->name = token.text;
        const bool my = isKeyword(token, "my");
        if ((my || isKeyword(token, "target")) && accept(Kind::Dot)) {
            if (peek().kind != Kind::Identifier)
                return unexpected(QStringLiteral("an attribute name"));
            expression->scope = my ? Expression::Scope::My : Expression::Scope::Target;
            expression->name = next().text;
        }
    }
    return ClassAdExpressionPtr(expression);
}

Result<QVector<ClassAdExpressionPtr>> ClassAdParser::parseList(Kind close)
{
    QVector<ClassAdExpressionPtr> items;
    if (accept(close))
        return items;
    while (true) {
        auto item = parseExpression();
        if (!item)
            return item.error();
        items.append(item.value());
        if (accept(close))
            return items;
        if (!accept(Kind::Comma))
            return unexpected(close == Kind::RightParen ? QStringLiteral("',' or ')'")
                                                        : QStringLiteral("',' or '}'"));
    }
}

} // namespace Core
