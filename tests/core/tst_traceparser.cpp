// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/traceparser.h"
#include "tests/core/parsertest.h"
#include "tests/testlib/testdata.h"

using Files = QHash<QString, QByteArray>;
Q_DECLARE_METATYPE(Files)

class tst_TraceParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
};

static const QByteArray moduleSource = "\"\"\"Module docstring.\"\"\"\n"
                                       "import os\n"
                                       "\n"
                                       "def f(x):\n"
                                       "    # comment\n"
                                       "    if x:\n"
                                       "        return (1,\n"
                                       "                2)\n"
                                       "    return 0\n";
static const QByteArray moduleCover = "       \"\"\"Module docstring.\"\"\"\n"
                                      "    1: import os\n"
                                      "       \n"
                                      "    1: def f(x):\n"
                                      "           # comment\n"
                                      "    2:     if x:\n"
                                      "    1:         return (1,\n"
                                      "                       2)\n"
                                      ">>>>>>     return 0\n";
// A triple-quoted string that is not a docstring: all three lines are code.
static const QByteArray otherSource = "x = '''abc\n# not a comment\n'''\n";

void tst_TraceParser::parse_data()
{
    QTest::addColumn<QByteArray>("summary");
    QTest::addColumn<QString>("readError");
    QTest::addColumn<Files>("files");
    QTest::addColumn<QStringList>("unreadable");
    ParserTest::addExpectedColumns();

    const QByteArray sample
            = TestLib::readFile(TestLib::sharedPath("corpus/samples/input_trace_summary.txt"));
    const Files all = {{"/b/test/module.py", moduleSource},
                       {"/b/coverage/test.module.cover", moduleCover},
                       {"/b/test/other.py", otherSource},
                       {"/b/pkg/__init__.py", QByteArray()}};
    Files noCover = all;
    noCover.remove("/b/coverage/test.module.cover");
    const QStringList missingFiles
            = {"type=coverage; name=test.other; file=test/other.py; percentage=0; lines=3",
               "type=coverage; name=pkg.__init__; file=pkg/__init__.py; percentage=0; lines=0"};

    QTest::addRow("Bitten sample with a .cover file")
            << sample << QString() << all << QStringList() << QString() << true
            << (QStringList{"type=coverage; name=test.module; file=test/module.py; "
                            "percentage=83; lines=6; line_hits=- 1 - 1 - 2 1 1 0"}
                + missingFiles)
            << QStringList() << QStringList() << QStringList();
    QTest::addRow("absolute path, no .cover file, other files ignored")
            << QByteArray("lines   cov%   module   (path)\n"
                          "   60   100%   test.module   (/b/test/module.py)\n"
                          "  100    50%   os   (/usr/lib/python2.5/os.py)\n"
                          "   10    50%   notes   (/b/docs/notes.py)\n")
            << QString() << noCover << QStringList() << QString() << true
            << (QStringList{"type=coverage; name=test.module; file=test/module.py; "
                            "percentage=0; lines=6"}
                + missingFiles)
            << QStringList()
            << QStringList{"No coverage file for module test.module at "
                           "/b/coverage/test.module.cover"}
            << QStringList();
    QTest::addRow("missing summary: local warning only")
            << QByteArray() << "No such file or directory: '/b/trace.txt'" << all << QStringList()
            << QString() << false << QStringList() << QStringList()
            << QStringList{"Error opening coverage summary file (No such file or directory: "
                           "'/b/trace.txt')"}
            << QStringList();
    QTest::addRow("unreadable .cover file drops the report")
            << sample << QString() << all << QStringList{"/b/coverage/test.module.cover"}
            << QString() << false << QStringList() << QStringList()
            << QStringList{"Error opening coverage summary file (Permission denied: "
                           "'/b/coverage/test.module.cover')"}
            << QStringList();
    QTest::addRow("missing source of an uncovered file drops the report")
            << QByteArray() << QString() << Files{{"/b/test/module.py", moduleSource}}
            << QStringList() << QString() << false << QStringList() << QStringList()
            << QStringList{"Error opening coverage summary file (No such file or directory: "
                           "'/b/test/other.py')"}
            << QStringList();
    QTest::addRow("module listed twice: internal error")
            << sample + sample << QString() << all << QStringList()
            << "python:trace summary lists test/module.py twice or it is not a .py file." << false
            << QStringList() << QStringList() << QStringList() << QStringList();
    QTest::addRow("a FileSet file that is not .py: internal error, as in Bitten")
            << QByteArray("   10    50%   notes   (/b/README.txt)\n") << QString() << all
            << QStringList()
            << "python:trace summary lists README.txt twice or it is not a .py file." << false
            << QStringList() << QStringList() << QStringList() << QStringList();
    QTest::addRow("garbage and NUL bytes: only uncovered files")
            << QByteArray("\0\0 lines\n60 100% x\n", 20) << QString() << all << QStringList()
            << QString() << true
            << (QStringList{"type=coverage; name=test.module; file=test/module.py; "
                            "percentage=0; lines=6"}
                + missingFiles)
            << QStringList() << QStringList() << QStringList();
}

void tst_TraceParser::parse()
{
    QFETCH(QByteArray, summary);
    QFETCH(QString, readError);
    QFETCH(Files, files);
    QFETCH(QStringList, unreadable);
    const Core::TraceParser::Options options{
            "/b/",
            "coverage",
            {"test/module.py", "README.txt", "test/other.py", "pkg/__init__.py"}};
    ParserTest::verify(Core::TraceParser::parse(ParserTest::input(summary, readError), options,
                                                ParserTest::mapReader(files, unreadable)),
                       "coverage");
}

QTEST_GUILESS_MAIN(tst_TraceParser)
#include "tst_traceparser.moc"
