// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/classad.h"
#include "core/classadevaluator.h"
#include "core/classadparser.h"

using namespace Core;

/// Tests Core::ClassAdEvaluator against condor-matchmaking §1.2-§1.6, one row per table cell.
class tst_ClassAdEvaluator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void logicalTables_data();
    void logicalTables();
    void operators_data();
    void operators();
    void scoping_data();
    void scoping();
    void strictScoping();
    void functions_data();
    void functions();
    void matchAndRank_data();
    void matchAndRank();
};

// Evaluates @p text with MY = @p my and TARGET = @p target; "PARSE ERROR" if it does not parse.
static QString evaluate(const QString &text, const ClassAd *my = nullptr,
                        const ClassAd *target = nullptr)
{
    const auto expression = ClassAdParser::parse(text);
    if (!expression)
        return "PARSE ERROR: " + expression.error().message;
    ClassAdEvaluator evaluator(my, target);
    evaluator.setCurrentTime(1700000000);
    return evaluator.evaluate(*expression.value()).toString();
}

static ClassAd ad(const QString &text)
{
    const auto parsed = ClassAd::parse(text);
    if (!parsed)
        qWarning() << parsed.error().toString();
    return parsed.value();
}

void tst_ClassAdEvaluator::logicalTables_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("expected");
    QTest::addRow("TRUE && TRUE") << "TRUE && TRUE"
                                  << "true";
    QTest::addRow("TRUE && FALSE") << "TRUE && FALSE"
                                   << "false";
    QTest::addRow("TRUE && UNDEFINED") << "TRUE && UNDEFINED"
                                       << "UNDEFINED";
    QTest::addRow("TRUE && ERROR") << "TRUE && ERROR"
                                   << "ERROR";
    QTest::addRow("FALSE && TRUE") << "FALSE && TRUE"
                                   << "false";
    QTest::addRow("FALSE && FALSE") << "FALSE && FALSE"
                                    << "false";
    QTest::addRow("FALSE && UNDEFINED") << "FALSE && UNDEFINED"
                                        << "false";
    QTest::addRow("FALSE && ERROR") << "FALSE && ERROR"
                                    << "false";
    QTest::addRow("UNDEFINED && TRUE") << "UNDEFINED && TRUE"
                                       << "UNDEFINED";
    QTest::addRow("UNDEFINED && FALSE") << "UNDEFINED && FALSE"
                                        << "false";
    QTest::addRow("UNDEFINED && UNDEFINED") << "UNDEFINED && UNDEFINED"
                                            << "UNDEFINED";
    QTest::addRow("UNDEFINED && ERROR") << "UNDEFINED && ERROR"
                                        << "ERROR";
    QTest::addRow("ERROR && TRUE") << "ERROR && TRUE"
                                   << "ERROR";
    QTest::addRow("ERROR && FALSE") << "ERROR && FALSE"
                                    << "ERROR";
    QTest::addRow("ERROR && UNDEFINED") << "ERROR && UNDEFINED"
                                        << "ERROR";
    QTest::addRow("ERROR && ERROR") << "ERROR && ERROR"
                                    << "ERROR";
    QTest::addRow("TRUE || TRUE") << "TRUE || TRUE"
                                  << "true";
    QTest::addRow("TRUE || FALSE") << "TRUE || FALSE"
                                   << "true";
    QTest::addRow("TRUE || UNDEFINED") << "TRUE || UNDEFINED"
                                       << "true";
    QTest::addRow("TRUE || ERROR") << "TRUE || ERROR"
                                   << "true";
    QTest::addRow("FALSE || TRUE") << "FALSE || TRUE"
                                   << "true";
    QTest::addRow("FALSE || FALSE") << "FALSE || FALSE"
                                    << "false";
    QTest::addRow("FALSE || UNDEFINED") << "FALSE || UNDEFINED"
                                        << "UNDEFINED";
    QTest::addRow("FALSE || ERROR") << "FALSE || ERROR"
                                    << "ERROR";
    QTest::addRow("UNDEFINED || TRUE") << "UNDEFINED || TRUE"
                                       << "true";
    QTest::addRow("UNDEFINED || FALSE") << "UNDEFINED || FALSE"
                                        << "UNDEFINED";
    QTest::addRow("UNDEFINED || UNDEFINED") << "UNDEFINED || UNDEFINED"
                                            << "UNDEFINED";
    QTest::addRow("UNDEFINED || ERROR") << "UNDEFINED || ERROR"
                                        << "ERROR";
    QTest::addRow("ERROR || TRUE") << "ERROR || TRUE"
                                   << "ERROR";
    QTest::addRow("ERROR || FALSE") << "ERROR || FALSE"
                                    << "ERROR";
    QTest::addRow("ERROR || UNDEFINED") << "ERROR || UNDEFINED"
                                        << "ERROR";
    QTest::addRow("ERROR || ERROR") << "ERROR || ERROR"
                                    << "ERROR";
    QTest::addRow("NOT TRUE") << "!TRUE"
                              << "false";
    QTest::addRow("NOT FALSE") << "!FALSE"
                               << "true";
    QTest::addRow("NOT UNDEFINED") << "!UNDEFINED"
                                   << "UNDEFINED";
    QTest::addRow("NOT ERROR") << "!ERROR"
                               << "ERROR";
    QTest::addRow("NOT zero") << "!0"
                              << "true";
    QTest::addRow("NOT string") << "!\"x\""
                                << "ERROR";
    QTest::addRow("numbers are boolean-equivalent") << "1 && 2.5"
                                                    << "true";
    QTest::addRow("zero real is false") << "true && 0.0"
                                        << "false";
    QTest::addRow("string right of TRUE") << "TRUE && \"foobar\""
                                          << "ERROR";
    QTest::addRow("string left of AND") << "\"foobar\" && FALSE"
                                        << "ERROR";
    QTest::addRow("FALSE short-circuits a string") << "FALSE && \"foobar\""
                                                   << "false";
    QTest::addRow("UNDEFINED and string") << "UNDEFINED && \"foobar\""
                                          << "ERROR";
    QTest::addRow("TRUE short-circuits OR") << "TRUE || \"foobar\""
                                            << "true";
    QTest::addRow("manual asymmetry AND") << "UNDEFINED && FALSE"
                                          << "false";
    QTest::addRow("manual asymmetry OR") << "UNDEFINED || FALSE"
                                         << "UNDEFINED";
}

