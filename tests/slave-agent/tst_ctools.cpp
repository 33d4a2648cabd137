// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "core/report.h"
#include "slave-agent/ctools.h"
#include "steptesthelper.h"

namespace {

/// A StepContext for the pure argument builders: basedir and properties only.
class ArgumentContext : public Agent::StepContext
{
public:
    QHash<QString, QString> properties;
    QString basedir() const override { return "/b"; }
    QString property(const QString &name) const override { return properties.value(name); }
    bool hasProperty(const QString &name) const override { return properties.contains(name); }
    Agent::ProcessOutcome execute(const Agent::ProcessSpec &, const Agent::LineHandler &) override
    {
        return {};
    }
    void log(const QString &, const QString &, const QString &) override { }
    void error(const QString &, const QString &) override { }
    void report(const Core::Report &) override { }
    void attach(const Core::StepAttachment &) override { }
    void localWarning(const QString &) override { }
};

Core::RecipeCommand command(const QString &element)
{
    const Core::Recipe recipe = AgentTest::recipe("<step id='s'>" + element + "</step>");
    return recipe.steps.value(0).commands.value(0);
}

} // namespace

class tst_CTools : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void arguments_data();
    void arguments();
    void configureAndMake();
    void makeFailure();
    void autoreconf();
    void gcov();
    void cppunit();

private:
    QString basedir() const { return m_dir->path() + "/build"; }
    void writeFile(const QString &name, const QByteArray &data);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_CTools::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(QDir().mkpath(basedir()));
}

void tst_CTools::writeFile(const QString &name, const QByteArray &data)
{
    QFile file(basedir() + "/" + name);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
}

void tst_CTools::arguments_data()
{
    QTest::addColumn<QString>("element");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("configure: every option in Bitten's order")
            << "<c:configure enable='a b' disable='c' with='zlib ssl' without='x' cflags='-O2'"
               " cxxflags='-g' prefix='/opt'/>"
            << QStringList{"--enable-a",   "--enable-b",  "--disable-c", "--with-zlib=/usr/local",
                           "--with-ssl",   "--without-x", "CFLAGS=-O2",  "CXXFLAGS=-g",
                           "--prefix=/opt"};
    QTest::addRow("autoreconf: install with symlink, force, warnings, includes")
            << "<c:autoreconf force='1' install='1' symlink='1' warnings='all'"
               " include='m4 m5' prepend_include='p'/>"
            << QStringList{"--install",          "--symlink",    "--force",
                           "--warnings=all",     "--include=m4", "--include=m5",
                           "--prepend-include=p"};
    QTest::addRow("autoreconf: symlink without install is ignored")
            << "<c:autoreconf symlink='1'/>" << QStringList{};
    QTest::addRow("make: exact order")
            << "<c:make target='check' file='GNUmakefile' keep-going='false' jobs='3'"
               " args='V=1 &quot;X=a b&quot;'/>"
            << QStringList{"--directory", "/b", "--file", "/b/GNUmakefile", "--keep-going", "check",
                           "--jobs",      "3",  "V=1",    "X=a b"};
    QTest::addRow("make: directory verbatim, keep_going empty is false")
            << "<c:make directory='src' keep_going=''/>" << QStringList{"--directory", "src"};
}

void tst_CTools::arguments()
{
    QFETCH(QString, element);
    QFETCH(QStringList, expected);
    ArgumentContext context;
    context.properties.insert("zlib.path", "/usr/local");
    const Core::RecipeCommand parsed = command(element);
    QStringList actual;
    if (parsed.localName == "configure")
        actual = Agent::CTools::configureArguments(context, parsed);
    else if (parsed.localName == "autoreconf")
        actual = Agent::CTools::autoreconfArguments(parsed);
    else
        actual = Agent::CTools::makeArguments(context, parsed).value();
    QCOMPARE(actual, expected);
}

void tst_CTools::configureAndMake()
{
    writeFile("configure",
              "#!/bin/sh\necho \"configured $*\"\necho 'all:; @echo built' > "
              "Makefile\n");
    QFile::setPermissions(basedir() + "/configure", QFile::ReadOwner | QFile::ExeOwner);
    const AgentTest::StepOutput output = AgentTest::runStep(
            "<step id='s'><c:configure enable='x'/><c:make/></step>", basedir());
    QCOMPARE(output.errors, QStringList{});
    QVERIFY2(output.logLines.contains("info: configured --enable-x"),
             qPrintable(output.logLines.join('|')));
    QVERIFY(output.logLines.contains("info: built"));
}

void tst_CTools::makeFailure()
{
    writeFile("Makefile", "all:\n\t@echo failing; exit 2\n");
    const AgentTest::StepOutput output
            = AgentTest::runStep("<step id='s'><c:make/><c:configure/></step>", basedir());
    QCOMPARE(output.errors,
             (QStringList{"make failed (2)",
                          "Could not start configure: No such file or directory."}));
}

void tst_CTools::autoreconf()
{
    writeFile("configure.ac", "AC_INIT([t], [1.0])\nAC_OUTPUT\n");
    const AgentTest::StepOutput output = AgentTest::runStep(
            "<step id='s'><c:autoreconf force='yes'/><c:configure/></step>", basedir());
    QCOMPARE(output.errors, QStringList{});
    QVERIFY(QFile::exists(basedir() + "/configure"));
    QVERIFY(QFile::exists(basedir() + "/config.status"));
}

void tst_CTools::gcov()
{
    QVERIFY(QDir().mkpath(basedir() + "/src"));
    writeFile("src/hello.c",
              "int f(int x) {\n  if (x)\n    return 1;\n  return 0;\n}\n"
              "int main(void) { return f(0); }\n");
    const AgentTest::StepOutput output = AgentTest::runStep(
            "<step id='s'><sh:exec executable='gcc' args='--coverage -c -o src/hello.o "
            "src/hello.c'/><sh:exec executable='gcc' args='--coverage -o hello src/hello.o'/>"
            "<sh:exec executable='./hello'/><c:gcov/></step>",
            basedir());
    QCOMPARE(output.errors, QStringList{});
    QCOMPARE(output.result.reports.size(), 1);
    const Core::Report &report = output.result.reports.first();
    QCOMPARE(report.category, "coverage");
    QCOMPARE(report.items.size(), 1);
    QCOMPARE(report.items.first().value("file"), "src/hello.c");
    QVERIFY(report.items.first().value("lines").toInt() >= 5); // see the report on gcov >= 9
    QCOMPARE(report.items.first().value("percentage"), "80");
}

void tst_CTools::cppunit()
{
    writeFile("cppunit.xml",
              "<TestRun><FailedTests><FailedTest id='1'><Name>Fix::broken</Name>"
              "<Message>boom</Message></FailedTest></FailedTests><SuccessfulTests>"
              "<Test id='2'><Name>Fix::works</Name></Test></SuccessfulTests></TestRun>");
    const AgentTest::StepOutput output = AgentTest::runStep(
            "<step id='s'><c:cppunit file='cppunit.xml'/><c:cppunit file='missing.xml'/>"
            "</step>",
            basedir());
    QCOMPARE(output.errors, QStringList{"1 of 2 tests failed"});
    QCOMPARE(output.result.reports.size(), 1);
    QCOMPARE(Core::testTotals(output.result.reports.first()).failed(), 1);
}

QTEST_GUILESS_MAIN(tst_CTools)
#include "tst_ctools.moc"
