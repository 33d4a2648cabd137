// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "slave-agent/shtools.h"
#include "steptesthelper.h"

class tst_ShTools : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void exec_data();
    void exec();
    void outputCapturesBothStreams();
    void timeout();
    void stripBasedir_data();
    void stripBasedir();
    void plainRuns_data();
    void plainRuns();

private:
    QString basedir() const { return m_dir->path() + "/build"; }
    void writeFile(const QString &name, const QByteArray &data, bool executable = false);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_ShTools::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(QDir().mkpath(basedir() + "/sub"));
    writeFile("script.sh", "#!/bin/sh\necho script \"$@\"\n", true);
    writeFile("sub/inner.sh", "#!/bin/sh\necho inner; pwd\n", true);
    writeFile("input.txt", "line one\nline two\n");
}

void tst_ShTools::writeFile(const QString &name, const QByteArray &data, bool executable)
{
    QFile file(basedir() + "/" + name);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
    file.close();
    if (executable)
        file.setPermissions(file.permissions() | QFile::ExeOwner);
}

void tst_ShTools::exec_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("errors");
    QTest::addColumn<QStringList>("logLines");

    QTest::addRow("executable with shell-like args")
            << "<sh:exec executable='echo' args='a \"b c\" d\\ e'/>" << QStringList{}
            << QStringList{"info: a b c d e"};
    QTest::addRow("non-zero exit names the executable")
            << "<sh:exec executable='sh' args=\"-c 'exit 3'\"/>"
            << QStringList{"Executing sh failed (error code 3)"} << QStringList{};
    QTest::addRow("stderr is logged as error")
            << "<sh:exec executable='sh' args=\"-c 'echo oops >&amp;2'\"/>" << QStringList{}
            << QStringList{"error: oops"};
    QTest::addRow("file resolved against basedir")
            << "<sh:exec file='script.sh' args='x'/>" << QStringList{}
            << QStringList{"info: script x"};
    QTest::addRow("executable runs file as first argument")
            << "<sh:exec executable='sh' file='script.sh' args='y'/>" << QStringList{}
            << QStringList{"info: script y"};
    QTest::addRow("file relative to dir, run in dir")
            << "<sh:exec file='inner.sh' dir='sub'/>" << QStringList{}
            << QStringList{"info: inner", "info: sub"};
    QTest::addRow("missing dir silently runs in basedir")
            << "<sh:exec executable='pwd' dir='nowhere'/>" << QStringList{}
            << QStringList{"info: "};
    QTest::addRow("missing file names the raw value")
            << "<sh:exec file='nosuch.sh'/>"
            << QStringList{"Could not start nosuch.sh: No such file or directory."}
            << QStringList{};
    QTest::addRow("pipe feeds the input file")
            << "<sh:pipe executable='cat' input='input.txt'/>" << QStringList{}
            << QStringList{"info: line one", "info: line two"};
    QTest::addRow("pipe failure text")
            << "<sh:pipe executable='sh' args=\"-c 'cat; exit 4'\" input='input.txt'/>"
            << QStringList{"Piping through sh failed (error code 4)"}
            << QStringList{"info: line one", "info: line two"};
    QTest::addRow("exec needs executable or file")
            << "<sh:exec args='x'/>"
            << QStringList{"Internal error in sh:exec: Either \"executable\" or \"file\" "
                           "attribute required."}
            << QStringList{};
    QTest::addRow("pipe needs input")
            << "<sh:pipe executable='cat'/>"
            << QStringList{"Internal error in sh:pipe: Missing required attribute \"input\"."}
            << QStringList{};
}

void tst_ShTools::exec()
{
    QFETCH(QString, command);
    const AgentTest::StepOutput output
            = AgentTest::runStep("<step id='s'>" + command + "</step>", basedir());
    QTEST(output.errors, "errors");
    QTEST(output.logLines, "logLines");
}

void tst_ShTools::outputCapturesBothStreams()
{
    const AgentTest::StepOutput output
            = AgentTest::runStep("<step id='s'><sh:exec executable='sh' output='out.txt' dir='sub'"
                                 " args=\"-c 'echo one; echo two >&amp;2'\"/></step>",
                                 basedir());
    QCOMPARE(output.errors, QStringList{});
    QCOMPARE(output.logLines, (QStringList{"info: one", "error: two"}));
    QFile file(basedir() + "/sub/out.txt");
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QCOMPARE(file.readAll(), QByteArray("one\ntwo\n"));
}

