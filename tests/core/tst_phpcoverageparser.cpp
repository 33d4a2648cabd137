// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/phpcoverageparser.h"
#include "tests/core/parsertest.h"
#include "tests/testlib/testdata.h"

class tst_PhpCoverageParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
};

void tst_PhpCoverageParser::parse_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("readError");
    ParserTest::addExpectedColumns();

    QByteArray clover = TestLib::readFile(
            TestLib::sharedPath("corpus/samples/input_phpunit_coverage_clover.xml"));
    clover.replace("%s", "/b"); // the sample's basedir placeholder

    QTest::addRow("Phing snapshot: float percentages")
            << TestLib::readFile(
                       TestLib::sharedPath("corpus/samples/input_phing_coverage_snapshot.xml"))
            << QString() << QString() << true
            << QStringList{"type=coverage; name=Foo; lines=7; percentage=42.8571428571; "
                           "file=xxxx/Foo.php",
                           "type=coverage; name=Foo2; lines=4; percentage=50.0; file=xxxx/Foo.php",
                           "type=coverage; name=Bar; lines=0; percentage=100; file=xxxx/Bar.php"}
            << QStringList() << QStringList() << QStringList();
    QTest::addRow("PHPUnit clover: one item per class")
            << clover << QString() << QString() << true
            << QStringList{"type=coverage; name=Foo; lines=2; percentage=100; "
                           "file=Foo/classes/Foo.php",
                           "type=coverage; name=All_Foo_Tests; lines=5; percentage=0; "
                           "file=Foo/tests/Foo/AllTests.php",
                           "type=coverage; name=AllTests; lines=6; percentage=0; "
                           "file=Foo/tests/AllTests.php",
                           "type=coverage; name=All_Bar_Tests; lines=6; percentage=0; "
                           "file=Foo/tests/Bar/AllTests.php",
                           "type=coverage; name=All_Bar_Nested_Tests; lines=6; percentage=0; "
                           "file=Foo/tests/Bar/Nested/AllTests.php",
                           "type=coverage; name=Bar; lines=2; percentage=100; "
                           "file=Foo/classes/Bar.php"}
            << QStringList() << QStringList() << QStringList();
    QTest::addRow("clover: truncation, shared file lines, outside basedir skipped")
            << QByteArray(
                       "<coverage><project><file name=\"/b/a.php\"><class name=\"A\"/>"
                       "<class name=\"B\"/><line type=\"stmt\" count=\"0\"/>"
                       "<line type=\"stmt\" count=\"2\"/><line type=\"stmt\" count=\"1\"/>"
                       "<line type=\"method\" count=\"0\"/></file><file name=\"/elsewhere/c.php\">"
                       "<class name=\"C\"/></file></project></coverage>")
            << QString() << QString() << true
            << QStringList{"type=coverage; name=A; lines=3; percentage=66; file=a.php",
                           "type=coverage; name=B; lines=3; percentage=66; file=a.php"}
            << QStringList() << QStringList() << QStringList();
    QTest::addRow("Phing: source file outside basedir stays absolute")
            << QByteArray("<snapshot><package><class name=\"X\" statementcount=\"3\" "
                          "statementscovered=\"1\"><sourcefile sourcefile=\"/src/X.php\"/></class>"
                          "<class name=\"Y\" statementcount=\"2.5\" statementscovered=\"2.5\">"
                          "<sourcefile/></class></package></snapshot>")
            << QString() << QString() << true
            << QStringList{"type=coverage; name=X; lines=3; percentage=33.3333333333; "
                           "file=/src/X.php",
                           "type=coverage; name=Y; lines=2; percentage=100.0"}
            << QStringList() << QStringList() << QStringList();
    QTest::addRow("missing file: a log message")
            << QByteArray() << "No such file or directory: '/b/coverage.xml'" << QString() << false
            << QStringList() << QStringList() << QStringList()
            << QStringList{"warning: Error opening coverage summary file (No such file or "
                           "directory: '/b/coverage.xml')"};
    QTest::addRow("malformed XML: a log message")
            << QByteArray("<snapshot><package></snapshot>") << QString() << QString() << false
            << QStringList() << QStringList() << QStringList()
            << QStringList{"warning: Error parsing coverage summary file (Opening and ending tag "
                           "mismatch: line 1, column 30)"};
    QTest::addRow("garbage text") << QByteArray("Code coverage: 42%\n") << QString() << QString()
                                  << false << QStringList() << QStringList() << QStringList()
                                  << QStringList{"warning: Error parsing coverage summary file "
                                                 "(Start tag expected: line 1, column 1)"};
    QTest::addRow("NUL bytes") << QByteArray("<snapshot>\0</snapshot>", 22) << QString()
                               << QString() << false << QStringList() << QStringList()
                               << QStringList()
                               << QStringList{"warning: Error parsing coverage summary file "
                                              "(Unexpected '': line 1, column 11)"};
    QTest::addRow("Phing class without counts: internal error")
            << QByteArray("<snapshot><package><class name=\"X\"><s/></class></package></snapshot>")
            << QString() << "Coverage element class has no statementcount attribute." << false
            << QStringList() << QStringList() << QStringList() << QStringList();
    QTest::addRow("Phing class without source element: internal error")
            << QByteArray("<snapshot><package><class name=\"X\" statementcount=\"1\" "
                          "statementscovered=\"1\"/></package></snapshot>")
            << QString() << "Phing coverage class X has no source file element." << false
            << QStringList() << QStringList() << QStringList() << QStringList();
    QTest::addRow("clover line without count: internal error")
            << QByteArray("<coverage><project><file name=\"a.php\"><class name=\"A\"/>"
                          "<line type=\"stmt\"/></file></project></coverage>")
            << QString() << "Clover line count \"\" is not a number." << false << QStringList()
            << QStringList() << QStringList() << QStringList();
}

void tst_PhpCoverageParser::parse()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, readError);
    ParserTest::verify(Core::PhpCoverageParser::parse(ParserTest::input(data, readError), "/b"),
                       "coverage");
}

QTEST_GUILESS_MAIN(tst_PhpCoverageParser)
#include "tst_phpcoverageparser.moc"
