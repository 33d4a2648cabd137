// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/classadlexer.h"

namespace Core {

namespace {

using Kind = ClassAdToken::Kind;

bool isNameStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

struct Punctuator
{
    const char *text;
    Kind kind;
};

// Longest first, so `=?=` wins over `=` and `<=` over `<`.
constexpr Punctuator punctuators[] = {
        {"=?=", Kind::MetaEqual}, {"=!=", Kind::MetaNotEqual},
        {"==", Kind::Equal},      {"!=", Kind::NotEqual},
        {"<=", Kind::LessEqual},  {">=", Kind::GreaterEqual},
        {"&&", Kind::And},        {"||", Kind::Or},
        {"+", Kind::Plus},        {"-", Kind::Minus},
        {"*", Kind::Star},        {"/", Kind::Slash},
        {"%", Kind::Percent},     {"<", Kind::Less},
        {">", Kind::Greater},     {"!", Kind::Not},
        {"?", Kind::Question},    {":", Kind::Colon},
        {"(", Kind::LeftParen},   {")", Kind::RightParen},
        {"{", Kind::LeftBrace},   {"}", Kind::RightBrace},
        {"[", Kind::LeftBracket}, {"]", Kind::RightBracket},
        {",", Kind::Comma},       {".", Kind::Dot},
        {";", Kind::Semicolon},   {"=", Kind::Assign},
};

class Lexer
{
public:
    explicit Lexer(const QString &text) : m_text(text) { }

    Result<QVector<ClassAdToken>> run()
    {
        while (true) {
            skipSpace();
            ClassAdToken token;
            token.line = m_line;
            token.column = m_pos - m_lineStart + 1;
            if (m_pos >= m_text.size()) {
                m_tokens.append(token);
                return m_tokens;
            }
            const auto read = readToken(&token);
            if (!read)
                return read.error();
            m_tokens.append(token);
        }
    }

private:
    void skipSpace()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace()) {
            if (m_text.at(m_pos) == QLatin1Char('\n')) {
                ++m_line;
                m_lineStart = m_pos + 1;
            }
            ++m_pos;
        }
    }

    Error errorHere(const QString &message, const ClassAdToken &token) const
    {
        return makeError(ErrorCode::ParseFailed, message, token.line, token.column);
    }

    Result<void> readToken(ClassAdToken *token)
    {
        const QChar c = m_text.at(m_pos);
        if (isDigit(c))
            return readNumber(token);
        if (c == QLatin1Char('"'))
            return readString(token);
        if (isNameStart(c)) {
            const int start = m_pos;
            while (m_pos < m_text.size() && isNameChar(m_text.at(m_pos)))
                ++m_pos;
            token->kind = Kind::Identifier;
            token->text = m_text.mid(start, m_pos - start);
            return {};
        }
        for (const Punctuator &punctuator : punctuators) {
            const QLatin1String text(punctuator.text);
            if (QStringView(m_text).mid(m_pos).startsWith(text)) {
                token->kind = punctuator.kind;
                token->text = text;
                m_pos += text.size();
                return {};
            }
        }
        return errorHere(QStringLiteral("Unexpected character '%1' in the expression.").arg(c),
                         *token);
    }

    Result<void> readNumber(ClassAdToken *token)
    {
        const int start = m_pos;
        while (m_pos < m_text.size() && isDigit(m_text.at(m_pos)))
            ++m_pos;
        bool isReal = false;
        if (m_pos + 1 < m_text.size() && m_text.at(m_pos) == QLatin1Char('.')
            && isDigit(m_text.at(m_pos + 1))) {
            isReal = true;
            for (++m_pos; m_pos < m_text.size() && isDigit(m_text.at(m_pos));)
                ++m_pos;
        }
        isReal = readExponent() || isReal;
        token->text = m_text.mid(start, m_pos - start);
        bool ok = false;
        if (isReal) {
            token->kind = Kind::Real;
            token->real = token->text.toDouble(&ok);
        } else {
            token->kind = Kind::Integer;
            token->integer = token->text.toLongLong(&ok);
        }
        if (!ok)
            return errorHere(QStringLiteral("Number %1 is out of range.").arg(token->text), *token);
        return {};
    }

    bool readExponent()
    {
        if (m_pos >= m_text.size() || m_text.at(m_pos).toLower() != QLatin1Char('e'))
            return false;
        int end = m_pos + 1;
        if (end < m_text.size()
            && (m_text.at(end) == QLatin1Char('+') || m_text.at(end) == QLatin1Char('-')))
            ++end;
        if (end >= m_text.size() || !isDigit(m_text.at(end)))
            return false;
        while (end < m_text.size() && isDigit(m_text.at(end)))
            ++end;
        m_pos = end;
        return true;
    }

    Result<void> readString(ClassAdToken *token)
    {
        token->kind = Kind::String;
        for (++m_pos; m_pos < m_text.size(); ++m_pos) {
            QChar c = m_text.at(m_pos);
            if (c == QLatin1Char('"')) {
                ++m_pos;
                return {};
            }
            if (c == QLatin1Char('\n'))
                break;
            if (c == QLatin1Char('\\') && m_pos + 1 < m_text.size())
                c = unescape(m_text.at(++m_pos));
            token->text += c;
        }
        return errorHere(QStringLiteral("The string starting here is not terminated."), *token);
    }

    static QChar unescape(QChar c)
    {
        switch (c.unicode()) {
        case 'n':
            return QLatin1Char('\n');
        case 't':
            return QLatin1Char('\t');
        case 'r':
            return QLatin1Char('\r');
        case 'b':
            return QLatin1Char('\b');
        case 'f':
            return QLatin1Char('\f');
        default:
            return c;
        }
    }

    const QString &m_text;
    QVector<ClassAdToken> m_tokens;
    int m_pos = 0;
    int m_line = 1;
    int m_lineStart = 0;
};

} // namespace

Result<QVector<ClassAdToken>> ClassAdLexer::tokenize(const QString &text)
{
    return Lexer(text).run();
}

} // namespace Core
