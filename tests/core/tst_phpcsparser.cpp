// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/phpcsparser.h"
#include "tests/core/parsertest.h"
#include "tests/testlib/testdata.h"

class tst_PhpCsParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
};

void tst_PhpCsParser::parse_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("readError");
    ParserTest::addExpectedColumns();

    const QString error = "type=error; category=error; tag=error; line=1; file=%1; msg=You must "
                          "use \"/**\" style comments for a file comment";
    const QString warning = "type=warning; category=warning; tag=warning; line=15; file=%1; "
                            "msg=Line exceeds 85 characters; contains 118 characters";
    // The sample keeps the Python source's escaped "\\": two backslashes, two slashes.
    QTest::addRow("Bitten sample")
            << TestLib::readFile(TestLib::sharedPath("corpus/samples/input_phpcs_full_report.txt"))
            << QString() << QString() << true
            << QStringList{error.arg("module/file1.php"), warning.arg("module//file2.php")}
            << QStringList() << QStringList() << QStringList();
    QTest::addRow("absolute POSIX and Windows paths under basedir")
            << QByteArray("\nFILE: /b/module/file1.php\n----\nFOUND 1 ERROR(S) AND 1 WARNING(S) "
                          "AFFECTING 2 LINE(S)\n----\n  1 | ERROR   | You must use \"/**\" style "
                          "comments for a file comment\n\nFILE: /b\\module\\file2.php\n 15 | "
                          "WARNING | Line exceeds 85 characters; contains 118 characters\n"
                          "    |         | (continued)\n")
            << QString() << QString() << true
            << QStringList{error.arg("module/file1.php"), warning.arg("module/file2.php")}
            << QStringList() << QStringList() << QStringList();
    QTest::addRow("row before any FILE: has no file")
            << QByteArray(" 3 | ERROR | x\r\n") << QString() << QString() << true
            << QStringList{"type=error; category=error; tag=error; line=3; msg=x"} << QStringList()
            << QStringList() << QStringList();
    QTest::addRow("empty report") << QByteArray() << QString() << QString() << true << QStringList()
                                  << QStringList() << QStringList() << QStringList();
    QTest::addRow("unknown level drops the report")
            << QByteArray("FILE: a.php\n 1 | ERROR | x\n 2 | NOTICE | y\n") << QString()
            << QString() << false << QStringList() << QStringList()
            << QStringList{"Error parsing phpcs report file ('NOTICE')"} << QStringList();
    QTest::addRow("line that is not a number drops the report")
            << QByteArray("FILE: a.php\n x | ERROR | y\n") << QString() << QString() << false
            << QStringList() << QStringList()
            << QStringList{"Error parsing phpcs report file (invalid literal for int() with base "
                           "10: 'x')"}
            << QStringList();
    QTest::addRow("missing file: local warning only")
            << QByteArray() << "No such file or directory: '/b/phpcs.txt'" << QString() << false
            << QStringList() << QStringList()
            << QStringList{"Error opening phpcs report file (No such file or directory: "
                           "'/b/phpcs.txt')"}
            << QStringList();
    QTest::addRow("garbage text") << QByteArray("Fatal error: Allowed memory size exhausted\n")
                                  << QString() << QString() << true << QStringList()
                                  << QStringList() << QStringList() << QStringList();
    QTest::addRow("NUL bytes") << QByteArray("\0\n\0|\0|\0\n", 9) << QString() << QString() << false
                               << QStringList() << QStringList()
                               << QStringList{QString("Error parsing phpcs report file (invalid "
                                                      "literal for int() with base 10: '")
                                              + QChar(0) + "')"}
                               << QStringList();
}

void tst_PhpCsParser::parse()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, readError);
    ParserTest::verify(Core::PhpCsParser::parse(ParserTest::input(data, readError), "/b"), "lint");
}

QTEST_GUILESS_MAIN(tst_PhpCsParser)
#include "tst_phpcsparser.moc"
