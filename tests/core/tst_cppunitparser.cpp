// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/cppunitparser.h"
#include "tests/core/parsertest.h"
#include "tests/testlib/testdata.h"

class tst_CppUnitParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
};

static const QString noSrcdir = QStringLiteral("<none>");

void tst_CppUnitParser::parse_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("readError");
    QTest::addColumn<QString>("srcdir");
    ParserTest::addExpectedColumns();

    const QByteArray sample
            = TestLib::readFile(TestLib::sharedPath("corpus/samples/input_cppunit_results.xml"));
    const QString failed = "type=test; fixture=HelloTest; name=secondTest; file=%1; line=95; "
                           "status=failure; traceback=assertion failed\n- Expression: 2 == 3\n";
    const QStringList passed = {"type=test; fixture=HelloTest; name=firstTest; status=success",
                                "type=test; fixture=HelloTest; name=thirdTest; status=success"};

    QTest::addRow("Bitten sample")
            << sample << QString() << noSrcdir << QString() << true
            << (QStringList{failed.arg("HelloTest.cxx")} + passed)
            << QStringList{"1 of 3 tests failed"} << QStringList() << QStringList();
    QTest::addRow("sample with srcdir")
            << sample << QString() << "src/test" << QString() << true
            << (QStringList{failed.arg("src/test/HelloTest.cxx")} + passed)
            << QStringList{"1 of 3 tests failed"} << QStringList() << QStringList();
    QTest::addRow("empty srcdir joins to nothing")
            << sample << QString() << "" << QString() << true
            << (QStringList{failed.arg("HelloTest.cxx")} + passed)
            << QStringList{"1 of 3 tests failed"} << QStringList() << QStringList();
    QTest::addRow("one failed test of one")
            << QByteArray("<TestRun><FailedTests><FailedTest><Name>Ns::Fx::t</Name>"
                          "<Message>one</Message><Message>two</Message>"
                          "<Location><File>/abs/a.cpp</File><File>b.cpp</File></Location>"
                          "</FailedTest></FailedTests></TestRun>")
            << QString() << "src" << QString() << true
            << QStringList{"type=test; fixture=Ns::Fx; name=t; file=/abs/a.cpp; status=failure; "
                           "traceback=two"}
            << QStringList{"1 of 1 test failed"} << QStringList() << QStringList();
    QTest::addRow("name without fixture, other groups ignored")
            << QByteArray("<r><Statistics><Tests>1</Tests></Statistics><SuccessfulTests>"
                          "<Other><Name>plain</Name></Other></SuccessfulTests></r>")
            << QString() << noSrcdir << QString() << true
            << QStringList{"type=test; name=plain; status=success"} << QStringList()
            << QStringList() << QStringList();
    QTest::addRow("no tests") << QByteArray("<TestRun/>") << QString() << noSrcdir << QString()
                              << true << QStringList() << QStringList() << QStringList()
                              << QStringList();
    QTest::addRow("missing file: local warning only")
            << QByteArray() << "No such file or directory: '/b/cppunit.xml'" << noSrcdir
            << QString() << false << QStringList() << QStringList()
            << QStringList{"Error opening CppUnit results file (No such file or directory: "
                           "'/b/cppunit.xml')"}
            << QStringList();
    QTest::addRow("malformed XML: local warning only")
            << QByteArray("<TestRun><FailedTests></TestRun>") << QString() << noSrcdir << QString()
            << false << QStringList() << QStringList()
            << QStringList{"Error parsing CppUnit results file (Opening and ending tag mismatch: "
                           "line 1, column 32)"}
            << QStringList();
    QTest::addRow("garbage text") << QByteArray("Segmentation fault\n") << QString() << noSrcdir
                                  << QString() << false << QStringList() << QStringList()
                                  << QStringList{"Error parsing CppUnit results file (Start tag "
                                                 "expected: line 1, column 1)"}
                                  << QStringList();
    QTest::addRow("NUL bytes") << QByteArray("<TestRun>\0</TestRun>", 21) << QString() << noSrcdir
                               << QString() << false << QStringList() << QStringList()
                               << QStringList{"Error parsing CppUnit results file (Unexpected "
                                              "'': line 1, column 10)"}
                               << QStringList();
    QTest::addRow("test without Name: internal error")
            << QByteArray("<TestRun><SuccessfulTests><Test id=\"1\"/></SuccessfulTests></TestRun>")
            << QString() << noSrcdir << "CppUnit test element Test has no Name." << false
            << QStringList() << QStringList() << QStringList() << QStringList();
}

void tst_CppUnitParser::parse()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, readError);
    QFETCH(QString, srcdir);
    Core::CppUnitParser::Options options;
    if (srcdir != noSrcdir)
        options.srcdir = srcdir;
    ParserTest::verify(Core::CppUnitParser::parse(ParserTest::input(data, readError), options),
                       "test");
}

QTEST_GUILESS_MAIN(tst_CppUnitParser)
#include "tst_cppunitparser.moc"
