// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "slave-agent/commandregistry.h"
#include "slave-agent/phptools.h"
#include "tests/testlib/fakestepcontext.h"
#include "tests/testlib/testdata.h"

using Core::CommandId;
using TestLib::FakeStepContext;
using Attributes = QVector<QPair<QString, QString>>;
Q_DECLARE_METATYPE(Attributes)

namespace {

void copyData(const QString &root, const QStringList &names)
{
    for (const QString &name : names) {
        const QString target = root + '/' + name;
        QDir().mkpath(QFileInfo(target).absolutePath());
        QVERIFY(QFile::copy(TestLib::testDataPath("slave-agent/phptools/" + name), target));
    }
}

/// "field=value …" of each report item, for the fields asked for.
QStringList items(const Core::Report &report, const QStringList &fields)
{
    QStringList result;
    for (const Core::ReportItem &item : report.items) {
        QStringList parts;
        for (const QString &field : fields) {
            parts.append(field + '=' + item.value(field));
        }
        result.append(parts.join(' '));
    }
    return result;
}

} // namespace

class tst_PhpTools : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void phing_data();
    void phing();
    void phpunitAndCoverageFromRealRun();
    void phpcsFromRealRun();
    void unreadableFiles_data();
    void unreadableFiles();
};

void tst_PhpTools::phing_data()
{
    QTest::addColumn<Attributes>("attributes");
    QTest::addColumn<QStringList>("expectedArguments");
    QTest::addColumn<QStringList>("expectedErrors");

    QTest::addRow("defaults: build.xml in basedir, no target")
            << Attributes{{"executable", "phing"}}
            << QStringList{"-logger", "phing.listener.DefaultLogger", "-buildfile",
                           "BASEDIR/build.xml"}
            << QStringList();
    QTest::addRow("args, file and target; a failure") << Attributes{
            {"executable", "phing"},
            {"args", "-Dx='a b' fail"},
            {"file", "sub/phing.xml"},
            {"target", "dist"}} << QStringList{"-Dx=a b",    "fail",
                                               "-logger",    "phing.listener.DefaultLogger",
                                               "-buildfile", "BASEDIR/sub/phing.xml",
                                               "dist"} << QStringList{"Phing failed (3)"};
}

void tst_PhpTools::phing()
{
    QFETCH(Attributes, attributes);
    QFETCH(QStringList, expectedArguments);
    QFETCH(QStringList, expectedErrors);
    QTemporaryDir dir;
    copyData(dir.path(), {"phing"});
    FakeStepContext context(dir.path());
    const auto command = FakeStepContext::command(CommandId::PhpPhing, "php:phing", attributes);

    QVERIFY(Agent::PhpTools::phing(context, command).hasValue());
    expectedArguments.replaceInStrings("BASEDIR", context.basedir());
    QCOMPARE(context.processes().size(), 1);
    // The executable is a file in basedir, so it runs by its absolute path.
    QCOMPARE(context.processes().at(0).program, context.basedir() + "/phing");
    QCOMPARE(context.processes().at(0).arguments, expectedArguments);
    QStringList expectedLog;
    for (const QString &argument : expectedArguments) {
        expectedLog.append("info: arg: " + QString(argument).remove(context.basedir() + '/'));
    }
    expectedLog.append("error: to stderr");
    QCOMPARE(context.logLines(), expectedLog);
    QCOMPARE(context.errors(), expectedErrors);
}

