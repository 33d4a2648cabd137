// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/gcovparser.h"
#include "tests/core/parsertest.h"
#include "tests/testlib/testdata.h"

using Core::GcovParser;

Q_DECLARE_METATYPE(QVector<Core::GcovParser::SourceRun>)

class tst_GcovParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void objectPaths_data();
    void objectPaths();
    void parseStdout_data();
    void parseStdout();
    void lineHits_data();
    void lineHits();
    void report_data();
    void report();
};

static QByteArray sample(const char *name)
{
    return TestLib::readFile(TestLib::sharedPath(QStringLiteral("corpus/samples/") + name));
}

static std::optional<QString> attribute(const QString &value)
{
    return value == "<none>" ? std::nullopt : std::optional<QString>(value);
}

void tst_GcovParser::objectPaths_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("relative");
    QTest::addColumn<QString>("root");
    QTest::addColumn<QStringList>("expected"); // object, gcno, gcda, gcov file

    QTest::addRow("defaults") << "foo.c"
                              << "<none>"
                              << "<none>"
                              << ""
                              << QStringList{"foo.o", "foo.gcno", "foo.gcda", "/b/foo.c.gcov"};
    QTest::addRow("source in a directory") << "src/lib/foo.cpp"
                                           << "<none>"
                                           << "<none>"
                                           << ""
                                           << QStringList{"src/lib/foo.o", "src/lib/foo.gcno",
                                                          "src/lib/foo.gcda", "/b/foo.cpp.gcov"};
    QTest::addRow("prefix (libtool style)")
            << "src/foo.cc"
            << "libbar_la"
            << "<none>"
            << ""
            << QStringList{"src/libbar_la-foo.o", "src/libbar_la-foo.gcno",
                           "src/libbar_la-foo.gcda", "/b/foo.cc.gcov"};
    QTest::addRow("empty prefix still adds the dash")
            << "foo.c"
            << ""
            << "<none>"
            << "" << QStringList{"-foo.o", "-foo.gcno", "-foo.gcda", "/b/foo.c.gcov"};
    QTest::addRow("relative is prepended to the stem")
            << "src/foo.cxx"
            << "lib"
            << ".libs/"
            << ""
            << QStringList{"src/.libs/lib-foo.o", "src/.libs/lib-foo.gcno",
                           "src/.libs/lib-foo.gcda", "/b/foo.cxx.gcov"};
    QTest::addRow("relative root") << "src/foo.c"
                                   << "<none>"
                                   << "<none>"
                                   << "obj"
                                   << QStringList{"obj/src/foo.o", "obj/src/foo.gcno",
                                                  "obj/src/foo.gcda", "/b/obj/foo.c.gcov"};
    QTest::addRow("absolute root") << "src/foo.c"
                                   << "<none>"
                                   << "<none>"
                                   << "/out/"
                                   << QStringList{"/out/src/foo.o", "/out/src/foo.gcno",
                                                  "/out/src/foo.gcda", "/out/foo.c.gcov"};
}

void tst_GcovParser::objectPaths()
{
    QFETCH(QString, source);
    QFETCH(QString, prefix);
    QFETCH(QString, relative);
    QFETCH(QString, root);
    QFETCH(QStringList, expected);
    const GcovParser::Options options{"/b", attribute(prefix), attribute(relative), root};
    const GcovParser::ObjectPaths paths = GcovParser::objectPaths(source, options);
    QCOMPARE((QStringList{paths.object, paths.gcno, paths.gcda, paths.gcovFile}), expected);
    QCOMPARE(GcovParser::gcovArguments(source, options),
             (QStringList{"-o", expected.at(0), source}));
}

