// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/phpunitparser.h"
#include "tests/core/parsertest.h"
#include "tests/testlib/testdata.h"

class tst_PhpUnitParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
};

void tst_PhpUnitParser::parse_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("readError");
    ParserTest::addExpectedColumns();

    QTest::addRow("Bitten sample")
            << TestLib::readFile(TestLib::sharedPath("corpus/samples/input_phpunit_results.xml"))
            << QString() << QString() << true
            << QStringList{"type=test; fixture=FooTest; name=testBar; duration=0.122265; "
                           "status=failure; file=FooTest.php; traceback=\n      ...\n",
                           "type=test; fixture=FooTest; name=testBar2; duration=0.025132; "
                           "status=success; file=FooTest.php",
                           "type=test; fixture=BarTest; name=testFoo; duration=0.026046; "
                           "status=success; file=BarTest.php"}
            << QStringList{"1 of 3 tests failed"} << QStringList() << QStringList();
    QTest::addRow("nested suites inherit the file")
            << QByteArray("<testsuites><testsuite name=\"All\" tests=\"3\" failures=\"0\" "
                          "errors=\"1\"><testsuite name=\"Foo\" file=\"/b/tests/FooTest.php\">"
                          "<testcase name=\"a\" time=\"0.1\"/><testsuite name=\"Foo::b\">"
                          "<testcase name=\"b #0\" time=\"0.2\"><error type=\"E\">boom</error>"
                          "</testcase></testsuite></testsuite><testsuite name=\"Other\" "
                          "file=\"/elsewhere/OtherTest.php\"><testcase name=\"c\" time=\"0\"/>"
                          "</testsuite></testsuite></testsuites>")
            << QString() << QString() << true
            << QStringList{"type=test; fixture=Foo; name=a; duration=0.1; status=success; "
                           "file=tests/FooTest.php",
                           "type=test; fixture=Foo::b; name=b #0; duration=0.2; status=error; "
                           "file=tests/FooTest.php; traceback=boom",
                           "type=test; fixture=Other; name=c; duration=0; status=success; "
                           "file=/elsewhere/OtherTest.php"}
            << QStringList{"1 of 3 tests failed"} << QStringList() << QStringList();
    QTest::addRow("one failure of one, no file")
            << QByteArray(
                       "<testsuites><testsuite name=\"S\" tests=\"1\" failures=\"1\" errors=\"0\">"
                       "<testcase name=\"t\" time=\"1\"><failure>f</failure></testcase>"
                       "</testsuite></testsuites>")
            << QString() << QString() << true
            << QStringList{"type=test; fixture=S; name=t; duration=1; status=failure; traceback=f"}
            << QStringList{"1 of 1 test failed"} << QStringList() << QStringList();
    QTest::addRow("missing file: a log message")
            << QByteArray() << "No such file or directory: '/b/phpunit.xml'" << QString() << false
            << QStringList() << QStringList() << QStringList()
            << QStringList{"warning: Error opening PHPUnit results file (No such file or "
                           "directory: '/b/phpunit.xml')"};
    QTest::addRow("malformed XML: a log message")
            << QByteArray("<testsuites><testsuite name=\"a\">") << QString() << QString() << false
            << QStringList() << QStringList() << QStringList()
            << QStringList{"warning: Error parsing PHPUnit results file (Premature end of "
                           "document: line 1, column 32)"};
    QTest::addRow("garbage text") << QByteArray("PHPUnit 3.3 by Sebastian Bergmann.") << QString()
                                  << QString() << false << QStringList() << QStringList()
                                  << QStringList()
                                  << QStringList{"warning: Error parsing PHPUnit results file "
                                                 "(Start tag expected: line 1, column 1)"};
    QTest::addRow("NUL bytes") << QByteArray("\0<testsuites/>", 14) << QString() << QString()
                               << false << QStringList() << QStringList() << QStringList()
                               << QStringList{"warning: Error parsing PHPUnit results file "
                                              "(Premature end of document: line 1, column 7)"};
    QTest::addRow("test case without time: internal error")
            << QByteArray(
                       "<testsuites><testsuite name=\"S\" tests=\"1\" failures=\"0\" errors=\"0\">"
                       "<testcase name=\"t\"/></testsuite></testsuites>")
            << QString() << "PHPUnit element testcase has no time attribute." << false
            << QStringList() << QStringList() << QStringList() << QStringList();
    QTest::addRow("top-level suite without counts: internal error")
            << QByteArray("<testsuites><testsuite name=\"S\" tests=\"x\"/></testsuites>")
            << QString() << "PHPUnit attribute tests=\"x\" is not a number." << false
            << QStringList() << QStringList() << QStringList() << QStringList();
}

void tst_PhpUnitParser::parse()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, readError);
    QFETCH(QStringList, log);
    const auto result = Core::PhpUnitParser::parse(ParserTest::input(data, readError), "/b");
    ParserTest::verify(result, "test");
    if (result)
        QCOMPARE(result.value().hasLog, !log.isEmpty());
}

QTEST_GUILESS_MAIN(tst_PhpUnitParser)
#include "tst_phpunitparser.moc"
