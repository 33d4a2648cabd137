// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/antlogparser.h"
#include "tests/core/parsertest.h"
#include "tests/testlib/testdata.h"

class tst_AntLogParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
};

void tst_AntLogParser::parse_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("readError");
    QTest::addColumn<int>("exitCode");
    ParserTest::addExpectedColumns();

    const QByteArray sample = TestLib::readFile(TestLib::testDataPath("parsers/ant-log.xml"));
    const QStringList sampleLog
            = {"info: Buildfile: build.xml", "info: Created dir: build/classes",
               "verbose: Using modern compiler",
               "warn: src/Foo.java:3: warning: [deprecation] Date(int,int,int) in Date has been "
               "deprecated",
               "error: src/Foo.java:7: error: ';' expected"};
    const QString rootError = "/work/build/proj/build.xml:12: Compile failed; see the compiler "
                              "error output for details.";

    QTest::addRow("XmlLogger file: root error wins over the exit status")
            << sample << QString() << 1 << QString() << false << QStringList()
            << QStringList{rootError} << QStringList() << sampleLog;
    QTest::addRow("successful build")
            << QByteArray("<build time=\"0 seconds\"><message priority=\"info\">/work/build/proj"
                          "</message><target><message priority=\"debug\">x</message>"
                          "<message priority=\"info\"><message priority=\"info\">inner</message>"
                          "</message></target></build>")
            << QString() << 0 << QString() << false << QStringList() << QStringList()
            << QStringList() << QStringList{"info: ", "info: "};
    QTest::addRow("no root error: exit status")
            << QByteArray("<build/>") << QString() << 13 << QString() << false << QStringList()
            << QStringList{"Ant failed (13)"} << QStringList() << QStringList();
    QTest::addRow("malformed XML: local warning, exit status")
            << QByteArray("<build><message priority=\"info\">x</build>") << QString() << 1
            << QString() << false << QStringList() << QStringList{"Ant failed (1)"}
            << QStringList{"Error parsing Ant XML log file (Opening and ending tag mismatch: "
                           "line 1, column 41)"}
            << QStringList();
    QTest::addRow("garbage text") << QByteArray("BUILD FAILED\n") << QString() << 0 << QString()
                                  << false << QStringList() << QStringList()
                                  << QStringList{"Error parsing Ant XML log file (Start tag "
                                                 "expected: line 1, column 1)"}
                                  << QStringList();
    QTest::addRow("NUL bytes") << QByteArray("\0", 1) << QString() << 0 << QString() << false
                               << QStringList() << QStringList()
                               << QStringList{"Error parsing Ant XML log file (Premature end "
                                              "of document: line 1, column 0)"}
                               << QStringList();
    QTest::addRow("missing log file: internal error")
            << QByteArray() << "No such file or directory: '/tmp/ant_logX.xml'" << 127
            << "Could not read the Ant XML log file: No such file or directory: "
               "'/tmp/ant_logX.xml'"
            << false << QStringList() << QStringList() << QStringList() << QStringList();
    QTest::addRow("message without priority: internal error")
            << QByteArray("<build><message>x</message></build>") << QString() << 0
            << "Ant XML log message has no priority attribute." << false << QStringList()
            << QStringList() << QStringList() << QStringList();
}

void tst_AntLogParser::parse()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, readError);
    QFETCH(int, exitCode);
    const auto result = Core::AntLogParser::parse(ParserTest::input(data, readError),
                                                  "/work/build/proj", exitCode);
    ParserTest::verify(result, QString());
    if (result)
        QVERIFY(result.value().hasLog);
}

QTEST_GUILESS_MAIN(tst_AntLogParser)
#include "tst_antlogparser.moc"
