// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/pylintparser.h"
#include "tests/core/parsertest.h"
#include "tests/testlib/testdata.h"

class tst_PylintParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
};

void tst_PylintParser::parse_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("readError");
    ParserTest::addExpectedColumns();

    const QString docstring
            = "type=problem; category=convention; line=42; file=%1; msg=Missing docstring";
    // The sample keeps the Python source's escaped "\\": two backslashes, two slashes.
    QTest::addRow("Bitten sample")
            << TestLib::readFile(TestLib::sharedPath("corpus/samples/input_pylint_parseable.txt"))
            << QString() << QString() << true
            << QStringList{docstring.arg("module/file1.py"), docstring.arg("module//file2.py")}
            << QStringList() << QStringList() << QStringList();
    QTest::addRow("message ids, tags, letters and paths")
            << QByteArray("************* Module pkg.mod\n"
                          "/b/pkg/mod.py:012: [W0612, Foo.bar_baz] Unused variable 'x'\n"
                          "/b\\pkg\\win.py:3: [E1101, f] Instance has no member\r\n"
                          "/elsewhere/x.py:7: [R] Too many branches\n"
                          "module\\file2.py:1: [F0401] Unable to import 'y'\n"
                          "a.py:2: [C] \n"
                          "a.py:3: [c] lower-case letters do not match\n"
                          "Your code has been rated at 5.00/10\n")
            << QString() << QString() << true
            << QStringList{"type=W0612; category=warning; tag=Foo.bar_baz; line=12; "
                           "file=pkg/mod.py; msg=Unused variable 'x'",
                           "type=E1101; category=error; tag=f; line=3; file=pkg/win.py; "
                           "msg=Instance has no member\r",
                           "type=problem; category=refactor; line=7; file=/elsewhere/x.py; "
                           "msg=Too many branches",
                           "type=F0401; line=1; file=module/file2.py; msg=Unable to import 'y'",
                           "type=problem; category=convention; line=2; file=a.py; msg="}
            << QStringList() << QStringList() << QStringList();
    QTest::addRow("pylint 2.16: message id(symbol), object empty at module level")
            << TestLib::readFile(TestLib::testDataPath("parsers/pylint-2.16-parseable.txt"))
            << QString() << QString() << true
            << QStringList{"type=C0114; category=convention; symbol=missing-module-docstring; "
                           "line=1; file=tiny.py; msg=Missing module docstring",
                           "type=C0116; category=convention; tag=compute; "
                           "symbol=missing-function-docstring; line=4; file=tiny.py; msg=Missing "
                           "function or method docstring",
                           "type=W0612; category=warning; tag=compute; symbol=unused-variable; "
                           "line=5; file=tiny.py; msg=Unused variable 'unused'",
                           "type=C0115; category=convention; tag=Thing; "
                           "symbol=missing-class-docstring; line=9; file=tiny.py; msg=Missing "
                           "class docstring",
                           "type=C0116; category=convention; tag=Thing.run; "
                           "symbol=missing-function-docstring; line=10; file=tiny.py; msg=Missing "
                           "function or method docstring",
                           "type=C0103; category=convention; tag=Thing.run; symbol=invalid-name; "
                           "line=11; file=tiny.py; msg=Variable name \"x\" doesn't conform to "
                           "snake_case naming style",
                           "type=E0602; category=error; tag=Thing.run; symbol=undefined-variable; "
                           "line=11; file=tiny.py; msg=Undefined variable 'undefined_name'",
                           "type=R0903; category=refactor; tag=Thing; "
                           "symbol=too-few-public-methods; line=9; file=tiny.py; msg=Too few "
                           "public methods (1/2)",
                           "type=W0611; category=warning; symbol=unused-import; line=1; "
                           "file=tiny.py; msg=Unused import os"}
            << QStringList() << QStringList() << QStringList();
    QTest::addRow("modern form with a path under basedir")
            << QByteArray("/b/pkg/mod.py:07: [W0612(unused-variable), Foo.bar] Unused 'x'\n"
                          "/b/a.py:1: [W0612(), f] empty symbol does not match\n"
                          "/b/a.py:1: [W0612(unused-variable)] no object part does not match\n")
            << QString() << QString() << true
            << QStringList{"type=W0612; category=warning; tag=Foo.bar; symbol=unused-variable; "
                           "line=7; file=pkg/mod.py; msg=Unused 'x'"}
            << QStringList() << QStringList() << QStringList();
    QTest::addRow("empty file") << QByteArray() << QString() << QString() << true << QStringList()
                                << QStringList() << QStringList() << QStringList();
    QTest::addRow("missing file: local warning only")
            << QByteArray() << "No such file or directory: '/b/pylint.txt'" << QString() << false
            << QStringList() << QStringList()
            << QStringList{"Error opening pylint results file (No such file or directory: "
                           "'/b/pylint.txt')"}
            << QStringList();
    QTest::addRow("garbage text") << QByteArray("Traceback (most recent call last):\n  File x\n")
                                  << QString() << QString() << true << QStringList()
                                  << QStringList() << QStringList() << QStringList();
    QTest::addRow("NUL bytes") << QByteArray("a\0.py:1: [C] m\0sg\n\0\n", 20) << QString()
                               << QString() << true
                               << QStringList{QString("type=problem; category=convention; line=1; "
                                                      "file=a")
                                              + QChar(0) + ".py; msg=m" + QChar(0) + "sg"}
                               << QStringList() << QStringList() << QStringList();
}

void tst_PylintParser::parse()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, readError);
    ParserTest::verify(Core::PylintParser::parse(ParserTest::input(data, readError), "/b"), "lint");
}

QTEST_GUILESS_MAIN(tst_PylintParser)
#include "tst_pylintparser.moc"