void tst_ClassAdEvaluator::logicalTables()
{
    QFETCH(QString, expression);
    QFETCH(QString, expected);
    QCOMPARE(evaluate(expression), expected);
}

void tst_ClassAdEvaluator::operators_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("expected");
    QTest::addRow("integer addition") << "1 + 2"
                                      << "3";
    QTest::addRow("precedence") << "1 + 2 * 3"
                                << "7";
    QTest::addRow("parentheses") << "(1 + 2) * 3"
                                 << "9";
    QTest::addRow("left associative") << "10 - 4 - 3"
                                      << "3";
    QTest::addRow("promotion to real") << "1 + 0.5"
                                       << "1.5";
    QTest::addRow("integer division truncates") << "7 / 2"
                                                << "3";
    QTest::addRow("negative integer division") << "-7 / 2"
                                               << "-3";
    QTest::addRow("real division") << "7.0 / 2"
                                   << "3.5";
    QTest::addRow("division by zero") << "1 / 0"
                                      << "ERROR";
    QTest::addRow("real division by zero") << "1.0 / 0"
                                           << "ERROR";
    QTest::addRow("modulo") << "7 % 3"
                            << "1";
    QTest::addRow("modulo by zero") << "7 % 0"
                                    << "ERROR";
    QTest::addRow("booleans count 1/0") << "(1 == 1) + (1 == 2) * 10"
                                        << "1";
    QTest::addRow("number times string") << "10 * \"A string\""
                                         << "ERROR";
    QTest::addRow("arithmetic with UNDEFINED") << "UNDEFINED + 1"
                                               << "UNDEFINED";
    QTest::addRow("arithmetic ERROR wins") << "UNDEFINED + ERROR"
                                           << "ERROR";
    QTest::addRow("arithmetic string and UNDEFINED") << "\"a\" + UNDEFINED"
                                                     << "UNDEFINED";
    QTest::addRow("unary minus") << "-(2 + 3)"
                                 << "-5";
    QTest::addRow("unary plus") << "+4"
                                << "4";
    QTest::addRow("unary minus of string") << "-\"a\""
                                           << "ERROR";
    QTest::addRow("unary minus of UNDEFINED") << "-UNDEFINED"
                                              << "UNDEFINED";
    QTest::addRow("integer overflow wraps") << "9223372036854775807 + 1"
                                            << "-9223372036854775808";
    QTest::addRow("less") << "1 < 2"
                          << "true";
    QTest::addRow("less or equal") << "2 <= 2"
                                   << "true";
    QTest::addRow("greater") << "1 > 2"
                             << "false";
    QTest::addRow("greater or equal real") << "2.5 >= 2"
                                           << "true";
    QTest::addRow("equal promotes") << "1 == 1.0"
                                    << "true";
    QTest::addRow("not equal") << "1 != 2"
                               << "true";
    QTest::addRow("string equality ignores case") << "\"ABC\" == \"abc\""
                                                  << "true";
    QTest::addRow("string order ignores case") << "\"abc\" < \"ABD\""
                                               << "true";
    QTest::addRow("string against number") << "\"10\" == 10"
                                           << "ERROR";
    QTest::addRow("comparison with UNDEFINED") << "UNDEFINED == 1"
                                               << "UNDEFINED";
    QTest::addRow("comparison with ERROR") << "ERROR < UNDEFINED"
                                           << "ERROR";
    QTest::addRow("boolean equals integer") << "true == 1"
                                            << "true";
    QTest::addRow("meta equal number and UNDEFINED") << "10 =?= UNDEFINED"
                                                     << "false";
    QTest::addRow("meta equal UNDEFINED") << "UNDEFINED =?= UNDEFINED"
                                          << "true";
    QTest::addRow("meta equal ERROR") << "ERROR =?= ERROR"
                                      << "true";
    QTest::addRow("meta equal is case-sensitive") << "\"ABC\" =?= \"abc\""
                                                  << "false";
    QTest::addRow("meta equal same string") << "\"abc\" =?= \"abc\""
                                            << "true";
    QTest::addRow("meta equal different types") << "10 =?= \"ABC\""
                                                << "false";
    QTest::addRow("meta equal integer and real") << "1 =?= 1.0"
                                                 << "false";
    QTest::addRow("meta not equal") << "10 =!= UNDEFINED"
                                    << "true";
    QTest::addRow("is keyword") << "UNDEFINED is undefined"
                                << "true";
    QTest::addRow("isnt keyword") << "1 ISNT 1"
                                  << "false";
    QTest::addRow("ternary true") << "1 < 2 ? \"yes\" : \"no\""
                                  << "\"yes\"";
    QTest::addRow("ternary false") << "0 ? \"yes\" : \"no\""
                                   << "\"no\"";
    QTest::addRow("ternary UNDEFINED") << "UNDEFINED ? 1 : 2"
                                       << "UNDEFINED";
    QTest::addRow("ternary ERROR") << "ERROR ? 1 : 2"
                                   << "ERROR";
    QTest::addRow("ternary string selector") << "\"x\" ? 1 : 2"
                                             << "ERROR";
    QTest::addRow("ternary evaluates only the chosen branch") << "true ? 1 : 1/0"
                                                              << "1";
    QTest::addRow("ternary is right-associative") << "false ? 1 : true ? 2 : 3"
                                                  << "2";
    QTest::addRow("Elvis keeps a value") << "5 ?: 1024"
                                         << "5";
    QTest::addRow("Elvis replaces UNDEFINED") << "UNDEFINED ?: 1024"
                                              << "1024";
    QTest::addRow("Elvis keeps ERROR") << "ERROR ?: 1024"
                                       << "ERROR";
    QTest::addRow("Elvis keeps FALSE") << "false ?: 1"
                                       << "false";
    QTest::addRow("list literal") << "{ 1, \"a\", 1 + 1 }"
                                  << "{ 1, \"a\", 2 }";
    QTest::addRow("list in arithmetic") << "{ 1 } + 1"
                                        << "ERROR";
    QTest::addRow("keywords ignore case") << "True && tRUE"
                                          << "true";
    QTest::addRow("CurrentTime") << "CurrentTime"
                                 << "1700000000";
}

