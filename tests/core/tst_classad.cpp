// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/classad.h"
#include "core/classadevaluator.h"

using namespace Core;

/// Tests Core::ClassAd: both serialisations, case-insensitive names, errors with positions.
class tst_ClassAd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void errors_data();
    void errors();
    void insertAndRemove();
};

void tst_ClassAd::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("written");
    QTest::addRow("old syntax") << "# machine\nOpSys = \"LINUX\"\n\nMemory = 1024 * 4\n"
                                << "OpSys = \"LINUX\"\nMemory = (1024 * 4)\n";
    QTest::addRow("meta operators in old syntax") << "Req = X =?= UNDEFINED"
                                                  << "Req = (X =?= UNDEFINED)\n";
    QTest::addRow("later assignment replaces") << "a = 1\nA = 2"
                                               << "a = 2\n";
    QTest::addRow("new syntax") << "[ OpSys = \"LINUX\"; Memory = 4096; ]"
                                << "OpSys = \"LINUX\"\nMemory = 4096\n";
    QTest::addRow("new syntax without final separator") << "[a = 1; b = a + 1]"
                                                        << "a = 1\nb = (a + 1)\n";
    QTest::addRow("empty new syntax") << "[]"
                                      << "";
    QTest::addRow("empty text") << ""
                                << "";
}

void tst_ClassAd::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, written);
    const auto ad = ClassAd::parse(text);
    QVERIFY2(ad, qPrintable(ad ? QString() : ad.error().toString()));
    QCOMPARE(ad.value().toString(), written);
    const auto again = ClassAd::parse(written);
    QVERIFY(again);
    QCOMPARE(again.value().toString(), written);
}

void tst_ClassAd::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<qint64>("column");
    QTest::addRow("missing equals sign") << "a = 1\nb 2"
                                         << "Expected '=' but found '2'." << qint64(2) << qint64(3);
    QTest::addRow("no name") << "= 1"
                             << "Expected an attribute name but found '='." << qint64(1)
                             << qint64(1);
    QTest::addRow("bad expression on line 3")
            << "a = 1\n\nb = (1 +"
            << "Expected a value but found the end of the expression." << qint64(3) << qint64(9);
    QTest::addRow("lexer error keeps its line")
            << "a = 1\nb = $"
            << "Unexpected character '$' in the expression." << qint64(2) << qint64(5);
    QTest::addRow("new syntax missing separator")
            << "[a = 1 b = 2]"
            << "Expected ';' or ']' but found 'b'." << qint64(1) << qint64(8);
    QTest::addRow("new syntax unclosed")
            << "[a = 1;"
            << "Expected an attribute name or ']' but found the end of the expression." << qint64(1)
            << qint64(8);
    QTest::addRow("text after the new syntax")
            << "[a = 1] x"
            << "Expected the end of the ClassAd but found 'x'." << qint64(1) << qint64(9);
}

void tst_ClassAd::errors()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QFETCH(qint64, line);
    QFETCH(qint64, column);
    const auto ad = ClassAd::parse(text);
    QVERIFY(!ad);
    QCOMPARE(ad.error().message, message);
    QCOMPARE(ad.error().line, line);
    QCOMPARE(ad.error().column, column);
}

void tst_ClassAd::insertAndRemove()
{
    ClassAd ad;
    QVERIFY(ad.insert("Memory", "1024"));
    QVERIFY(!ad.insert("Bad", "1 +"));
    ad.insertValue("Owner", ClassAdValue::string("ci"));
    QVERIFY(ad.contains("MEMORY"));
    QCOMPARE(ad.attributeNames(), (QStringList{"Memory", "Owner"}));
    QCOMPARE(ClassAdEvaluator(&ad).evaluateAttribute("owner").toString(), QString("\"ci\""));
    QVERIFY(ad.remove("memory"));
    QVERIFY(!ad.remove("memory"));
    QVERIFY(!ad.lookup("Memory"));
    QCOMPARE(ad.size(), 1);
    QCOMPARE(ClassAdEvaluator(&ad).evaluateAttribute("OWNER").toString(), QString("\"ci\""));
}

QTEST_GUILESS_MAIN(tst_ClassAd)
#include "tst_classad.moc"
