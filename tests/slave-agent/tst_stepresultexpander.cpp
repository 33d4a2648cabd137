// SPDX-License-Identifier: GPL-3.0-or-later
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "core/report.h"
#include "core/stepresultreader.h"
#include "slave-agent/steplogwriter.h"
#include "slave-agent/stepresultexpander.h"
#include "tests/testlib/testdata.h"

/// What a StepLogWriter is asked to write, one entry per call: "generator|level|text" a log
/// line (ASCII lines as bytes, like process output), "!text" an error, "#" a new command,
/// "R" a report, "*N" N generated 64-byte lines.
using Script = QStringList;

class tst_StepResultExpander : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void referencedExpandsToEmbedded_data();
    void referencedExpandsToEmbedded();
    void logInAnotherDirectory();
    void logNameNeedingEscapes();
    void errors_data();
    void errors();

private:
    static void play(Agent::StepLogWriter &writer, const Script &script);
    static QByteArray write(const QString &directory, const Script &script, Agent::ResultLogs mode,
                            const QString &logName = "step.log");
};

void tst_StepResultExpander::play(Agent::StepLogWriter &writer, const Script &script)
{
    Core::Report report;
    report.category = "test";
    report.generator = "g";
    report.items.append(Core::ReportItem::of({{"type", "test"}, {"name", "t"}}));
    for (const QString &entry : script) {
        if (entry == "#") {
            writer.startCommand();
        } else if (entry == "R") {
            writer.addReport(report);
        } else if (entry.startsWith('!')) {
            writer.addError("g", entry.mid(1));
        } else if (entry.startsWith('*')) {
            for (int i = 0; i < entry.mid(1).toInt(); ++i) {
                const QByteArray line = QByteArray::number(i).rightJustified(63, '.');
                writer.addLogLine("g", "info",
                                  Agent::OutputLine::ascii(line.constData(), line.size(),
                                                           Agent::OutputLine::Markup::None));
            }
        } else {
            const QStringList parts = entry.split('|');
            const QString text = parts.mid(2).join('|');
            const QByteArray ascii = text.toLatin1();
            bool plain = true;
            for (const QChar c : text)
                plain = plain && c >= ' ' && c <= '~' && c != '<' && c != '>' && c != '&';
            if (ascii == text.toUtf8() && !text.contains('\n'))
                writer.addLogLine(
                        parts.at(0), parts.at(1),
                        Agent::OutputLine::ascii(ascii.constData(), ascii.size(),
                                                 plain ? Agent::OutputLine::Markup::None
                                                       : Agent::OutputLine::Markup::Some));
            else
                writer.addLog(parts.at(0), parts.at(1), text);
        }
    }
}

QByteArray tst_StepResultExpander::write(const QString &directory, const Script &script,
                                         Agent::ResultLogs mode, const QString &logName)
{
    Agent::StepLogWriter writer;
    writer.setResultLogs(mode);
    if (!writer.open(directory + "/result.xml", directory + "/" + logName, "s"))
        return QByteArray();
    play(writer, script);
    Core::StepResult result;
    result.durationSeconds = 2.5;
    if (!writer.finish(result))
        return QByteArray();
    return TestLib::readFile(directory + "/result.xml");
}

void tst_StepResultExpander::referencedExpandsToEmbedded_data()
{
    QTest::addColumn<Script>("script");
    QTest::addColumn<int>("references");
    QTest::addColumn<int>("embeddedMessages"); ///< <message> elements left in the referenced form
    QTest::addRow("plain lines of one command: one reference")
            << Script{"g|info|one", "g|info|two", "g|info|three"} << 1 << 0;
    QTest::addRow("a reference per run of one level")
            << Script{"g|info|a", "g|info|b", "g|error|c", "g|error|d", "g|info|e", "g|info|f"} << 3
            << 0;
    QTest::addRow("a lone line between other levels stays a message")
            << Script{"g|info|a", "g|info|b", "g|error|c", "g|info|d", "g|info|e"} << 2 << 1;
    QTest::addRow("alternating levels: only messages")
            << Script{"g|info|a", "g|error|b", "g|info|c"} << 0 << 3;
    QTest::addRow("lines XML cannot hold as they are stay embedded")
            << Script{"g|info|plain",       "g|info|plain 2",
                      "g|info|a < b && c",  QString::fromUtf8("g|info|grüße"),
                      "g|info|two\nlines",  "g|info|bell\x07",
                      "g|info|plain again", "g|info|plain again 2"}
            << 2 << 4;
    QTest::addRow("errors, reports, commands and generators end a reference")
            << Script{"g|info|a", "g|info|a", "!broken",  "g|info|b", "g|info|b",
                      "#",        "g|info|c", "g|info|c", "R",        "h|info|d",
                      "h|info|d", "g|info|e", "g|info|e"}
            << 5 << 0;
    QTest::addRow("empty lines") << Script{"g|info|", "g|info|", "g|info|x"} << 1 << 0;
    QTest::addRow("a level that needs escaping stays embedded")
            << Script{"g|a\"b|x", "g|a\"b|x", "g|info|y", "g|info|z"} << 1 << 2;
    QTest::addRow("no log lines") << Script{"!only an error"} << 0 << 0;
    QTest::addRow("a log of several read blocks") << Script{"g|info|first", "*70000"} << 1 << 0;
}