void tst_ClassAdEvaluator::operators()
{
    QFETCH(QString, expression);
    QFETCH(QString, expected);
    QCOMPARE(evaluate(expression), expected);
}

void tst_ClassAdEvaluator::scoping_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("expected");
    QTest::addRow("unscoped from MY") << "Memory"
                                      << "1024";
    QTest::addRow("names ignore case") << "mEmOrY"
                                       << "1024";
    QTest::addRow("unscoped falls back to TARGET") << "Owner"
                                                   << "\"alice\"";
    QTest::addRow("unscoped missing") << "Nope"
                                      << "UNDEFINED";
    QTest::addRow("MY scope") << "MY.Memory"
                              << "1024";
    QTest::addRow("TARGET scope") << "TARGET.Memory"
                                  << "4096";
    QTest::addRow("scope keywords ignore case") << "target.memory - my.MEMORY"
                                                << "3072";
    QTest::addRow("MY missing") << "MY.Owner"
                                << "UNDEFINED";
    QTest::addRow("TARGET missing") << "TARGET.Nope"
                                    << "UNDEFINED";
    QTest::addRow("expression attribute") << "Double"
                                          << "2048";
    QTest::addRow("TARGET attribute evaluated in its own ad") << "TARGET.Double"
                                                              << "8192";
    QTest::addRow("TARGET attribute sees the first ad as TARGET") << "TARGET.Other"
                                                                  << "1024";
    QTest::addRow("self cycle is ERROR") << "Loop"
                                         << "ERROR";
    QTest::addRow("two-step cycle is ERROR") << "Ping"
                                             << "ERROR";
    QTest::addRow("cycle in a branch not taken") << "false ? Loop : 1"
                                                 << "1";
    QTest::addRow("presence idiom") << "Nope =?= UNDEFINED"
                                    << "true";
    QTest::addRow("missing treated as false") << "IsDesktop =!= True"
                                              << "true";
}

