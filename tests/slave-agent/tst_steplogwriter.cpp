// SPDX-License-Identifier: GPL-3.0-or-later
#include <QBuffer>
#include <QTemporaryDir>
#include <QTest>

#include "core/report.h"
#include "core/stepresultreader.h"
#include "slave-agent/steplogwriter.h"
#include "tests/testlib/testdata.h"

class tst_StepLogWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void orderAndGrouping();
    void byteLinesAsText_data();
    void byteLinesAsText();
    void plainRuns_data();
    void plainRuns();
};

void tst_StepLogWriter::roundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addRow("plain") << "make: Nothing to be done."
                           << "make: Nothing to be done.";
    QTest::addRow("markup escaped") << "a < b && c > d"
                                    << "a < b && c > d";
    QTest::addRow("starts with '<' (CDATA)") << "<testsuite name=\"x\">"
                                             << "<testsuite name=\"x\">";
    QTest::addRow("control characters deleted") << "bell\x07 here\x1b[0m"
                                                << "bell here[0m";
    QTest::addRow("tab kept") << "a\tb"
                              << "a\tb";
    QTest::addRow("non-ASCII") << QString::fromUtf8("grüße – ok")
                               << QString::fromUtf8("grüße – ok");
    QTest::addRow("embedded newline") << "two\nlines"
                                      << "two\nlines";
    QTest::addRow("empty") << ""
                           << "";
}

void tst_StepLogWriter::roundTrip()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    Agent::StepLogWriter writer;
    QVERIFY(writer.open(dir.filePath("result.xml"), dir.filePath("step.log"), "s & t"));
    writer.addLog("gen#x", "info", text);
    writer.addError("gen#x", text + " failed");
    Core::StepResult result;
    result.status = Core::StepResult::Status::Failure;
    result.durationSeconds = 1.5;
    QVERIFY(writer.finish(result));
    const QByteArray xml = TestLib::readFile(dir.filePath("result.xml"));
    QCOMPARE(TestLib::readFile(dir.filePath("step.log")),
             (text + "\nerror: " + text + " failed\n").toUtf8());
    const auto read = Core::StepResultReader::read(xml);
    QVERIFY2(read, xml.constData());
    QCOMPARE(read.value().step, "s & t");
    QCOMPARE(read.value().status, Core::StepResult::Status::Failure);
    QCOMPARE(read.value().durationSeconds, 1.5);
    QCOMPARE(read.value().logs.size(), 1);
    QCOMPARE(read.value().logs.first().generator, "gen#x");
    QCOMPARE(read.value().logs.first().messages.size(), 1);
    QCOMPARE(read.value().logs.first().messages.first().text, expected);
    QCOMPARE(read.value().errors.size(), 1);
    QCOMPARE(read.value().errors.first().message, expected + " failed");
}

void tst_StepLogWriter::orderAndGrouping()
{
    QTemporaryDir dir;
    Core::StepResult result;
    Core::Report report;
    report.category = "test";
    report.generator = "a";
    report.items.append(Core::ReportItem::of({{"type", "test"}, {"name", "t"}}));
    Agent::StepLogWriter writer;
    QVERIFY(writer.open(dir.filePath("result.xml"), dir.filePath("step.log"), "s"));
    writer.startCommand();
    writer.addLog("a", "info", "one");
    writer.addLog("a", "error", "two");
    writer.startCommand();
    writer.addLog("a", "info", "three"); // a new command: a new <log>
    writer.addReport(report);
    writer.addAttachment(Core::StepAttachment{"f.txt", "d", "config"});
    writer.addLog("b", "info", "four");
    result.durationSeconds = 1.2345678901234567e-05; // the longest duration text
    QVERIFY(writer.finish(result));
    const QByteArray xml = TestLib::readFile(dir.filePath("result.xml"));
    QVERIFY2(xml.startsWith(
                     "<result step=\"s\" status=\"success\" duration=\"1.2345678901234568e-05\""),
             xml.constData());
    QCOMPARE(xml.count("<log "), 3);
    QVERIFY(xml.indexOf("three") < xml.indexOf("<report"));
    QVERIFY(xml.indexOf("<report") < xml.indexOf("<attach"));
    QVERIFY(xml.indexOf("<attach") < xml.indexOf("four"));
    const auto read = Core::StepResultReader::read(xml);
    QVERIFY2(read, xml.constData());
    QCOMPARE(read.value().reports.size(), 1);
    QCOMPARE(read.value().reports.first().items.size(), 1);
    QCOMPARE(read.value().attachments.size(), 1);
    QCOMPARE(read.value().attachments.first().resource, "config");
}

void tst_StepLogWriter::byteLinesAsText_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("plain"); ///< printable ASCII without markup characters
    QTest::addRow("plain") << QByteArray("make: Nothing to be done.") << true;
    QTest::addRow("markup") << QByteArray("a < b && c > d") << false;
    QTest::addRow("starts with '<'") << QByteArray("<x a=\"1\">") << false;
    QTest::addRow("control characters") << QByteArray("bell\x07 \x1b[0m\x7f") << false;
    QTest::addRow("tab") << QByteArray("a\tb") << false;
    QTest::addRow("empty") << QByteArray() << true;
}

