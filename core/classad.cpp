// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/classad.h"

#include "core/classadparser.h"

namespace Core {

Result<ClassAd> ClassAd::parse(const QString &text)
{
    if (text.trimmed().startsWith(QLatin1Char('[')))
        return parseNew(text);
    return parseOld(text);
}

// One `Name = expr` per line; an expression ends with its line.
Result<ClassAd> ClassAd::parseOld(const QString &text)
{
    ClassAd ad;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        auto tokens = ClassAdLexer::tokenize(lines.at(i));
        if (!tokens) {
            Error error = tokens.error();
            error.line = i + 1;
            return error;
        }
        for (ClassAdToken &token : tokens.value())
            token.line = i + 1;
        ClassAdParser parser(tokens.value());
        if (parser.peek().kind != ClassAdToken::Kind::Identifier)
            return parser.unexpected(QStringLiteral("an attribute name"));
        const QString name = parser.next().text;
        if (parser.peek().kind != ClassAdToken::Kind::Assign)
            return parser.unexpected(QStringLiteral("'='"));
        parser.next();
        const auto expression = parser.parseExpression();
        if (!expression)
            return expression.error();
        if (parser.peek().kind != ClassAdToken::Kind::End)
            return parser.unexpected(QStringLiteral("an operator or the end of the line"));
        ad.insert(name, expression.value());
    }
    return ad;
}

// `[ name = expr; … ]`, the separator after the last attribute optional.
Result<ClassAd> ClassAd::parseNew(const QString &text)
{
    using Kind = ClassAdToken::Kind;
    const auto tokens = ClassAdLexer::tokenize(text);
    if (!tokens)
        return tokens.error();
    ClassAdParser parser(tokens.value());
    parser.next(); // '['
    ClassAd ad;
    while (parser.peek().kind != Kind::RightBracket) {
        if (parser.peek().kind != Kind::Identifier)
            return parser.unexpected(QStringLiteral("an attribute name or ']'"));
        const QString name = parser.next().text;
        if (parser.peek().kind != Kind::Assign)
            return parser.unexpected(QStringLiteral("'='"));
        parser.next();
        const auto expression = parser.parseExpression();
        if (!expression)
            return expression.error();
        ad.insert(name, expression.value());
        if (parser.peek().kind == Kind::Semicolon)
            parser.next();
        else if (parser.peek().kind != Kind::RightBracket)
            return parser.unexpected(QStringLiteral("';' or ']'"));
    }
    parser.next();
    if (parser.peek().kind != Kind::End)
        return parser.unexpected(QStringLiteral("the end of the ClassAd"));
    return ad;
}

void ClassAd::insert(const QString &name, const ClassAdExpressionPtr &expression)
{
    const QString key = name.toLower();
    const auto it = m_index.constFind(key);
    if (it != m_index.cend()) {
        m_entries[it.value()].expression = expression;
        return;
    }
    m_index.insert(key, m_entries.size());
    m_entries.append(Entry{name, expression});
}

Result<void> ClassAd::insert(const QString &name, const QString &expressionText)
{
    const auto expression = ClassAdParser::parse(expressionText);
    if (!expression)
        return expression.error();
    insert(name, expression.value());
    return {};
}

void ClassAd::insertValue(const QString &name, const ClassAdValue &value)
{
    auto literal = std::make_shared<ClassAdExpression>();
    literal->value = value;
    insert(name, literal);
}

bool ClassAd::remove(const QString &name)
{
    const auto it = m_index.constFind(name.toLower());
    if (it == m_index.cend())
        return false;
    m_entries.remove(it.value());
    m_index.clear();
    for (int i = 0; i < m_entries.size(); ++i)
        m_index.insert(m_entries.at(i).name.toLower(), i);
    return true;
}

ClassAdExpressionPtr ClassAd::lookup(const QString &name) const
{
    const auto it = m_index.constFind(name.toLower());
    return it == m_index.cend() ? nullptr : m_entries.at(it.value()).expression;
}

QStringList ClassAd::attributeNames() const
{
    QStringList names;
    for (const Entry &entry : m_entries)
        names.append(entry.name);
    return names;
}

QString ClassAd::toString() const
{
    QString text;
    for (const Entry &entry : m_entries)
        text += entry.name + QLatin1String(" = ") + entry.expression->toString()
                + QLatin1Char('\n');
    return text;
}

} // namespace Core