void tst_GcovParser::parseStdout_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<qint64>("lines");
    QTest::addColumn<qint64>("covered");

    QTest::addRow("C sample: two blocks summed")
            << sample("input_gcov_stdout_c.txt") << qint64(888) << qint64(406);
    QTest::addRow("C++ sample: absolute-path blocks skipped")
            << sample("input_gcov_stdout_cpp.txt") << qint64(5) << qint64(3);
    QTest::addRow("CRLF and NUL bytes as CommandLine strips them")
            << QByteArray("File 'a.c'\r\nLines executed:50.00% of 4\0\r\n", 40) << qint64(4)
            << qint64(2);
    QTest::addRow("absolute block ends at a blank line")
            << QByteArray("File '/usr/x.h'\nLines executed:10.00% of 10\n\nFile 'a.c'\n"
                          "Lines executed:100.00% of 1\n")
            << qint64(1) << qint64(1);
    QTest::addRow("NUL removed after stripping: only a bare NUL line is blank")
            << QByteArray("File '/usr/x.h'\nLines executed:10.00% of 10\n \0\nFile 'b.c'\n"
                          "Lines executed:50.00% of 2\n\0\nFile 'c.c'\n"
                          "Lines executed:100.00% of 3\n",
                          126)
            << qint64(3) << qint64(3);
    QTest::addRow("gcov 12: the closing total outside any File block is not added")
            << TestLib::readFile(TestLib::testDataPath("parsers/gcov12-stdout.txt")) << qint64(8)
            << qint64(4);
    QTest::addRow("only the line right after a File header counts")
            << QByteArray("File 'a.c'\nNo executable lines\nLines executed:50.00% of 2\n\n"
                          "Lines executed:100.00% of 3\n")
            << qint64(0) << qint64(0);
    QTest::addRow("garbage") << QByteArray("gcov: command not found\n\x01\x02") << qint64(0)
                             << qint64(0);
    QTest::addRow("NUL bytes only") << QByteArray(16, '\0') << qint64(0) << qint64(0);
}

void tst_GcovParser::parseStdout()
{
    QFETCH(QByteArray, output);
    QFETCH(qint64, lines);
    QFETCH(qint64, covered);
    const GcovParser::Summary summary = GcovParser::parseStdout(output);
    QCOMPARE(summary.lines, lines);
    QCOMPARE(summary.covered, covered);
}

void tst_GcovParser::lineHits_data()
{
    QTest::addColumn<QByteArray>("gcov");
    QTest::addColumn<QString>("hits");
    QTest::addColumn<QStringList>("log");

    const QByteArray foo = sample("input_gcov_file_foo.cpp.gcov.txt");
    const QString info = "info: Getting per line coverage of /b/foo.cpp.gcov";
    QTest::addRow("Bitten sample: ===== is 0, - is not code")
            << foo << "- - 1 - 1 0 0 - 4" << QStringList{info};
    QByteArray unknown = foo;
    unknown.replace("        -:    2:\n", "        x:    2:\n");
    QTest::addRow("unparsable line is ??? with a warning")
            << unknown << "- ??? 1 - 1 0 0 - 4"
            << QStringList{info,
                           "warning: Could not parse line 6 in /b/foo.cpp.gcov:         x:  "
                           "  2:\n"};
    QTest::addRow("##### is 0") << QByteArray("    #####:   1:int x;\n        3:    2:y();")
                                << "0 3" << QStringList{info};
    QTest::addRow("NUL bytes") << QByteArray("\0\0", 2) << "???"
                               << QStringList{info,
                                              QString("warning: Could not parse line 0 in "
                                                      "/b/foo.cpp.gcov: ")
                                                      + QChar(0) + QChar(0)};
    QTest::addRow("empty file") << QByteArray() << "" << QStringList{info};
}

void tst_GcovParser::lineHits()
{
    QFETCH(QByteArray, gcov);
    QFETCH(QString, hits);
    QFETCH(QStringList, log);
    const GcovParser::LineHits result = GcovParser::lineHits(gcov, "/b/foo.cpp.gcov");
    QCOMPARE(result.hits.join(' '), hits);
    QCOMPARE(ParserTest::logStrings(result.log), log);
}

