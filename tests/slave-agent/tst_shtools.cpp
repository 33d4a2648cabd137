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

QTEST_GUILESS_MAIN(tst_ShTools)
#include "tst_shtools.moc"
