// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "slave-agent/javatools.h"
#include "tests/slave-agent/steptesthelper.h"
#include "tests/testlib/fakestepcontext.h"
#include "tests/testlib/testdata.h"

using Core::CommandId;
using TestLib::FakeStepContext;
using Attributes = QVector<QPair<QString, QString>>;
Q_DECLARE_METATYPE(Attributes)

namespace {

void writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(data);
}

/// An Ant project that compiles one JUnit 4 test class and runs it with the XML formatter
/// (Debian's ant, ant-optional and junit4).
void writeJavaProject(const QString &root)
{
    for (const QString &name : {"build.xml", "src/demo/CalcTest.java"}) {
        writeFile(root + '/' + name,
                  TestLib::readFile(TestLib::testDataPath("slave-agent/javatools/" + name)));
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

class tst_JavaTools : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void antArguments_data();
    void antArguments();
    void antBuildAndJunit();
    void antErrors_data();
    void antErrors();
    void junitInputs_data();
    void junitInputs();
    void cobertura();
    void coberturaUnreadable();
    void recipeStep();
};

void tst_JavaTools::antArguments_data()
{
    QTest::addColumn<Attributes>("attributes");
    QTest::addColumn<QStringList>("userArguments");
    QTest::addColumn<QStringList>("expectedTail");

    QTest::addRow("defaults: no build file, no target")
            << Attributes() << QStringList() << QStringList();
    QTest::addRow("file, keep_going, target")
            << Attributes{{"file", "sub/build.xml"}, {"keep_going", "true"}, {"target", "dist"}}
            << QStringList{"-Dx=1", "-q"}
            << QStringList{"-buildfile", "BASEDIR/sub/build.xml", "-keep-going", "dist"};
    QTest::addRow("keep-going spelling, any non-empty value")
            << Attributes{{"keep-going", "no"}} << QStringList() << QStringList{"-keep-going"};
}

void tst_JavaTools::antArguments()
{
    QFETCH(Attributes, attributes);
    QFETCH(QStringList, userArguments);
    QFETCH(QStringList, expectedTail);
    QTemporaryDir dir;
    FakeStepContext context(dir.path());
    const auto command = FakeStepContext::command(CommandId::JavaAnt, "java:ant", attributes);

    const QStringList expected = userArguments
            + QStringList{"-noinput",
                          "-listener",
                          "org.apache.tools.ant.XmlLogger",
                          "-Dant.XmlLogger.stylesheet.uri",
                          "\"\"",
                          "-DXmlLogger.file",
                          "/tmp/l.xml"}
            + expectedTail.replaceInStrings("BASEDIR", context.basedir());
    QCOMPARE(Agent::JavaTools::antArguments(context, command, userArguments, "/tmp/l.xml"),
             expected);
}

void tst_JavaTools::antBuildAndJunit()
{
    QTemporaryDir dir;
    writeJavaProject(dir.path());
    FakeStepContext context(dir.path());
    context.setProperty("ant.home", "/usr/share/ant");
    context.setProperty("java.home", "/usr/lib/jvm/java-17-openjdk-amd64");

    const auto ant = FakeStepContext::command(CommandId::JavaAnt, "java:ant", {{"target", "test"}});
    QVERIFY(Agent::JavaTools::ant(context, ant).hasValue());
    QCOMPARE(context.errors(), QStringList());
    QCOMPARE(context.processes().size(), 1);
    QCOMPARE(context.processes().at(0).program, QString("/usr/share/ant/bin/ant"));
    QCOMPARE(context.processes().at(0).environment.value("JAVA_HOME"),
             QString("/usr/lib/jvm/java-17-openjdk-amd64"));
    QVERIFY2(context.logLines().contains("info: Compiling 1 source file to build/classes"),
             qPrintable(context.logLines().join('\n')));

    const auto junit
            = FakeStepContext::command(CommandId::JavaJunit, "java:junit",
                                       {{"file", "reports/TEST-*.xml"}, {"srcdir", "src"}});
    QVERIFY(Agent::JavaTools::junit(context, junit).hasValue());
    QCOMPARE(context.errors(), QStringList{"2 of 4 tests failed"});
    const auto reports = context.reports();
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.at(0).generator, QString("http://bitten.edgewall.org/tools/java#junit"));
    QStringList actual = items(reports.at(0), {"fixture", "name", "status", "file"});
    actual.sort();
    QCOMPARE(actual,
             QStringList({"fixture=demo.CalcTest name=adds status=success "
                          "file=src/demo/CalcTest.java",
                          "fixture=demo.CalcTest name=explodes status=error "
                          "file=src/demo/CalcTest.java",
                          "fixture=demo.CalcTest name=later status=ignore "
                          "file=src/demo/CalcTest.java",
                          "fixture=demo.CalcTest name=subtracts status=failure "
                          "file=src/demo/CalcTest.java"}));
    for (const Core::ReportItem &item : reports.at(0).items) {
        if (item.value("name") == "subtracts") {
            const QString traceback = item.value("traceback");
            QVERIFY2(traceback.startsWith(
                             "junit.framework.AssertionFailedError: difference expected:<2> but "
                             "was:<1>"),
                     qPrintable(traceback));
        }
    }
}

void tst_JavaTools::antErrors_data()
{
    QTest::addColumn<Attributes>("attributes");
    QTest::addColumn<QStringList>("expectedErrors");
    QTest::addColumn<QStringList>("expectedLogSubset");

    QTest::addRow("a failing target: the XmlLogger's error attribute")
            << Attributes{{"target", "broken"}}
            << QStringList{"BASEDIR/build.xml:19: Something broke"} << QStringList();
    QTest::addRow("args are shell-split and come first")
            << Attributes{{"target", "echo"}, {"args", "'-Dgreeting=hello world'"}} << QStringList()
            << QStringList{"warn: args hello world"};
    QTest::addRow("an unknown target")
            << Attributes{{"target", "nosuch"}}
            << QStringList{"Target \"nosuch\" does not exist in the project \"demo\". "}
            << QStringList();
}