void tst_StepResultExpander::referencedExpandsToEmbedded()
{
    QFETCH(Script, script);
    QTemporaryDir embeddedDir;
    QTemporaryDir referencedDir;
    const QByteArray embedded = write(embeddedDir.path(), script, Agent::ResultLogs::Embedded);
    const QByteArray referenced
            = write(referencedDir.path(), script, Agent::ResultLogs::Referenced);
    QVERIFY(!embedded.isEmpty());
    QVERIFY(!referenced.isEmpty());
    // step.log does not depend on the form of result.xml.
    QCOMPARE(TestLib::readFile(referencedDir.filePath("step.log")),
             TestLib::readFile(embeddedDir.filePath("step.log")));
    QVERIFY(!embedded.contains("bittern:"));
    QTEST(int(referenced.count("<bittern:messages xmlns:bittern=\"urn:bittern:step-result\" "
                               "file=\"step.log\" level=\"")),
          "references");
    QTEST(int(referenced.count("<message ")), "embeddedMessages");
    // The referenced form is still a well-formed step result; the pure reader skips references.
    QVERIFY2(Core::StepResultReader::read(referenced), referenced.left(2000).constData());
    QFile in(referencedDir.filePath("result.xml"));
    QVERIFY(in.open(QIODevice::ReadOnly));
    QByteArray expanded;
    QBuffer out(&expanded);
    out.open(QIODevice::WriteOnly);
    const auto done = Agent::StepResultExpander::expand(&in, referencedDir.path(), &out);
    QVERIFY2(done, done ? "" : qPrintable(done.error().message));
    QVERIFY(expanded == embedded); // QCOMPARE would print megabytes
}

void tst_StepResultExpander::logInAnotherDirectory()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir("logs"));
    const Script script{"g|info|one", "g|info|two", "g|error|three"};
    const QByteArray referenced
            = write(dir.path(), script, Agent::ResultLogs::Referenced, "logs/step.log");
    QVERIFY2(referenced.contains("file=\"logs/step.log\""), referenced.constData());
    const QString output = dir.filePath("expanded.xml");
    QVERIFY(Agent::StepResultExpander::expandFile(dir.filePath("result.xml"), output));
    QTemporaryDir embeddedDir;
    QCOMPARE(TestLib::readFile(output),
             write(embeddedDir.path(), script, Agent::ResultLogs::Embedded));
}

void tst_StepResultExpander::logNameNeedingEscapes()
{
    // The expander reads file="…" as it is, so such a name keeps every line embedded.
    QTemporaryDir referencedDir;
    QTemporaryDir embeddedDir;
    const Script script{"g|info|one", "g|info|two"};
    const QByteArray referenced
            = write(referencedDir.path(), script, Agent::ResultLogs::Referenced, "a&b.log");
    QVERIFY(!referenced.isEmpty());
    QCOMPARE(referenced, write(embeddedDir.path(), script, Agent::ResultLogs::Embedded, "a&b.log"));
}

void tst_StepResultExpander::errors_data()
{
    QTest::addColumn<QByteArray>("log"); ///< step.log as the expander finds it; "-": missing
    QTest::addColumn<QString>("message"); ///< %1: the directory
    QTest::addRow("the log is gone")
            << QByteArray("-")
            << "Could not expand the step result: the step log %1/step.log could not be read: No "
               "such file or directory.";
    QTest::addRow("the log is shorter")
            << QByteArray("one\n")
            << "Could not expand the step result: the step log %1/step.log ends before byte 8.";
    QTest::addRow("the range ends inside a line")
            << QByteArray("one\ntwo!")
            << "Could not expand the step result: the log reference into %1/step.log ends inside "
               "a line.";
}

void tst_StepResultExpander::errors()
{
    QFETCH(QByteArray, log);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QVERIFY(!write(dir.path(), Script{"g|info|one", "g|info|two"}, Agent::ResultLogs::Referenced)
                     .isEmpty());
    QFile file(dir.filePath("step.log"));
    if (log == "-") {
        QVERIFY(file.remove());
    } else {
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(log);
        file.close();
    }
    const auto done = Agent::StepResultExpander::expandFile(dir.filePath("result.xml"),
                                                            dir.filePath("expanded.xml"));
    QVERIFY(!done);
    QCOMPARE(done.error().message, message.arg(dir.path()));
}

QTEST_GUILESS_MAIN(tst_StepResultExpander)
#include "tst_stepresultexpander.moc"