void tst_ClassAdEvaluator::scoping()
{
    QFETCH(QString, expression);
    QFETCH(QString, expected);
    const ClassAd job = ad("Memory = 1024\nDouble = Memory * 2\nLoop = Loop + 1\n"
                           "Ping = Pong\nPong = Ping\n");
    const ClassAd machine = ad("Memory = 4096\nDouble = MY.Memory * 2\nOwner = \"alice\"\n"
                               "Other = TARGET.Memory\n");
    QCOMPARE(evaluate(expression, &job, &machine), expected);
}

void tst_ClassAdEvaluator::strictScoping()
{
    const ClassAd job = ad("Memory = 1024");
    const ClassAd machine = ad("Owner = \"alice\"");
    const auto expression = ClassAdParser::parse("Owner");
    QVERIFY(expression);
    ClassAdEvaluator evaluator(&job, &machine);
    QCOMPARE(evaluator.evaluate(*expression.value()).toString(), QString("\"alice\""));
    evaluator.setScoping(ClassAdEvaluator::Scoping::Strict);
    QCOMPARE(evaluator.evaluate(*expression.value()).toString(), QString("UNDEFINED"));
    QCOMPARE(evaluator.evaluateAttribute("memory").toString(), QString("1024"));
    QCOMPARE(ClassAdEvaluator().evaluate(*expression.value()).toString(), QString("UNDEFINED"));
}

