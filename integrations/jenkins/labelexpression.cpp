// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrations/jenkins/labelexpression.h"

namespace Jenkins {

namespace {

bool isAtomChar(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_')
            || c == QLatin1Char('.') || c == QLatin1Char('-');
}

/// Undoes regex escapes of punctuation (`\.` → `.`); empty when the text holds any regex
/// operator, so the result is exactly the literal the pattern matches.
QString unescapeLiteral(const QString &text)
{
    QString out;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\')) {
            if (i + 1 >= text.size() || text.at(i + 1).isLetterOrNumber())
                return QString();
            out += text.at(++i);
        } else if (c == QLatin1Char('.') || !isAtomChar(c)) {
            return QString();
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

QString LabelExpression::atom(const QString &property, const QString &value)
{
    const QString text = property + QLatin1Char('-') + value;
    if (property.isEmpty() || value.isEmpty())
        return QString();
    for (const QChar c : text) {
        if (!isAtomChar(c))
            return QString();
    }
    return text;
}

QStringList LabelExpression::literalAlternatives(const QString &pattern, bool *anchoredAtEnd)
{
    QString body = pattern;
    if (body.startsWith(QLatin1Char('^')))
        body.remove(0, 1);
    *anchoredAtEnd = body.endsWith(QLatin1Char('$')) && !body.endsWith(QLatin1String("\\$"));
    if (*anchoredAtEnd)
        body.chop(1);
    const bool grouped = body.startsWith(QLatin1Char('(')) && body.endsWith(QLatin1Char(')'));
    if (grouped)
        body = body.mid(1, body.size() - 2);
    else if (body.contains(QLatin1Char('|')))
        return {}; // `a|b$` anchors only one alternative: leave it to the node check
    QStringList literals;
    for (const QString &alternative : body.split(QLatin1Char('|'))) {
        const QString literal = unescapeLiteral(alternative);
        if (literal.isEmpty())
            return {};
        literals += literal;
    }
    return literals;
}

LabelMapping LabelExpression::fromRules(const QVector<LabelRule> &rules)
{
    LabelMapping mapping;
    QStringList terms;
    for (const LabelRule &rule : rules) {
        bool exact = false;
        QStringList atoms;
        for (const QString &literal : literalAlternatives(rule.pattern, &exact)) {
            const QString text = atom(rule.property, literal);
            if (text.isEmpty()) {
                atoms.clear();
                break;
            }
            atoms += text;
        }
        if (atoms.isEmpty()) {
            mapping.unexpressed += rule;
            continue;
        }
        terms += atoms.size() == 1
                ? atoms.first()
                : QLatin1Char('(') + atoms.join(QLatin1String(" || ")) + QLatin1Char(')');
        if (!exact) {
            mapping.notes += QStringLiteral("Rule %1 ~ %2 matches by prefix in Bitten; the label "
                                            "matches the exact value.")
                                     .arg(rule.property, rule.pattern);
        }
    }
    mapping.expression = terms.join(QLatin1String(" && "));
    return mapping;
}

} // namespace Jenkins
