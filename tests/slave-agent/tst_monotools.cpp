// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "slave-agent/monotools.h"
#include "tests/testlib/fakestepcontext.h"
#include "tests/testlib/testdata.h"

using Core::CommandId;
using TestLib::FakeStepContext;

class tst_MonoTools : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nunitFromRealRun();
    void nunitInputs_data();
    void nunitInputs();
    void missingFile();
};

void tst_MonoTools::nunitFromRealRun()
{
    QTemporaryDir dir;
    QVERIFY(QFile::copy(TestLib::testDataPath("slave-agent/monotools/CalcTest.cs"),
                        dir.filePath("CalcTest.cs")));
    FakeStepContext context(dir.path());
    // Build and run an NUnit 2 test assembly with Debian's mono-devel and nunit-console.
    Agent::ProcessSpec compile;
    compile.program = "mcs";
    compile.arguments = QStringList{"-target:library",
                                    "-r:/usr/lib/cli/nunit.framework-2.6.3/nunit.framework.dll",
                                    "-out:Demo.Tests.dll", "CalcTest.cs"};
    QCOMPARE(context.execute(compile, {}).exitCode, 0);
    Agent::ProcessSpec run;
    run.program = "nunit-console";
    run.arguments = QStringList{"Demo.Tests.dll", "-xml=results/TestResult.xml", "-nologo"};
    QDir(dir.path()).mkdir("results");
    QCOMPARE(context.execute(run, {}).exitCode, 1);

    const auto command = FakeStepContext::command(CommandId::MonoNunit, "mono:nunit",
                                                  {{"file", "results/*.xml"}});
    QVERIFY(Agent::MonoTools::nunit(context, command).hasValue());
    QCOMPARE(context.errors(), QStringList{"1 of 3 tests failed"});
    const auto reports = context.reports();
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.at(0).category, QString("test"));
    QCOMPARE(reports.at(0).generator, QString("http://bitten.edgewall.org/tools/mono#nunit"));
    QStringList items;
    for (const Core::ReportItem &item : reports.at(0).items) {
        // Bitten's bug, kept: no test name.
        QVERIFY(!item.has("name"));
        items.append(item.value("fixture") + ' ' + item.value("status"));
        if (item.value("status") == "failure") {
            QVERIFY(item.value("traceback").contains("at Demo.CalcTest.Subtracts ()"));
        }
    }
    QCOMPARE(items, QStringList({"CalcTest success", "CalcTest ignore", "CalcTest failure"}));
}

void tst_MonoTools::nunitInputs_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("expectedReports");
    QTest::addColumn<int>("expectedWarnings");

    QTest::addRow("no file matches: an empty report") << QByteArray() << 1 << 0;
    QTest::addRow("malformed file: local warning only")
            << QByteArray("<test-results><test-suite") << 0 << 1;
}

void tst_MonoTools::nunitInputs()
{
    QFETCH(QByteArray, content);
    QFETCH(int, expectedReports);
    QFETCH(int, expectedWarnings);
    QTemporaryDir dir;
    if (!content.isEmpty()) {
        QFile file(dir.filePath("TestResult.xml"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    FakeStepContext context(dir.path());
    const auto command = FakeStepContext::command(CommandId::MonoNunit, "mono:nunit",
                                                  {{"file", "TestResult*.xml"}});
    QVERIFY(Agent::MonoTools::nunit(context, command).hasValue());
    QCOMPARE(context.errors(), QStringList());
    QCOMPARE(context.reports().size(), expectedReports);
    QCOMPARE(context.localWarnings().size(), expectedWarnings);
}

void tst_MonoTools::missingFile()
{
    QTemporaryDir dir;
    FakeStepContext context(dir.path());
    const auto command = FakeStepContext::command(CommandId::MonoNunit, "mono:nunit", {});
    const auto result = Agent::MonoTools::nunit(context, command);
    QVERIFY(!result.hasValue());
    QCOMPARE(result.error().message, QString("Missing required attribute \"file\"."));
}

QTEST_GUILESS_MAIN(tst_MonoTools)
#include "tst_monotools.moc"