void tst_ClassAdEvaluator::functions_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("expected");
    QTest::addRow("ifThenElse true") << "ifThenElse(true, 1, 2)"
                                     << "1";
    QTest::addRow("ifThenElse zero real") << "ifThenElse(0.0, 1, 2)"
                                          << "2";
    QTest::addRow("ifThenElse non-zero real") << "ifThenElse(0.5, 1, 2)"
                                              << "1";
    QTest::addRow("ifThenElse UNDEFINED") << "ifThenElse(UNDEFINED, 1, 2)"
                                          << "UNDEFINED";
    QTest::addRow("ifThenElse ERROR") << "ifThenElse(ERROR, 1, 2)"
                                      << "ERROR";
    QTest::addRow("ifThenElse string") << "ifThenElse(\"x\", 1, 2)"
                                       << "ERROR";
    QTest::addRow("ifThenElse is lazy") << "ifThenElse(false, 1/0, 2)"
                                        << "2";
    QTest::addRow("ifThenElse arity") << "ifThenElse(true, 1)"
                                      << "ERROR";
    QTest::addRow("function names ignore case") << "IFTHENELSE(true, 1, 2)"
                                                << "1";
    QTest::addRow("unknown function") << "noSuchFunction(1)"
                                      << "ERROR";
    QTest::addRow("isUndefined") << "isUndefined(Nope)"
                                 << "true";
    QTest::addRow("isUndefined of a value") << "isUndefined(1)"
                                            << "false";
    QTest::addRow("isError") << "isError(1/0)"
                             << "true";
    QTest::addRow("isError of UNDEFINED") << "isError(UNDEFINED)"
                                          << "false";
    QTest::addRow("isString") << "isString(\"a\")"
                              << "true";
    QTest::addRow("isInteger of real") << "isInteger(1.0)"
                                       << "false";
    QTest::addRow("isReal") << "isReal(1.0)"
                            << "true";
    QTest::addRow("isBoolean") << "isBoolean(1 < 2)"
                               << "true";
    QTest::addRow("isList") << "isList({})"
                            << "true";
    QTest::addRow("member ignores case") << "member(\"QT5\", {\"gcc\", \"qt5\"})"
                                         << "true";
    QTest::addRow("member absent") << "member(3, {1, 2})"
                                   << "false";
    QTest::addRow("member promotes numbers") << "member(2.0, {1, 2})"
                                             << "true";
    QTest::addRow("member of a non-list") << "member(1, 1)"
                                          << "ERROR";
    QTest::addRow("member of a list item") << "member({1}, {1})"
                                           << "ERROR";
    QTest::addRow("member UNDEFINED") << "member(UNDEFINED, {1})"
                                      << "UNDEFINED";
    QTest::addRow("identicalMember is case-sensitive") << "identicalMember(\"QT5\", {\"qt5\"})"
                                                       << "false";
    QTest::addRow("identicalMember exact") << "identicalMember(2, {1, 2})"
                                           << "true";
    QTest::addRow("stringListMember") << "stringListMember(\"qt5\", \"gcc, qt5 cmake\")"
                                      << "true";
    QTest::addRow("stringListMember is case-sensitive") << "stringListMember(\"QT5\", \"gcc,qt5\")"
                                                        << "false";
    QTest::addRow("stringListMember delimiters") << "stringListMember(\"b\", \"a;b\", \";\")"
                                                 << "true";
    QTest::addRow("stringListMember UNDEFINED compares false")
            << "stringListMember(UNDEFINED, \"a\")"
            << "false";
    QTest::addRow("stringListMember non-string") << "stringListMember(1, \"1\")"
                                                 << "ERROR";
    QTest::addRow("stringListIMember") << "stringListIMember(\"QT5\", \"gcc,qt5\")"
                                       << "true";
    QTest::addRow("subset match") << "stringListSubsetMatch(\"a,b\", \"b, c, a\")"
                                  << "true";
    QTest::addRow("subset mismatch") << "stringListSubsetMatch(\"a,d\", \"b, c, a\")"
                                     << "false";
    QTest::addRow("subset empty first") << "stringListSubsetMatch(\"\", UNDEFINED)"
                                        << "true";
    QTest::addRow("subset UNDEFINED first") << "stringListSubsetMatch(UNDEFINED, \"a\")"
                                            << "true";
    QTest::addRow("subset UNDEFINED second") << "stringListSubsetMatch(\"a\", UNDEFINED)"
                                             << "false";
    QTest::addRow("subset both UNDEFINED") << "stringListSubsetMatch(UNDEFINED, UNDEFINED)"
                                           << "UNDEFINED";
    QTest::addRow("regexp search") << "regexp(\"^lin\", \"linux\")"
                                   << "true";
    QTest::addRow("regexp case") << "regexp(\"^LIN\", \"linux\")"
                                 << "false";
    QTest::addRow("regexp i option") << "regexp(\"^LIN\", \"linux\", \"i\")"
                                     << "true";
    QTest::addRow("regexp bad pattern") << "regexp(\"(\", \"x\")"
                                        << "ERROR";
    QTest::addRow("regexp non-string") << "regexp(\"1\", 1)"
                                       << "ERROR";
    QTest::addRow("strcat") << "strcat(\"a\", 1, 2.5, true)"
                            << "\"a12.5true\"";
    QTest::addRow("strcat UNDEFINED") << "strcat(\"a\", UNDEFINED)"
                                      << "ERROR";
    QTest::addRow("toLower") << "toLower(\"LiNuX\")"
                             << "\"linux\"";
    QTest::addRow("toUpper") << "toUpper(\"x86_64\")"
                             << "\"X86_64\"";
    QTest::addRow("toLower UNDEFINED") << "toLower(UNDEFINED)"
                                       << "UNDEFINED";
    QTest::addRow("size of string") << "size(\"abc\")"
                                    << "3";
    QTest::addRow("size of list") << "size({1, 2})"
                                  << "2";
    QTest::addRow("size of number") << "size(1)"
                                    << "ERROR";
    QTest::addRow("int of real") << "int(3.7)"
                                 << "3";
    QTest::addRow("int of string") << "int(\"42\")"
                                   << "42";
    QTest::addRow("int of bad string") << "int(\"x\")"
                                       << "ERROR";
    QTest::addRow("int of boolean") << "int(true)"
                                    << "1";
    QTest::addRow("real of integer") << "real(2)"
                                     << "2.0";
    QTest::addRow("real of string") << "real(\"2.5\")"
                                    << "2.5";
    QTest::addRow("versioncmp numeric runs") << "versioncmp(\"5.15.2\", \"5.9\")"
                                             << "1";
    QTest::addRow("versioncmp equal") << "versioncmp(\"1.02\", \"1.2\")"
                                      << "0";
    QTest::addRow("versioncmp less") << "versioncmp(\"1.2\", \"1.2.1\")"
                                     << "-1";
    QTest::addRow("versionGE") << "versionGE(\"5.15.8\", \"5.15\")"
                               << "true";
    QTest::addRow("versionLT") << "versionLT(\"5.15.8\", \"5.15\")"
                               << "false";
    QTest::addRow("version UNDEFINED") << "versionGE(UNDEFINED, \"1\")"
                                       << "UNDEFINED";
    QTest::addRow("version non-string") << "versionGE(5, \"1\")"
                                        << "ERROR";
    QTest::addRow("time") << "time()"
                          << "1700000000";
    QTest::addRow("time arity") << "time(1)"
                                << "ERROR";
}