void tst_PhpTools::phpunitAndCoverageFromRealRun()
{
    QTemporaryDir dir;
    copyData(dir.path(), {"src/Calc.php", "tests/CalcTest.php"});
    FakeStepContext context(dir.path());
    // Debian's phpunit writes JUnit XML, and with php-pcov a clover coverage report.
    Agent::ProcessSpec run;
    run.program = "phpunit";
    run.arguments = QStringList{"--log-junit",
                                "build/junit.xml",
                                "--coverage-clover",
                                "build/clover.xml",
                                "--coverage-filter",
                                "src",
                                "tests"};
    QCOMPARE(context.execute(run, {}).exitCode, 1);

    const auto phpunit = FakeStepContext::command(CommandId::PhpPhpunit, "php:phpunit",
                                                  {{"file", "build/junit.xml"}});
    QVERIFY(Agent::PhpTools::phpunit(context, phpunit).hasValue());
    QCOMPARE(context.errors(), QStringList{"1 of 2 tests failed"});
    auto reports = context.reports();
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.at(0).generator, QString("http://bitten.edgewall.org/tools/php#phpunit"));
    QCOMPARE(items(reports.at(0), {"fixture", "name", "status", "file"}),
             QStringList({"fixture=CalcTest name=testAdd status=success file=tests/CalcTest.php",
                          "fixture=CalcTest name=testSub status=failure "
                          "file=tests/CalcTest.php"}));

    const auto coverage = FakeStepContext::command(CommandId::PhpCoverage, "php:coverage",
                                                   {{"file", "build/clover.xml"}});
    QVERIFY(Agent::PhpTools::coverage(context, coverage).hasValue());
    reports = context.reports();
    QCOMPARE(reports.size(), 2);
    QCOMPARE(reports.at(1).category, QString("coverage"));
    QCOMPARE(items(reports.at(1), {"name", "file", "lines", "percentage"}),
             QStringList{"name=Calc file=src/Calc.php lines=4 percentage=75"});
}

void tst_PhpTools::phpcsFromRealRun()
{
    QTemporaryDir dir;
    copyData(dir.path(), {"src/Calc.php"});
    FakeStepContext context(dir.path());
    Agent::ProcessSpec run;
    run.program = "phpcs";
    run.arguments = QStringList{"--report=full", "--report-file=build/phpcs.txt", "src"};
    QDir(dir.path()).mkdir("build");
    QVERIFY(context.execute(run, {}).exitCode != 0); // problems found

    const auto phpcs = FakeStepContext::command(CommandId::PhpPhpcs, "php:phpcs",
                                                {{"file", "build/phpcs.txt"}});
    QVERIFY(Agent::PhpTools::phpcs(context, phpcs).hasValue());
    const auto reports = context.reports();
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.at(0).category, QString("lint"));
    QCOMPARE(items(reports.at(0), {"category", "line", "file", "msg"}),
             QStringList({"category=error line=2 file=src/Calc.php msg=Missing file doc comment",
                          "category=error line=2 file=src/Calc.php msg=Missing doc comment for "
                          "class Calc",
                          "category=error line=4 file=src/Calc.php msg=Missing doc comment for "
                          "function add()",
                          "category=error line=9 file=src/Calc.php msg=Missing doc comment for "
                          "function sub()"}));
}

void tst_PhpTools::unreadableFiles_data()
{
    QTest::addColumn<CommandId>("id");
    QTest::addColumn<QString>("name");
    QTest::addRow("phpunit") << CommandId::PhpPhpunit << "php:phpunit";
    QTest::addRow("coverage") << CommandId::PhpCoverage << "php:coverage";
}

void tst_PhpTools::unreadableFiles()
{
    QFETCH(CommandId, id);
    QFETCH(QString, name);
    QTemporaryDir dir;
    FakeStepContext context(dir.path());
    const auto command = FakeStepContext::command(id, name, {{"file", "missing.xml"}});
    Agent::CommandRegistry registry;
    Agent::PhpTools::registerCommands(registry);
    QVERIFY((*registry.find(command))(context, command).hasValue());
    // Bitten logs the read error for these two commands instead of failing the step.
    QCOMPARE(context.errors(), QStringList());
    QCOMPARE(context.reports().size(), 0);
    QCOMPARE(context.logLines().size(), 1);
}

QTEST_GUILESS_MAIN(tst_PhpTools)
#include "tst_phptools.moc"