static GcovParser::SourceRun run(const QString &source, const QByteArray &output, int exitCode,
                                 const Core::Result<QByteArray> &gcovFile)
{
    GcovParser::SourceRun run;
    run.sourceFile = source;
    run.gcovStdout = output;
    run.gcovExitCode = exitCode;
    run.gcovFile = gcovFile;
    return run;
}

void tst_GcovParser::report_data()
{
    QTest::addColumn<QVector<GcovParser::SourceRun>>("runs");
    ParserTest::addExpectedColumns();

    const Core::Error notFound = Core::makeError(Core::ErrorCode::NotFound, "gone");
    GcovParser::SourceRun noObject = run("src/bar.c", {}, 0, notFound);
    noObject.missing = GcovParser::Missing::Object;
    GcovParser::SourceRun noGcno = run("baz.c", {}, 0, notFound);
    noGcno.missing = GcovParser::Missing::Gcno;
    GcovParser::SourceRun noGcda = run("qux.c", {}, 0, notFound);
    noGcda.missing = GcovParser::Missing::Gcda;

    QTest::addRow("no source files")
            << QVector<GcovParser::SourceRun>() << QString() << true << QStringList()
            << QStringList() << QStringList() << QStringList();
    QTest::addRow("Bitten samples, missing objects, failed gcov")
            << QVector<GcovParser::SourceRun>{run("foo.c", sample("input_gcov_stdout_c.txt"), 0,
                                                  notFound),
                                              run("foo.cpp", sample("input_gcov_stdout_cpp.txt"), 0,
                                                  sample("input_gcov_file_foo.cpp.gcov.txt")),
                                              noObject,
                                              noGcno,
                                              noGcda,
                                              run("broken.c",
                                                  "File 'broken.c'\nLines executed:1.00% of 100\n",
                                                  1, notFound)}
            << QString() << true
            << QStringList{"type=coverage; name=foo.c; file=foo.c; lines=888; percentage=45; "
                           "line_hits=",
                           "type=coverage; name=foo.cpp; file=foo.cpp; lines=5; percentage=60; "
                           "line_hits=- - 1 - 1 0 0 - 4"}
            << QStringList() << QStringList()
            << QStringList{"info: Getting coverage info for foo.c",
                           "warning: No .gcov file found for foo.c at /b/foo.c.gcov",
                           "info: Getting coverage info for foo.cpp",
                           "info: Getting per line coverage of /b/foo.cpp.gcov",
                           "info: Getting coverage info for src/bar.c",
                           "warning: No object file found for src/bar.c at src/bar.o",
                           "info: Getting coverage info for baz.c",
                           "warning: No .gcno file found for baz.c at baz.gcno",
                           "info: Getting coverage info for qux.c",
                           "warning: No .gcda file found for qux.c at qux.gcda",
                           "info: Getting coverage info for broken.c"};
    QTest::addRow("garbage gcov output: zero lines")
            << QVector<GcovParser::SourceRun>{run("a.c", QByteArray("\0garbage\n", 9), 0,
                                                  QByteArray())}
            << QString() << true
            << QStringList{"type=coverage; name=a.c; file=a.c; lines=0; percentage=0; line_hits="}
            << QStringList() << QStringList()
            << QStringList{"info: Getting coverage info for a.c",
                           "info: Getting per line coverage of /b/a.c.gcov"};
    QTest::addRow("unreadable .gcov file: internal error")
            << QVector<GcovParser::SourceRun>{run(
                       "a.c", {}, 0,
                       Core::makeError(Core::ErrorCode::ReadFailed, "Permission denied"))}
            << "Could not read /b/a.c.gcov: Permission denied" << false << QStringList()
            << QStringList() << QStringList() << QStringList();
}

void tst_GcovParser::report()
{
    QFETCH(QVector<GcovParser::SourceRun>, runs);
    const GcovParser::Options options{"/b", std::nullopt, std::nullopt, QString()};
    const auto result = GcovParser::report(runs, options);
    ParserTest::verify(result, "coverage");
    if (result)
        QVERIFY(result.value().hasLog);
}

QTEST_GUILESS_MAIN(tst_GcovParser)
#include "tst_gcovparser.moc"
