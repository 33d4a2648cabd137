// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/nunitparser.h"
#include "tests/core/parsertest.h"
#include "tests/testlib/testdata.h"

Q_DECLARE_METATYPE(QVector<Core::Result<QByteArray>>)

class tst_NUnitParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
};

static QByteArray suite(const QByteArray &name, const QByteArray &cases)
{
    return "<test-results><test-suite name=\"" + name + "\"><results>" + cases
            + "</results></test-suite></test-results>";
}

void tst_NUnitParser::parse_data()
{
    using Files = QVector<Core::Result<QByteArray>>;
    QTest::addColumn<Files>("files");
    ParserTest::addExpectedColumns();

    const QByteArray sample = TestLib::readFile(TestLib::testDataPath("parsers/TestResult.xml"));
    const QStringList sampleItems
            = {"type=test; fixture=CalculatorTests; duration=0.012; status=success",
               "type=test; fixture=CalculatorTests; duration=0.034; status=failure; traceback=at "
               "Calc.CalculatorTests.Divides () [0x00000] in "
               "/home/build/Calc.Tests/CalculatorTests.cs:21\n",
               "type=test; fixture=CalculatorTests; status=ignore",
               "type=test; fixture=ParserTests; duration=0.004; status=success"};
    const QByteArray failedWithoutDetails
            = suite("Other", "<test-case name=\"x\" executed=\"True\" success=\"False\"/>");
    const Core::Error missing = Core::makeError(Core::ErrorCode::NotFound, "gone: 'b.xml'");

    QTest::addRow("TestResult.xml: items have no name (Bitten bug)")
            << Files{sample} << QString() << true << sampleItems
            << QStringList{"1 of 4 tests failed"} << QStringList() << QStringList();
    QTest::addRow("two files; a failure without <failure> is not counted")
            << Files{sample, failedWithoutDetails} << QString() << true
            << (sampleItems + QStringList{"type=test; fixture=Other; status=failure"})
            << QStringList{"1 of 5 tests failed"} << QStringList() << QStringList();
    QTest::addRow("one failure of one")
            << Files{suite("F",
                           "<test-case executed=\"True\" success=\"False\"><failure/>"
                           "</test-case>")}
            << QString() << true << QStringList{"type=test; fixture=F; status=failure"}
            << QStringList{"1 of 1 test failed"} << QStringList() << QStringList();
    QTest::addRow("no files matched") << Files() << QString() << true << QStringList()
                                      << QStringList() << QStringList() << QStringList();
    QTest::addRow("unreadable second file drops everything")
            << Files{sample, missing} << QString() << false << QStringList() << QStringList()
            << QStringList{"Error opening NUnit results file (gone: 'b.xml')"} << QStringList();
    QTest::addRow("malformed XML")
            << Files{sample, QByteArray("<test-results><test-suite></test-results>")} << QString()
            << false << QStringList() << QStringList()
            << QStringList{"Error parsing NUnit results file (Opening and ending tag mismatch: "
                           "line 1, column 41)"}
            << QStringList();
    QTest::addRow("garbage text") << Files{QByteArray("Tests run: 4, Failures: 1")} << QString()
                                  << false << QStringList() << QStringList()
                                  << QStringList{"Error parsing NUnit results file (Start tag "
                                                 "expected: line 1, column 1)"}
                                  << QStringList();
    QTest::addRow("NUL bytes") << Files{QByteArray("<test-results>\0", 15)} << QString() << false
                               << QStringList() << QStringList()
                               << QStringList{"Error parsing NUnit results file (Unexpected "
                                              "'': line 1, column 15)"}
                               << QStringList();
    QTest::addRow("test case without executed: internal error")
            << Files{suite("F", "<test-case name=\"t\"/>")}
            << "NUnit element test-case has no executed attribute." << false << QStringList()
            << QStringList() << QStringList() << QStringList();
    QTest::addRow("suite without name: internal error")
            << Files{QByteArray("<test-results><test-suite><results><test-case executed=\"False\"/>"
                                "</results></test-suite></test-results>")}
            << "NUnit element test-suite has no name attribute." << false << QStringList()
            << QStringList() << QStringList() << QStringList();
}

void tst_NUnitParser::parse()
{
    QFETCH(QVector<Core::Result<QByteArray>>, files);
    ParserTest::verify(Core::NUnitParser::parse(files), "test");
}

QTEST_GUILESS_MAIN(tst_NUnitParser)
#include "tst_nunitparser.moc"