void tst_StepLogWriter::byteLinesAsText()
{
    // An ASCII line handed over as bytes must give exactly the files its text gives.
    QFETCH(QByteArray, line);
    QFETCH(bool, plain);
    const auto markup = plain ? Agent::OutputLine::Markup::None : Agent::OutputLine::Markup::Some;
    QByteArray written[2][2];
    for (int asBytes : {0, 1}) {
        QTemporaryDir dir;
        Agent::StepLogWriter writer;
        QVERIFY(writer.open(dir.filePath("result.xml"), dir.filePath("step.log"), "s"));
        for (const char *level : {"info", "error", "info"}) {
            if (asBytes)
                writer.addLogLine("g", level,
                                  Agent::OutputLine::ascii(line.constData(), line.size(), markup));
            else
                writer.addLog("g", level, QString::fromLatin1(line));
        }
        writer.addLogLine("h", "info",
                          Agent::OutputLine::ascii(line.constData(), line.size(), markup));
        QVERIFY(writer.finish(Core::StepResult()));
        written[asBytes][0] = TestLib::readFile(dir.filePath("result.xml"));
        written[asBytes][1] = TestLib::readFile(dir.filePath("step.log"));
    }
    QCOMPARE(written[1][0], written[0][0]);
    QCOMPARE(written[1][1], written[0][1]);
    QCOMPARE(written[1][1], line + '\n' + line + '\n' + line + '\n' + line + '\n');
}

void tst_StepLogWriter::plainRuns_data()
{
    // A script of calls: "level:line,line,…" hands the lines over as one run (or, for the
    // reference files, one addLogLine() per line); "!" starts a command, "error:text" adds an
    // error, "text:level:line" adds a line as text. Calls are separated by '|'.
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("references"); ///< <bittern:messages …/> in the Referenced form
    QTest::addRow("one run") << "info:a,b,c" << 1;
    QTest::addRow("a run of one line") << "info:a" << 0;
    QTest::addRow("empty lines") << "info:,,x," << 1;
    QTest::addRow("a run after a single line") << "text:info:a|info:b,c" << 1;
    QTest::addRow("a run extends a reference") << "info:a,b|info:c,d" << 1;
    QTest::addRow("another level closes the reference") << "info:a,b|error:c|info:d,e,f" << 2;
    QTest::addRow("a lone line between runs") << "info:a,b|error:c|info:d" << 1;
    QTest::addRow("an error between runs") << "info:a,b|error!boom|info:c,d" << 2;
    QTest::addRow("runs across commands") << "info:a,b|!|info:c,d|!|info:e" << 2;
    QTest::addRow("a markup line between runs") << "info:a,b|text:info:x<y|info:c,d" << 2;
    QTest::addRow("a level that needs escaping") << "we<ird:a,b|info:c" << 0;
}

void tst_StepLogWriter::plainRuns()
{
    // A run of plain lines must give exactly the files its lines give one by one.
    QFETCH(QString, script);
    QFETCH(int, references);
    for (const Agent::ResultLogs mode :
         {Agent::ResultLogs::Embedded, Agent::ResultLogs::Referenced}) {
        QByteArray written[2][2];
        for (int asRuns : {0, 1}) {
            QTemporaryDir dir;
            Agent::StepLogWriter writer;
            writer.setResultLogs(mode);
            QVERIFY(writer.open(dir.filePath("result.xml"), dir.filePath("step.log"), "s"));
            for (const QString &call : script.split('|')) {
                if (call == "!") {
                    writer.startCommand();
                } else if (call.startsWith("error!")) {
                    writer.addError("g", call.mid(6));
                } else if (call.startsWith("text:")) {
                    const QStringList parts = call.mid(5).split(':');
                    writer.addLog("g", parts.at(0), parts.at(1));
                } else {
                    const int colon = call.lastIndexOf(':');
                    const QString level = call.left(colon);
                    const QByteArray lines = call.mid(colon + 1).toLatin1();
                    const QByteArray run = lines.split(',').join('\n') + '\n';
                    if (asRuns) {
                        writer.addLogLine("g", level,
                                          Agent::OutputLine::plainRun(run.constData(), run.size(),
                                                                      run.count('\n')));
                    } else {
                        for (const QByteArray &line : lines.split(','))
                            writer.addLogLine(
                                    "g", level,
                                    Agent::OutputLine::ascii(line.constData(), line.size(),
                                                             Agent::OutputLine::Markup::None));
                    }
                }
            }
            QVERIFY(writer.finish(Core::StepResult()));
            written[asRuns][0] = TestLib::readFile(dir.filePath("result.xml"));
            written[asRuns][1] = TestLib::readFile(dir.filePath("step.log"));
        }
        QCOMPARE(written[1][0], written[0][0]);
        QCOMPARE(written[1][1], written[0][1]);
        QCOMPARE(written[1][0].count("<bittern:messages"),
                 mode == Agent::ResultLogs::Referenced ? references : 0);
    }
}

QTEST_GUILESS_MAIN(tst_StepLogWriter)
#include "tst_steplogwriter.moc"