void tst_ShTools::timeout()
{
    const AgentTest::StepOutput output = AgentTest::runStep(
            "<step id='s'><sh:exec executable='sh' args=\"-c 'echo start; sleep 30'\""
            " timeout='1'/></step>",
            basedir());
    QCOMPARE(output.errors, QStringList{"Command sh timed out"});
    QCOMPARE(output.logLines, QStringList{"info: start"});
}

void tst_ShTools::stripBasedir_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("expected");
    QTest::addRow("path under basedir") << "/b/dir/src/x.c:1: warning"
                                        << "src/x.c:1: warning";
    QTest::addRow("basedir alone") << "cd /b/dir"
                                   << "cd ";
    QTest::addRow("unrelated") << "/b/other"
                               << "/b/other";
}

void tst_ShTools::stripBasedir()
{
    QFETCH(QString, line);
    QTEST(Agent::ShTools::stripBasedir("/b/dir", line), "expected");
}

namespace {

QStringList numbers(int from, int to)
{
    QStringList lines;
    for (int i = from; i <= to; ++i)
        lines << QString::number(i);
    return lines;
}

QStringList withPrefix(const QString &prefix, const QStringList &lines)
{
    QStringList prefixed;
    for (const QString &line : lines)
        prefixed << prefix + line;
    return prefixed;
}

} // namespace

void tst_ShTools::plainRuns_data()
{
    // Output the launcher reads in runs of plain lines: every line is logged and written to the
    // output file as it would be alone (basedir stripped in the log only). The streams are
    // compared one by one: their order between each other depends on the reads.
    QTest::addColumn<QString>("script"); ///< for sh -c, run in basedir; "BASE" is $PWD
    QTest::addColumn<QStringList>("out");
    QTest::addColumn<QStringList>("err");
    QTest::addColumn<QStringList>("file"); ///< the output file's lines, stdout then stderr
    QTest::addRow("more than one read")
            << "seq 1 30000" << numbers(1, 30000) << QStringList{} << numbers(1, 30000);
    QTest::addRow("basedir inside a run")
            << "seq 1 50; echo \"at BASE/src\"; echo \"BASE\"; seq 51 60"
            << numbers(1, 50) + QStringList{"at src", ""} + numbers(51, 60) << QStringList{}
            << numbers(1, 50) + QStringList{"at BASE/src", "BASE"} + numbers(51, 60);
    QTest::addRow("stderr beside") << "seq 1 100; seq 1 20 >&2" << numbers(1, 100) << numbers(1, 20)
                                   << numbers(1, 100) + numbers(1, 20);
    QTest::addRow("lines that are not plain inside")
            << "seq 1 5; echo \"a<b\"; echo \"x  \"; printf \"caf\\303\\251\\n\"; seq 6 9"
            << numbers(1, 5) + QStringList{"a<b", "x", QString::fromUtf8("café")} + numbers(6, 9)
            << QStringList{}
            << numbers(1, 5) + QStringList{"a<b", "x", QString::fromUtf8("café")} + numbers(6, 9);
}

void tst_ShTools::plainRuns()
{
    QFETCH(QString, script);
    QFETCH(QStringList, out);
    QFETCH(QStringList, err);
    QFETCH(QStringList, file);
    const QString base = QDir(basedir()).canonicalPath();
    script.replace("BASE", base);
    QString args = "-c '" + script + "'";
    args.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    const AgentTest::StepOutput output = AgentTest::runStep(
            "<step id='s'><sh:exec executable='sh' output='out.txt' args=\"" + args + "\"/></step>",
            basedir());
    QCOMPARE(output.errors, QStringList{});
    QStringList seenOut, seenErr;
    for (const QString &line : output.logLines) {
        if (line.startsWith("info: "))
            seenOut << line.mid(6);
        else
            seenErr << line;
    }
    QCOMPARE(seenOut, out);
    QCOMPARE(seenErr, withPrefix("error: ", err));
    QCOMPARE(output.run.logLines, out.size() + err.size());
    QFile written(basedir() + "/out.txt");
    QVERIFY2(written.open(QIODevice::ReadOnly), qPrintable(written.fileName()));
    QStringList fileLines = QString::fromUtf8(written.readAll()).split('\n');
    QCOMPARE(fileLines.takeLast(), QString());
    file.replaceInStrings("BASE", base);
    QCOMPARE(fileLines.size(), file.size());
    QStringList sortedFile = fileLines, sortedExpected = file;
    sortedFile.sort();
    sortedExpected.sort();
    QCOMPARE(sortedFile, sortedExpected);
}

QTEST_GUILESS_MAIN(tst_ShTools)
#include "tst_shtools.moc"
