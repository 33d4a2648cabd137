// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/cunitparser.h"
#include "tests/core/parsertest.h"
#include "tests/testlib/testdata.h"

class tst_CUnitParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
};

static QByteArray listing(const QByteArray &suites)
{
    return "<CUNIT_TEST_RUN_REPORT><CUNIT_RESULT_LISTING><CUNIT_RUN_SUITE>" + suites
            + "</CUNIT_RUN_SUITE></CUNIT_RESULT_LISTING></CUNIT_TEST_RUN_REPORT>";
}

void tst_CUnitParser::parse_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("readError");
    ParserTest::addExpectedColumns();

    const QString stars(48, '*');
    QTest::addRow("CUnit-Results.xml")
            << TestLib::readFile(TestLib::testDataPath("parsers/CUnit-Results.xml")) << QString()
            << QString() << true
            << QStringList{"type=test; fixture= Suite_1 ; name= test of fprintf() ; status=success",
                           "type=test; fixture= Suite_1 ; name= test of fread() ; status=failure"}
            << QStringList{"1 of 2 tests failed"} << QStringList()
            << QStringList{"info: " + stars + " [ Suite_1 ]",
                           "info: Running  test of fprintf() ...",
                           "info: Running  test of fread() ...",
                           "error:  basic.c (42):  10 == fread(buffer, sizeof(unsigned char), 20, "
                           "temp_file) ",
                           "info: " + stars + " [ Suite_2 ]"};
    QTest::addRow("one failure of one, long suite name, unknown nodes")
            << listing("<CUNIT_RUN_SUITE_SUCCESS><SUITE_NAME>" + QByteArray(60, 'S')
                       + "</SUITE_NAME><CUNIT_RUN_TEST_RECORD><CUNIT_RUN_TEST_OTHER/>"
                         "<CUNIT_RUN_TEST_FAILURE><TEST_NAME>t</TEST_NAME><FILE_NAME>a.c</"
                         "FILE_NAME>"
                         "<LINE_NUMBER>007</LINE_NUMBER><CONDITION>x</CONDITION>"
                         "</CUNIT_RUN_TEST_FAILURE></CUNIT_RUN_TEST_RECORD>"
                         "</CUNIT_RUN_SUITE_SUCCESS><CUNIT_RUN_SUITE_OTHER/>")
            << QString() << QString() << true
            << QStringList{"type=test; fixture=" + QString(60, 'S') + "; name=t; status=failure"}
            << QStringList{"1 of 1 test failed"} << QStringList()
            << QStringList{"info:  [" + QString(60, 'S') + "]", "info: Running t...",
                           "error: a.c(7): x", "warning: Unknown node: CUNIT_RUN_SUITE_OTHER"};
    QTest::addRow("banner width counts UTF-8 bytes, as Python 2 len()")
            << listing("<CUNIT_RUN_SUITE_SUCCESS><SUITE_NAME>S\xc3\xbcite</SUITE_NAME>"
                       "</CUNIT_RUN_SUITE_SUCCESS>")
            << QString() << QString() << true << QStringList() << QStringList() << QStringList()
            << QStringList{"info: " + QString(51, '*') + QString::fromUtf8(" [S\xc3\xbcite]")};
    QTest::addRow("no listing") << QByteArray("<CUNIT_TEST_RUN_REPORT/>") << QString() << QString()
                                << true << QStringList() << QStringList() << QStringList()
                                << QStringList();
    QTest::addRow("missing file: local warning only")
            << QByteArray() << "No such file or directory: 'CUnit-Results.xml'" << QString()
            << false << QStringList() << QStringList()
            << QStringList{"Error opening CUnit results file (No such file or directory: "
                           "'CUnit-Results.xml')"}
            << QStringList();
    QTest::addRow("malformed XML") << QByteArray("<CUNIT_TEST_RUN_REPORT>") << QString()
                                   << QString() << false << QStringList() << QStringList()
                                   << QStringList{"Error parsing CUnit results file (Premature "
                                                  "end of document: line 1, column 23)"}
                                   << QStringList();
    QTest::addRow("garbage text") << QByteArray("CUnit - A unit testing framework\n") << QString()
                                  << QString() << false << QStringList() << QStringList()
                                  << QStringList{"Error parsing CUnit results file (Start tag "
                                                 "expected: line 1, column 1)"}
                                  << QStringList();
    QTest::addRow("NUL bytes") << QByteArray("\0\0", 2) << QString() << QString() << false
                               << QStringList() << QStringList()
                               << QStringList{"Error parsing CUnit results file (Premature "
                                              "end of document: line 1, column 0)"}
                               << QStringList();
    QTest::addRow("suite without name: internal error")
            << listing("<CUNIT_RUN_SUITE_SUCCESS/>") << QString()
            << "CUnit element CUNIT_RUN_SUITE_SUCCESS has no SUITE_NAME." << false << QStringList()
            << QStringList() << QStringList() << QStringList();
    QTest::addRow("line number not a number: internal error")
            << listing("<CUNIT_RUN_SUITE_FAILURE><SUITE_NAME>s</SUITE_NAME><CUNIT_RUN_TEST_RECORD>"
                       "<CUNIT_RUN_TEST_FAILURE><TEST_NAME>t</TEST_NAME><FILE_NAME>a.c</FILE_NAME>"
                       "<LINE_NUMBER>?</LINE_NUMBER><CONDITION>x</CONDITION>"
                       "</CUNIT_RUN_TEST_FAILURE></CUNIT_RUN_TEST_RECORD></"
                       "CUNIT_RUN_SUITE_FAILURE>")
            << QString() << "CUnit LINE_NUMBER ? is not a number." << false << QStringList()
            << QStringList() << QStringList() << QStringList();
}

void tst_CUnitParser::parse()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, readError);
    QFETCH(bool, hasReport);
    const auto result = Core::CUnitParser::parse(ParserTest::input(data, readError));
    ParserTest::verify(result, "test");
    if (result)
        QCOMPARE(result.value().hasLog, hasReport); // the log comes with the report
}

QTEST_GUILESS_MAIN(tst_CUnitParser)
#include "tst_cunitparser.moc"
