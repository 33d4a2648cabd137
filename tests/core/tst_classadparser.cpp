// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/classadlexer.h"
#include "core/classadparser.h"

using namespace Core;

/// Tests Core::ClassAdLexer and Core::ClassAdParser: precedence (shown by the fully
/// parenthesised unparse) and errors with positions.
class tst_ClassAdParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokens_data();
    void tokens();
    void parse_data();
    void parse();
    void errors_data();
    void errors();
    void deepNestingIsRefused();
    void referencedAttributes();
};

void tst_ClassAdParser::tokens_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("texts");
    QTest::addRow("meta operators are one token")
            << "a=?=b=!=c" << QStringList{"a", "=?=", "b", "=!=", "c"};
    QTest::addRow("two-character operators")
            << "<=>=!=&&||==" << QStringList{"<=", ">=", "!=", "&&", "||", "=="};
    QTest::addRow("real with exponent") << "1.5e3 2E-2 7" << QStringList{"1.5e3", "2E-2", "7"};
    QTest::addRow("string escapes") << "\"a\\\"b\\\\c\\nd\"" << QStringList{"a\"b\\c\nd"};
    QTest::addRow("scoped name") << "MY.x" << QStringList{"MY", ".", "x"};
    QTest::addRow("elvis is two tokens") << "a ?: b" << QStringList{"a", "?", ":", "b"};
}

void tst_ClassAdParser::tokens()
{
    QFETCH(QString, text);
    QFETCH(QStringList, texts);
    const auto tokens = ClassAdLexer::tokenize(text);
    QVERIFY(tokens);
    QStringList actual;
    for (const ClassAdToken &token : tokens.value()) {
        if (token.kind != ClassAdToken::Kind::End)
            actual.append(token.text);
    }
    QCOMPARE(actual, texts);
    QCOMPARE(tokens.value().constLast().kind, ClassAdToken::Kind::End);
}

void tst_ClassAdParser::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("unparsed");
    QTest::addRow("multiplication binds tighter") << "1 + 2 * 3"
                                                  << "(1 + (2 * 3))";
    QTest::addRow("left associativity") << "a - b - c"
                                        << "((a - b) - c)";
    QTest::addRow("comparison below arithmetic") << "a + 1 < b * 2"
                                                 << "((a + 1) < (b * 2))";
    QTest::addRow("equality below relational") << "a < b == c > d"
                                               << "((a < b) == (c > d))";
    QTest::addRow("AND below equality") << "a == 1 && b != 2"
                                        << "((a == 1) && (b != 2))";
    QTest::addRow("OR below AND") << "a || b && c"
                                  << "(a || (b && c))";
    QTest::addRow("ternary lowest") << "a || b ? c : d"
                                    << "((a || b) ? c : d)";
    QTest::addRow("ternary right-associative") << "a ? b : c ? d : e"
                                               << "(a ? b : (c ? d : e))";
    QTest::addRow("Elvis") << "a ?: b ?: 3"
                           << "(a ?: (b ?: 3))";
    QTest::addRow("unary binds tightest") << "-a * !b"
                                          << "(-a * !b)";
    QTest::addRow("double negation") << "!!a"
                                     << "!!a";
    QTest::addRow("is prints as meta equal") << "a is UNDEFINED"
                                             << "(a =?= UNDEFINED)";
    QTest::addRow("isnt prints as meta not equal") << "a ISNT b"
                                                   << "(a =!= b)";
    QTest::addRow("scopes") << "my.a + Target.b"
                            << "(MY.a + TARGET.b)";
    QTest::addRow("my as a plain name") << "my + 1"
                                        << "(my + 1)";
    QTest::addRow("function call") << "strcat(\"a\", b, 1.5)"
                                   << "strcat(\"a\", b, 1.5)";
    QTest::addRow("empty call and list") << "time() + size({})"
                                         << "(time() + size({ }))";
    QTest::addRow("list") << "{1, {2}}"
                          << "{ 1, { 2 } }";
    QTest::addRow("keywords") << "TRUE || false || Undefined || error"
                              << "(((true || false) || UNDEFINED) || ERROR)";
    QTest::addRow("string escapes unparse") << "\"a\\\"b\""
                                            << "\"a\\\"b\"";
    QTest::addRow("real") << "2.50"
                          << "2.5";
    QTest::addRow("whole real keeps a point") << "2e2"
                                              << "200.0";
}