void tst_ClassAdEvaluator::functions()
{
    QFETCH(QString, expression);
    QFETCH(QString, expected);
    QCOMPARE(evaluate(expression), expected);
}

void tst_ClassAdEvaluator::matchAndRank_data()
{
    QTest::addColumn<QString>("job");
    QTest::addColumn<QString>("machine");
    QTest::addColumn<bool>("matches");
    QTest::addColumn<double>("jobRank");
    const QString machine = "OpSys = \"LINUX\"\nMemory = 4096\nPackages = \"gcc, qt5\"\n"
                            "KFlops = 1500\nRequirements = TARGET.Owner == \"ci\"\n";
    const QString job = "Owner = \"ci\"\nRequirements = OpSys == \"linux\" && Memory >= 2048 && "
                        "stringListMember(\"qt5\", Packages)\nRank = KFlops\n";
    QTest::addRow("both requirements hold") << job << machine << true << 1500.0;
    QString other = job;
    other.replace("Owner = \"ci\"", "Owner = \"bob\"");
    QTest::addRow("machine refuses") << other << machine << false << 1500.0;
    QTest::addRow("job refuses") << QString(job).replace("2048", "8192") << machine << false
                                 << 1500.0;
    QTest::addRow("missing Requirements never matches")
            << "Owner = \"ci\"" << machine << false << 0.0;
    QTest::addRow("UNDEFINED requirement is no match")
            << "Owner = \"ci\"\nRequirements = Nope > 1" << machine << false << 0.0;
    QTest::addRow("number counts as true")
            << "Owner = \"ci\"\nRequirements = 1\nRank = true" << machine << true << 1.0;
    QTest::addRow("string rank counts 0")
            << "Owner = \"ci\"\nRequirements = true\nRank = \"high\"" << machine << true << 0.0;
}

void tst_ClassAdEvaluator::matchAndRank()
{
    QFETCH(QString, job);
    QFETCH(QString, machine);
    QFETCH(bool, matches);
    QFETCH(double, jobRank);
    const ClassAd jobAd = ad(job);
    const ClassAd machineAd = ad(machine);
    QCOMPARE(ClassAdEvaluator::matches(jobAd, machineAd), matches);
    QCOMPARE(ClassAdEvaluator::matches(machineAd, jobAd), matches);
    QCOMPARE(ClassAdEvaluator::rank(jobAd, machineAd), jobRank);
}

QTEST_GUILESS_MAIN(tst_ClassAdEvaluator)
#include "tst_classadevaluator.moc"