void tst_JavaTools::antErrors()
{
    QFETCH(Attributes, attributes);
    QFETCH(QStringList, expectedErrors);
    QFETCH(QStringList, expectedLogSubset);
    QTemporaryDir dir;
    writeJavaProject(dir.path());
    FakeStepContext context(dir.path());
    const auto ant = FakeStepContext::command(CommandId::JavaAnt, "java:ant", attributes);

    QVERIFY(Agent::JavaTools::ant(context, ant).hasValue());
    QCOMPARE(context.errors(), expectedErrors.replaceInStrings("BASEDIR", context.basedir()));
    for (const QString &line : expectedLogSubset) {
        QVERIFY2(context.logLines().contains(line), qPrintable(context.logLines().join('\n')));
    }
}

void tst_JavaTools::junitInputs_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("expectedReports");
    QTest::addColumn<QStringList>("expectedWarnings");

    QTest::addRow("no file matches: an empty report")
            << "nothing/*.xml" << QByteArray() << 1 << QStringList();
    QTest::addRow("malformed file: local warning only")
            << "reports/*.xml" << QByteArray("<testsuite><testcase") << 0
            << QStringList{"Error parsing JUnit results file ("};
}

void tst_JavaTools::junitInputs()
{
    QFETCH(QString, pattern);
    QFETCH(QByteArray, content);
    QFETCH(int, expectedReports);
    QFETCH(QStringList, expectedWarnings);
    QTemporaryDir dir;
    if (!content.isEmpty()) {
        writeFile(dir.filePath("reports/TEST-x.xml"), content);
    }
    FakeStepContext context(dir.path());
    const auto junit
            = FakeStepContext::command(CommandId::JavaJunit, "java:junit", {{"file", pattern}});

    QVERIFY(Agent::JavaTools::junit(context, junit).hasValue());
    QCOMPARE(context.errors(), QStringList());
    QCOMPARE(context.reports().size(), expectedReports);
    const QStringList warnings = context.localWarnings();
    QCOMPARE(warnings.size(), expectedWarnings.size());
    for (int i = 0; i < warnings.size(); ++i) {
        QVERIFY2(warnings.at(i).startsWith(expectedWarnings.at(i)), qPrintable(warnings.at(i)));
    }
}

void tst_JavaTools::cobertura()
{
    QTemporaryDir dir;
    writeFile(dir.filePath("coverage.xml"),
              TestLib::readFile(TestLib::testDataPath("slave-agent/javatools/coverage.xml")));
    FakeStepContext context(dir.path());
    const auto command = FakeStepContext::command(CommandId::JavaCobertura, "java:cobertura",
                                                  {{"file", "coverage.xml"}});

    QVERIFY(Agent::JavaTools::cobertura(context, command).hasValue());
    const auto reports = context.reports();
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.at(0).category, QString("coverage"));
    QCOMPARE(reports.at(0).generator, QString("http://bitten.edgewall.org/tools/java#cobertura"));
    QCOMPARE(items(reports.at(0), {"name", "file", "lines", "percentage", "line_hits"}),
             QStringList{"name=test.Main file=src/test/Main.java lines=3 percentage=67 "
                         "line_hits=5 - 0 2"});
}

void tst_JavaTools::coberturaUnreadable()
{
    QTemporaryDir dir;
    writeFile(dir.filePath("bad.xml"), "<coverage><sources>");
    FakeStepContext context(dir.path());
    auto command = FakeStepContext::command(CommandId::JavaCobertura, "java:cobertura",
                                            {{"file", "missing.xml"}});
    auto result = Agent::JavaTools::cobertura(context, command);
    QVERIFY(!result.hasValue());
    QCOMPARE(result.error().message,
             QString("[Errno 2] No such file or directory: '%1/missing.xml'")
                     .arg(context.basedir()));

    command = FakeStepContext::command(CommandId::JavaCobertura, "java:cobertura",
                                       {{"file", "bad.xml"}});
    result = Agent::JavaTools::cobertura(context, command);
    QVERIFY(!result.hasValue());
    QVERIFY(context.outputs().isEmpty());
}

void tst_JavaTools::recipeStep()
{
    // The whole path: recipe XML, the step runner, the POSIX launcher, the Bitten step result.
    QTemporaryDir dir;
    const QString basedir = dir.filePath("build");
    writeJavaProject(basedir);
    const QString ns = " xmlns:java='http://bitten.edgewall.org/tools/java'";
    const AgentTest::StepOutput output
            = AgentTest::runStep("<step id='test'><java:ant" + ns + " target='test'/><java:junit"
                                         + ns + " file='reports/TEST-*.xml' srcdir='src'/></step>",
                                 basedir);
    QCOMPARE(output.errors, QStringList{"2 of 4 tests failed"});
    QCOMPARE(output.result.status, Core::StepResult::Status::Failure);
    QVERIFY(output.logLines.contains("info: Compiling 1 source file to build/classes"));
    QCOMPARE(output.result.reports.size(), 1);
    QCOMPARE(output.result.reports.at(0).category, QString("test"));
    QCOMPARE(output.result.reports.at(0).items.size(), 4);
}

QTEST_GUILESS_MAIN(tst_JavaTools)
#include "tst_javatools.moc"
