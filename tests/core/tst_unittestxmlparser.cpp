// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/unittestxmlparser.h"
#include "tests/core/parsertest.h"
#include "tests/testlib/testdata.h"

class tst_UnittestXmlParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
};

void tst_UnittestXmlParser::parse_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("readError");
    ParserTest::addExpectedColumns();

    const QString fixture = "fixture=pkg.tests.test_util.UtilTestCase";
    QTest::addRow("Bitten runner output")
            << TestLib::readFile(TestLib::testDataPath("parsers/unittest-results.xml")) << QString()
            << QString() << true
            << QStringList{"type=test; duration=0.001; " + fixture
                                   + "; status=success; name=test_join; "
                                     "file=pkg/tests/test_util.py; description=Joining two paths.",
                           "type=test; duration=0.004; " + fixture
                                   + "; status=failure; name=test_split; "
                                     "file=pkg/tests/test_util.py; description=Splitting a path.; "
                                     "stdout=splitting a/b; traceback=Traceback (most recent call "
                                     "last):\n  File \"/work/build/proj/pkg/tests/test_util.py\", "
                                     "line 12, in test_split\n    self.assertEqual(['a', 'b'], "
                                     "split('a/b/'))\nAssertionError: ['a', 'b'] != ['a', 'b', "
                                     "'']\n",
                           "type=test; duration=0.000; fixture=pkg.util.join; status=error; "
                           "name=doctest; traceback=ValueError: bad"}
            << QStringList{"2 of 3 tests failed"} << QStringList() << QStringList();
    QTest::addRow("relative file, any element name, one failure of one")
            << QByteArray("<r><case file=\"./t/../t/x.py\" status=\"error\"><x><y>deep</y>t</x>"
                          "</case></r>")
            << QString() << QString() << true
            << QStringList{"type=test; file=t/x.py; status=error; x=t"}
            << QStringList{"1 of 1 test failed"} << QStringList() << QStringList();
    QTest::addRow("no tests") << QByteArray("<unittest-results/>") << QString() << QString() << true
                              << QStringList() << QStringList() << QStringList() << QStringList();
    QTest::addRow("missing file: local warning only, step succeeds")
            << QByteArray() << "No such file or directory: 'build/test-results.xml'" << QString()
            << false << QStringList() << QStringList()
            << QStringList{"Error opening unittest results file (No such file or directory: "
                           "'build/test-results.xml')"}
            << QStringList();
    QTest::addRow("malformed XML") << QByteArray("<unittest-results><test>") << QString()
                                   << QString() << false << QStringList() << QStringList()
                                   << QStringList{"Error parsing unittest results file (Premature "
                                                  "end of document: line 1, column 24)"}
                                   << QStringList();
    QTest::addRow("garbage text") << QByteArray("error: invalid command 'unittest'\n") << QString()
                                  << QString() << false << QStringList() << QStringList()
                                  << QStringList{"Error parsing unittest results file (Start tag "
                                                 "expected: line 1, column 1)"}
                                  << QStringList();
    QTest::addRow("NUL bytes") << QByteArray("<r a=\"\0\"/>", 10) << QString() << QString() << false
                               << QStringList() << QStringList()
                               << QStringList{"Error parsing unittest results file (Unexpected "
                                              "'': line 1, column 7)"}
                               << QStringList();
}

void tst_UnittestXmlParser::parse()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, readError);
    ParserTest::verify(
            Core::UnittestXmlParser::parse(ParserTest::input(data, readError), "/work/build/proj"),
            "test");
}

QTEST_GUILESS_MAIN(tst_UnittestXmlParser)
#include "tst_unittestxmlparser.moc"