void tst_ClassAdParser::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, unparsed);
    const auto expression = ClassAdParser::parse(text);
    QVERIFY2(expression, qPrintable(expression ? QString() : expression.error().toString()));
    QCOMPARE(expression.value()->toString(), unparsed);
    const auto again = ClassAdParser::parse(unparsed);
    QVERIFY(again);
    QCOMPARE(again.value()->toString(), unparsed);
}

void tst_ClassAdParser::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<qint64>("column");
    QTest::addRow("empty") << ""
                           << "Expected a value but found the end of the expression." << qint64(1)
                           << qint64(1);
    QTest::addRow("missing operand")
            << "1 +"
            << "Expected a value but found the end of the expression." << qint64(1) << qint64(4);
    QTest::addRow("unclosed parenthesis")
            << "(1 + 2"
            << "Expected ')' but found the end of the expression." << qint64(1) << qint64(7);
    QTest::addRow("trailing token")
            << "a b"
            << "Expected an operator or the end of the expression but found 'b'." << qint64(1)
            << qint64(3);
    QTest::addRow("ternary without colon")
            << "a ? b"
            << "Expected ':' but found the end of the expression." << qint64(1) << qint64(6);
    QTest::addRow("bad character on line 2")
            << "a &&\n  b # c"
            << "Unexpected character '#' in the expression." << qint64(2) << qint64(5);
    QTest::addRow("unterminated string")
            << "x == \"abc"
            << "The string starting here is not terminated." << qint64(1) << qint64(6);
    QTest::addRow("scope without name")
            << "MY.1"
            << "Expected an attribute name but found '1'." << qint64(1) << qint64(4);
    QTest::addRow("missing comma in call")
            << "f(1 2)"
            << "Expected ',' or ')' but found '2'." << qint64(1) << qint64(5);
    QTest::addRow("is as an operand")
            << "is == 1"
            << "Expected a value but found 'is'." << qint64(1) << qint64(1);
    QTest::addRow("single ampersand")
            << "a & b"
            << "Unexpected character '&' in the expression." << qint64(1) << qint64(3);
    QTest::addRow("integer too large")
            << "99999999999999999999"
            << "Number 99999999999999999999 is out of range." << qint64(1) << qint64(1);
}

void tst_ClassAdParser::errors()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QFETCH(qint64, line);
    QFETCH(qint64, column);
    const auto expression = ClassAdParser::parse(text);
    QVERIFY(!expression);
    QCOMPARE(expression.error().code, ErrorCode::ParseFailed);
    QCOMPARE(expression.error().message, message);
    QCOMPARE(expression.error().line, line);
    QCOMPARE(expression.error().column, column);
}

void tst_ClassAdParser::deepNestingIsRefused()
{
    const int depth = ClassAdParser::maxDepth + 5;
    const auto parenthesised
            = ClassAdParser::parse(QString(depth, '(') + "1" + QString(depth, ')'));
    QVERIFY(!parenthesised);
    QCOMPARE(parenthesised.error().code, ErrorCode::LimitExceeded);
    const auto negated = ClassAdParser::parse(QString(depth, '-') + "1");
    QVERIFY(!negated);
    QCOMPARE(negated.error().message, QString("The expression nests deeper than 200 levels."));
    QVERIFY(ClassAdParser::parse(QString(50, '(') + "1" + QString(50, ')')));
}

void tst_ClassAdParser::referencedAttributes()
{
    const auto expression
            = ClassAdParser::parse("MY.Memory >= TARGET.RequestMemory && memory > 0 && f(Owner)");
    QVERIFY(expression);
    QCOMPARE(expression.value()->referencedAttributes(),
             (QStringList{"memory", "owner", "requestmemory"}));
}

QTEST_GUILESS_MAIN(tst_ClassAdParser)
#include "tst_classadparser.moc"
