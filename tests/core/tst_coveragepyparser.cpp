// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/coveragepyparser.h"
#include "tests/core/parsertest.h"
#include "tests/testlib/testdata.h"

class tst_CoveragePyParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void lineHits_data();
    void lineHits();
};

static QByteArray sample(const char *name)
{
    return TestLib::readFile(TestLib::sharedPath(QStringLiteral("corpus/samples/") + name));
}

void tst_CoveragePyParser::parse_data()
{
    QTest::addColumn<QByteArray>("summary");
    QTest::addColumn<QString>("readError");
    QTest::addColumn<QString>("coverdir");
    QTest::addColumn<QStringList>("unreadable");
    ParserTest::addExpectedColumns();

    const QByteArray header = sample("input_coveragepy_summary.txt");
    const QStringList others
            = {"type=coverage; name=test.other; file=test/other.py; percentage=0",
               "type=coverage; name=pkg.__init__; file=pkg/__init__.py; percentage=0"};
    const QString annotated = "/b/coverage/test_module.py,cover";

    QTest::addRow("Bitten sample: header only, uncovered files at 0")
            << header << QString() << "coverage" << QStringList() << QString() << true
            << (QStringList{"type=coverage; name=test.module; file=test/module.py; percentage=0"}
                + others)
            << QStringList() << QStringList() << QStringList();
    QTest::addRow("relative path with annotate file")
            << header + "test.module     60      60   100% ./test/module.py\n"
            << QString() << "coverage" << QStringList() << QString() << true
            << (QStringList{"type=coverage; name=test.module; file=test/module.py; "
                            "percentage=100; lines=60; line_hits=1 - 1 1 1 0 0 - 1 0"}
                + others)
            << QStringList() << QStringList() << QStringList();
    QTest::addRow("absolute path, missing lines, no coverdir, others ignored")
            << header
                    + "test.module     28     26    092%   13-14, 20 /b/test/module.py\n"
                      "os    100   50   50%   /usr/lib/python2.5/os.py\n"
                      "notes    1   1   100%   docs/notes.py\n"
            << QString() << QString() << QStringList() << QString() << true
            << (QStringList{"type=coverage; name=test.module; file=test/module.py; "
                            "percentage=92; lines=28"}
                + others)
            << QStringList() << QStringList() << QStringList();
    QTest::addRow("no annotate file: local note")
            << QByteArray("pkg     2      1   50% pkg/__init__.py\n") << QString() << "annotate"
            << QStringList() << QString() << true
            << QStringList{"type=coverage; name=pkg; file=pkg/__init__.py; percentage=50; lines=2",
                           "type=coverage; name=test.module; file=test/module.py; percentage=0",
                           "type=coverage; name=test.other; file=test/other.py; percentage=0"}
            << QStringList() << QStringList{"No line by line coverage available for pkg"}
            << QStringList();
    QTest::addRow("unreadable annotate file: local note")
            << QByteArray("test.module 1 1 100% test/module.py\n") << QString() << "coverage"
            << QStringList{annotated} << QString() << true
            << (QStringList{"type=coverage; name=test.module; file=test/module.py; "
                            "percentage=100; lines=1"}
                + others)
            << QStringList()
            << QStringList{"Error while processing line by line coverage: Permission denied: "
                           "'/b/coverage/test_module.py,cover'"}
            << QStringList();
    QTest::addRow("missing summary: local warning only")
            << QByteArray() << "No such file or directory: '/b/cov.txt'"
            << "coverage" << QStringList() << QString() << false << QStringList() << QStringList()
            << QStringList{"Error opening coverage summary file (No such file or directory: "
                           "'/b/cov.txt')"}
            << QStringList();
    QTest::addRow("module listed twice: internal error")
            << QByteArray("a 1 1 100% test/module.py\nb 1 1 100% test/module.py\n") << QString()
            << QString() << QStringList()
            << "python:coverage summary lists test/module.py twice or it is not a .py file."
            << false << QStringList() << QStringList() << QStringList() << QStringList();
    QTest::addRow("a FileSet file that is not .py: internal error, as in Bitten")
            << QByteArray("notes 1 1 100% README.txt\n") << QString() << QString() << QStringList()
            << "python:coverage summary lists README.txt twice or it is not a .py file." << false
            << QStringList() << QStringList() << QStringList() << QStringList();
    QTest::addRow("garbage and NUL bytes")
            << QByteArray("\0 1 1 1%\n", 9) << QString() << QString() << QStringList() << QString()
            << true
            << (QStringList{"type=coverage; name=test.module; file=test/module.py; percentage=0"}
                + others)
            << QStringList() << QStringList() << QStringList();
}

void tst_CoveragePyParser::parse()
{
    QFETCH(QByteArray, summary);
    QFETCH(QString, readError);
    QFETCH(QString, coverdir);
    QFETCH(QStringList, unreadable);
    const Core::CoveragePyParser::Options options{
            "/b", coverdir, {"test/module.py", "README.txt", "test/other.py", "pkg/__init__.py"}};
    const QHash<QString, QByteArray> files = {
            {"/b/coverage/test_module.py,cover", sample("input_coveragepy_annotate_py_cover.txt")}};
    ParserTest::verify(Core::CoveragePyParser::parse(ParserTest::input(summary, readError), options,
                                                     ParserTest::mapReader(files, unreadable)),
                       "coverage");
}

void tst_CoveragePyParser::lineHits_data()
{
    QTest::addColumn<QByteArray>("annotated");
    QTest::addColumn<QString>("hits");

    QTest::addRow("Bitten sample")
            << sample("input_coveragepy_annotate_py_cover.txt") << "1 - 1 1 1 0 0 - 1 0";
    QTest::addRow("Bitten's test input: trailing blank line")
            << sample("input_coveragepy_annotate_py_cover.txt") + "\n"
            << "1 - 1 1 1 0 0 - 1 0 -";
    QTest::addRow("empty") << QByteArray() << "";
    QTest::addRow("NUL bytes") << QByteArray("\0\n>\0", 4) << "- 1";
}

void tst_CoveragePyParser::lineHits()
{
    QFETCH(QByteArray, annotated);
    QFETCH(QString, hits);
    QCOMPARE(Core::CoveragePyParser::lineHits(annotated), hits);
}

QTEST_GUILESS_MAIN(tst_CoveragePyParser)
#include "tst_coveragepyparser.moc"
