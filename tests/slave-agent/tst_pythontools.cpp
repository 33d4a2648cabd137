// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "slave-agent/commandregistry.h"
#include "slave-agent/pythontools.h"
#include "slave-agent/unittestrunner.h"
#include "tests/slave-agent/steptesthelper.h"
#include "tests/testlib/fakestepcontext.h"

using Core::CommandId;
using TestLib::FakeStepContext;
using Attributes = QVector<QPair<QString, QString>>;
using Files = QMap<QString, QByteArray>;

Q_DECLARE_METATYPE(Attributes)
Q_DECLARE_METATYPE(Files)

namespace {

/// The system interpreter, which has coverage.py and pylint (Debian's python3-coverage, pylint).
const QString systemPython = "/usr/bin/python3";

void writeFiles(const QString &root, const Files &files)
{
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QString path = root + '/' + it.key();
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
        file.write(it.value());
    }
}

/// A tiny project: a package with two modules and unittest tests (one passes, one errors, one
/// is skipped, one fails) plus a doctest.
Files project()
{
    return Files{
            {"pkg/__init__.py", ""},
            {"pkg/calc.py",
             "def add(a, b):\n    return a + b\n\n\ndef sub(a, b):\n"
             "    if a > 100:\n        return 0\n    return a - b\n"},
            {"pkg/doc.py",
             "def twice(x):\n    \"\"\"\n    >>> twice(2)\n    4\n    \"\"\"\n"
             "    return 2 * x\n"},
            {"tests/__init__.py", ""},
            {"tests/test_calc.py",
             "import sys\nimport unittest\nfrom pkg import calc\n\n\n"
             "class CalcTest(unittest.TestCase):\n"
             "    def test_add(self):\n        self.assertEqual(calc.add(1, 2), 3)\n\n"
             "    def test_sub(self):\n        \"\"\"Subtracting works.\"\"\"\n"
             "        print('hello from sub')\n        self.assertEqual(calc.sub(3, 2), 2)\n\n"
             "    def test_error(self):\n        raise RuntimeError('boom')\n\n"
             "    @unittest.skip('not today')\n    def test_skip(self):\n        pass\n"},
            {"tests/test_doc.py",
             "import doctest\nfrom pkg import doc\n\n\n"
             "def load_tests(loader, tests, pattern):\n"
             "    tests.addTests(doctest.DocTestSuite(doc))\n"
             "    return tests\n"},
    };
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

class tst_PythonTools : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exec_data();
    void exec();
    void internalErrors_data();
    void internalErrors();
    void interpreter_data();
    void interpreter();
    void distutils_data();
    void distutils();
    void parseOptions_data();
    void parseOptions();
    void unittestArguments_data();
    void unittestArguments();
    void unittestResults();
    void unittestWithoutSetupPy();
    void unittestCoverage_data();
    void unittestCoverage();
    void figleafErrors();
    void pylint();
    void recipeStep();
};

void tst_PythonTools::exec_data()
{
    QTest::addColumn<Files>("files");
    QTest::addColumn<Attributes>("attributes");
    QTest::addColumn<QStringList>("expectedLog");
    QTest::addColumn<QStringList>("expectedErrors");

    const Files script{{"script.py",
                        "import sys, os\nprint(sys.argv[1:])\n"
                        "sys.stderr.write('oops ' + os.getcwd() + '/x\\n')\n"
                        "sys.exit(int(os.environ.get('CODE', '0')))\n"}};
    QTest::addRow("file form: args shell-split, stdout info, stderr error without basedir")
            << script << Attributes{{"file", "script.py"}, {"args", "a 'b c'"}}
            << QStringList{"info: ['a', 'b c']", "error: oops x"} << QStringList();
    QTest::addRow("non-zero exit status")
            << Files{{"fail.py", "import sys\nsys.exit(3)\n"}} << Attributes{{"file", "fail.py"}}
            << QStringList() << QStringList{"Executing fail.py failed (error code 3)"};
    QTest::addRow("module form runs the module's file as a script")
            << Files{{"mymod.py", "print(__name__)\n"}} << Attributes{{"module", "mymod"}}
            << QStringList{"info: __main__"} << QStringList();
    QTest::addRow("module that cannot be imported")
            << Files() << Attributes{{"module", "nosuch"}} << QStringList()
            << QStringList{"Cannot execute Python module nosuch: No module named 'nosuch'"};
    const Files helper{{"helper.py",
                        "import sys\n\n\ndef main(argv):\n    print(argv)\n\n\n"
                        "def fail(argv):\n    sys.exit(4)\n"}};
    QTest::addRow("function form without args passes the word None")
            << helper << Attributes{{"module", "helper"}, {"function", "main"}}
            << QStringList{"info: ['-c', 'None']"} << QStringList();
    QTest::addRow("function form with args")
            << helper << Attributes{{"module", "helper"}, {"function", "main"}, {"args", "x y"}}
            << QStringList{"info: ['-c', 'x', 'y']"} << QStringList();
    QTest::addRow("function form failing names None")
            << helper << Attributes{{"module", "helper"}, {"function", "fail"}} << QStringList()
            << QStringList{"Executing None failed (error code 4)"};
    QTest::addRow("timeout") << Files{{"slow.py", "import time\ntime.sleep(30)\n"}}
                             << Attributes{{"file", "slow.py"}, {"timeout", "1"}} << QStringList()
                             << QStringList{"Command /usr/bin/python3 timed out"};
}

void tst_PythonTools::exec()
{
    QFETCH(Files, files);
    QFETCH(Attributes, attributes);
    QFETCH(QStringList, expectedLog);
    QFETCH(QStringList, expectedErrors);

    QTemporaryDir dir;
    writeFiles(dir.path(), files);
    FakeStepContext context(dir.path());
    context.setProperty("python.path", systemPython);
    const auto command = FakeStepContext::command(CommandId::PythonExec, "python:exec", attributes);

    const auto result = Agent::PythonTools::exec(context, command);
    QVERIFY(result.hasValue());
    QCOMPARE(context.logLines(), expectedLog);
    QCOMPARE(context.errors(), expectedErrors);
}

void tst_PythonTools::internalErrors_data()
{
    QTest::addColumn<CommandId>("id");
    QTest::addColumn<QString>("name");
    QTest::addColumn<Attributes>("attributes");
    QTest::addColumn<QString>("expectedError");

    QTest::addRow("exec without file or module")
            << CommandId::PythonExec << "python:exec" << Attributes{{"args", "x"}}
            << "Either \"file\" or \"module\" attribute required.";
    QTest::addRow("exec function with a file")
            << CommandId::PythonExec << "python:exec"
            << Attributes{{"file", "a.py"}, {"module", "a"}, {"function", "f"}}
            << "\"module\" attribute required for use of \"function\" attribute.";
    QTest::addRow("exec timeout that is not a number")
            << CommandId::PythonExec << "python:exec"
            << Attributes{{"file", "a.py"}, {"timeout", "soon"}}
            << "Invalid timeout \"soon\": not a number of seconds.";
    QTest::addRow("unittest without file")
            << CommandId::PythonUnittest << "python:unittest" << Attributes()
            << "Missing required attribute \"file\".";
    QTest::addRow("trace without coverdir")
            << CommandId::PythonTrace << "python:trace" << Attributes{{"summary", "s.txt"}}
            << "Missing required attribute \"coverdir\".";
    QTest::addRow("coverage without summary")
            << CommandId::PythonCoverage << "python:coverage" << Attributes()
            << "Missing required attribute \"summary\".";
    QTest::addRow("pylint without file") << CommandId::PythonPylint << "python:pylint"
                                         << Attributes() << "Missing required attribute \"file\".";
}

void tst_PythonTools::internalErrors()
{
    QFETCH(CommandId, id);
    QFETCH(QString, name);
    QFETCH(Attributes, attributes);
    QFETCH(QString, expectedError);

    QTemporaryDir dir;
    FakeStepContext context(dir.path());
    const auto command = FakeStepContext::command(id, name, attributes);
    const auto registry = Agent::CommandRegistry::builtin();
    const Agent::CommandFunction *function = registry.find(command);
    QVERIFY(function);
    const auto result = (*function)(context, command);
    QVERIFY(!result.hasValue());
    QCOMPARE(result.error().message, expectedError);
    QVERIFY(context.outputs().isEmpty());
}

void tst_PythonTools::interpreter_data()
{
    QTest::addColumn<QString>("pythonPath");
    QTest::addColumn<QString>("expectedProgram");
    QTest::addRow("python.path naming an existing file") << systemPython << systemPython;
    QTest::addRow("python.path naming no file") << "/nonexistent/python"
                                                << "python3";
    QTest::addRow("no python.path") << QString() << "python3";
}

void tst_PythonTools::interpreter()
{
    QFETCH(QString, pythonPath);
    QFETCH(QString, expectedProgram);
    QTemporaryDir dir;
    writeFiles(dir.path(), Files{{"setup.py", "print('ok')\n"}});
    FakeStepContext context(dir.path());
    if (!pythonPath.isEmpty()) {
        context.setProperty("python.path", pythonPath);
    }
    const auto command
            = FakeStepContext::command(CommandId::PythonDistutils, "python:distutils", {});
    QVERIFY(Agent::PythonTools::distutils(context, command).hasValue());
    QCOMPARE(context.processes().size(), 1);
    QCOMPARE(context.processes().at(0).program, expectedProgram);
    QCOMPARE(context.processes().at(0).arguments,
             QStringList({context.basedir() + "/setup.py", "build"}));
}

void tst_PythonTools::distutils_data()
{
    QTest::addColumn<Files>("files");
    QTest::addColumn<Attributes>("attributes");
    QTest::addColumn<QStringList>("expectedLogSubset");
    QTest::addColumn<QStringList>("expectedErrors");
    QTest::addColumn<QString>("expectedFile");

    Files setuptools = project();
    setuptools.insert("setup.py",
                      "from setuptools import setup\n"
                      "setup(name='demo', version='1.0', packages=['pkg'])\n");
    QTest::addRow("real setuptools build")
            << setuptools << Attributes() << QStringList{"info: running build"} << QStringList()
            << "build/lib/pkg/calc.py";
    QTest::addRow("real setuptools, unknown command: the error: line is the step error")
            << setuptools << Attributes{{"command", "nosuch"}}
            << QStringList{"error: error: invalid command 'nosuch'"}
            << QStringList{"invalid command 'nosuch'"} << QString();
    QTest::addRow("stderr prefixes and options")
            << Files{{"setup.py",
                      "import sys\nprint(sys.argv[1:])\n"
                      "sys.stderr.write('warning: careful\\nerror: broken\\nplain\\n')\n"
                      "sys.exit(1)\n"}}
            << Attributes{{"command", "sdist"}, {"options", "--formats=zip -q"}}
            << QStringList{"info: ['sdist', '--formats=zip', '-q']", "warning: careful",
                           "error: error: broken", "error: plain"}
            << QStringList{"broken"} << QString();
    QTest::addRow("exit status without an error: line")
            << Files{{"other.py", "import sys\nsys.exit(2)\n"}} << Attributes{{"file", "other.py"}}
            << QStringList() << QStringList{"distutils failed (2)"} << QString();
}

void tst_PythonTools::distutils()
{
    QFETCH(Files, files);
    QFETCH(Attributes, attributes);
    QFETCH(QStringList, expectedLogSubset);
    QFETCH(QStringList, expectedErrors);
    QFETCH(QString, expectedFile);

    QTemporaryDir dir;
    writeFiles(dir.path(), files);
    FakeStepContext context(dir.path());
    context.setProperty("python.path", systemPython);
    const auto command
            = FakeStepContext::command(CommandId::PythonDistutils, "python:distutils", attributes);

    QVERIFY(Agent::PythonTools::distutils(context, command).hasValue());
    const QStringList log = context.logLines();
    for (const QString &line : expectedLogSubset) {
        QVERIFY2(log.contains(line), qPrintable(log.join('\n')));
    }
    QCOMPARE(context.errors(), expectedErrors);
    if (!expectedFile.isEmpty()) {
        QVERIFY(QFileInfo::exists(dir.filePath(expectedFile)));
    }
}

void tst_PythonTools::parseOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("setupCfg");
    QTest::addColumn<QStringList>("expected"); // xml|summary|dir|method|suite|module
    QTest::addColumn<QString>("expectedError");

    QTest::addRow("defaults") << QStringList() << QByteArray()
                              << QStringList{"", "", "", "trace", "", ""} << QString();
    QTest::addRow("setup.cfg [unittest] section, then the command line")
            << QStringList{"--coverage-summary=c.txt", "--coverage-method", "coverage", "-s",
                           "tests.suite"}
            << QByteArray("[unittest]\nxml-output = build/results.xml\ncoverage_dir = cov\n"
                          "coverage-summary = other.txt\n")
            << QStringList{"build/results.xml", "c.txt", "cov", "coverage", "tests.suite", ""}
            << QString();
    QTest::addRow("test module") << QStringList{"--test-module", "tests"} << QByteArray()
                                 << QStringList{"", "", "", "trace", "", "tests"} << QString();
    QTest::addRow("unknown option") << QStringList{"--verbose-xml", "x"} << QByteArray()
                                    << QStringList() << "option --verbose-xml not recognized";
    QTest::addRow("missing value") << QStringList{"--xml-output"} << QByteArray() << QStringList()
                                   << "option --xml-output requires argument";
    QTest::addRow("unknown coverage method")
            << QStringList{"--coverage-method=hotshot"} << QByteArray() << QStringList()
            << "Unknown coverage method 'hotshot'";
}

void tst_PythonTools::parseOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, setupCfg);
    QFETCH(QStringList, expected);
    QFETCH(QString, expectedError);

    const auto options = Agent::UnittestRunner::parseOptions(arguments, setupCfg);
    if (!expectedError.isEmpty()) {
        QVERIFY(!options.hasValue());
        QCOMPARE(options.error().message, expectedError);
        return;
    }
    QVERIFY(options.hasValue());
    const auto &o = options.value();
    QCOMPARE(QStringList({o.xmlOutput, o.coverageSummary, o.coverageDir, o.coverageMethod,
                          o.testSuite, o.testModule}),
             expected);
}

void tst_PythonTools::unittestArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("setupPy");
    QTest::addColumn<QStringList>("expected");

    QTest::addRow("discovery by default")
            << QStringList() << QByteArray("setup()") << QStringList{"discover", "-v", "-b"};
    QTest::addRow("test_suite of setup.py")
            << QStringList() << QByteArray("setup(name='x', test_suite = \"trac.test.suite\")")
            << QStringList{"-v", "-b", "trac.test.suite"};
    QTest::addRow("--test-suite wins")
            << QStringList{"-s", "a.b"} << QByteArray("setup(test_suite='c.d')")
            << QStringList{"-v", "-b", "a.b"};
    QTest::addRow("--test-module names its test_suite")
            << QStringList{"-m", "pkg.tests"} << QByteArray()
            << QStringList{"-v", "-b", "pkg.tests.test_suite"};
}

void tst_PythonTools::unittestArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, setupPy);
    QFETCH(QStringList, expected);
    const auto options = Agent::UnittestRunner::parseOptions(arguments, QByteArray());
    QVERIFY(options.hasValue());
    QCOMPARE(Agent::UnittestRunner::unittestArguments(options.value(), setupPy), expected);
}

void tst_PythonTools::unittestResults()
{
    QTemporaryDir dir;
    Files files = project();
    files.insert("setup.py", "from setuptools import setup\nsetup(name='demo')\n");
    files.insert("setup.cfg", "[unittest]\nxml-output = build/test-results.xml\n");
    writeFiles(dir.path(), files);
    FakeStepContext context(dir.path());
    context.setProperty("python.path", systemPython);

    const auto distutils = FakeStepContext::command(CommandId::PythonDistutils, "python:distutils",
                                                    {{"command", "unittest"}});
    QVERIFY(Agent::PythonTools::distutils(context, distutils).hasValue());
    QCOMPARE(context.errors(), QStringList());
    QVERIFY(context.logLines().contains(
            "info: test_add (tests.test_calc.CalcTest.test_add) ... ok"));

    const auto unittest = FakeStepContext::command(CommandId::PythonUnittest, "python:unittest",
                                                   {{"file", "build/test-results.xml"}});
    QVERIFY(Agent::PythonTools::unittest(context, unittest).hasValue());
    QCOMPARE(context.errors(), QStringList{"2 of 5 tests failed"});
    const auto reports = context.reports();
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.at(0).category, QString("test"));
    QCOMPARE(reports.at(0).generator, QString("http://bitten.edgewall.org/tools/python#unittest"));
    QCOMPARE(items(reports.at(0), {"name", "fixture", "status", "file", "description"}),
             QStringList({"name=test_add fixture=tests.test_calc.CalcTest status=success "
                          "file=tests/test_calc.py description=",
                          "name=test_error fixture=tests.test_calc.CalcTest status=error "
                          "file=tests/test_calc.py description=",
                          "name=test_skip fixture=tests.test_calc.CalcTest status=ignore "
                          "file=tests/test_calc.py description=",
                          "name=test_sub fixture=tests.test_calc.CalcTest status=failure "
                          "file=tests/test_calc.py description=Subtracting works.",
                          "name=doctest fixture=pkg.doc.twice status=success file=pkg/doc.py "
                          "description="}));
    const Core::ReportItem &failed = reports.at(0).items.at(3);
    QVERIFY(failed.value("traceback").endsWith("AssertionError: 1 != 2\n"));
    QCOMPARE(failed.value("stdout"), QString("hello from sub\n"));
}

void tst_PythonTools::unittestWithoutSetupPy()
{
    QTemporaryDir dir;
    writeFiles(dir.path(), project());
    FakeStepContext context(dir.path());
    context.setProperty("python.path", systemPython);
    const auto distutils = FakeStepContext::command(CommandId::PythonDistutils, "python:distutils",
                                                    {{"command", "unittest"}});
    QVERIFY(Agent::PythonTools::distutils(context, distutils).hasValue());
    QCOMPARE(context.errors(), QStringList{"distutils failed (2)"});
    QCOMPARE(context.logLines(),
             QStringList{QString("error: /usr/bin/python3: can't open file '%1/setup.py': "
                                 "[Errno 2] No such file or directory")
                                 .arg(context.basedir())});
    QVERIFY(context.processes().isEmpty());
}

void tst_PythonTools::unittestCoverage_data()
{
    QTest::addColumn<QString>("options");
    QTest::addColumn<CommandId>("id");
    QTest::addColumn<QString>("name");
    QTest::addColumn<Attributes>("attributes");
    QTest::addColumn<QStringList>("expected");

    QTest::addRow("coverage.py summary read by python:coverage")
            << "--coverage-summary build/cov.txt --coverage-dir build/coverage "
               "--coverage-method coverage"
            << CommandId::PythonCoverage << "python:coverage"
            << Attributes{{"summary", "build/cov.txt"},
                          {"coverdir", "build/coverage"},
                          {"include", "pkg/*"}}
            << QStringList{"name=pkg file=pkg/__init__.py percentage=100 lines=0 line_hits=",
                           "name=pkg.calc file=pkg/calc.py percentage=83 lines=6 "
                           "line_hits=1 1 - - 1 1 0 1",
                           "name=pkg.doc file=pkg/doc.py percentage=100 lines=2 "
                           "line_hits=1 - - - - 1"};
    QTest::addRow("trace summary read by python:trace")
            << "--coverage-summary build/trace.txt --coverage-dir build/trace"
            << CommandId::PythonTrace << "python:trace"
            << Attributes{{"summary", "build/trace.txt"},
                          {"coverdir", "build/trace"},
                          {"include", "pkg/*"}}
            << QStringList{"name=pkg.calc file=pkg/calc.py percentage=83 lines=6 "
                           "line_hits=1 1 - - 1 1 0 1",
                           "name=pkg.doc file=pkg/doc.py percentage=100 lines=2 "
                           "line_hits=1 - - - - 1",
                           "name=pkg.__init__ file=pkg/__init__.py percentage=0 lines=0 "
                           "line_hits="};
    QTest::addRow("figleaf method read by python:figleaf")
            << "--coverage-summary build/figleaf.json --coverage-method figleaf"
            << CommandId::PythonFigleaf << "python:figleaf"
            << Attributes{{"summary", "build/figleaf.json"}, {"include", "pkg/*"}}
            << QStringList{"name=pkg.__init__ file=pkg/__init__.py percentage=0 lines=0 "
                           "line_hits=",
                           "name=pkg.calc file=pkg/calc.py percentage=83 lines=6 "
                           "line_hits=1 1 - - 1 1 0 1",
                           "name=pkg.doc file=pkg/doc.py percentage=100 lines=2 "
                           "line_hits=1 - - - - 1"};
}

void tst_PythonTools::unittestCoverage()
{
    QFETCH(QString, options);
    QFETCH(CommandId, id);
    QFETCH(QString, name);
    QFETCH(Attributes, attributes);
    QFETCH(QStringList, expected);

    QTemporaryDir dir;
    Files files = project();
    files.insert("setup.py", "from setuptools import setup\nsetup(name='demo')\n");
    writeFiles(dir.path(), files);
    FakeStepContext context(dir.path());
    context.setProperty("python.path", systemPython);
    const auto distutils
            = FakeStepContext::command(CommandId::PythonDistutils, "python:distutils",
                                       {{"command", "unittest"}, {"options", options}});
    QVERIFY(Agent::PythonTools::distutils(context, distutils).hasValue());
    QCOMPARE(context.errors(), QStringList());

    const auto command = FakeStepContext::command(id, name, attributes);
    const auto registry = Agent::CommandRegistry::builtin();
    QVERIFY((*registry.find(command))(context, command).hasValue());
    QCOMPARE(context.errors(), QStringList());
    QCOMPARE(context.localWarnings(), QStringList());
    const auto reports = context.reports();
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.at(0).category, QString("coverage"));
    QCOMPARE(items(reports.at(0), {"name", "file", "percentage", "lines", "line_hits"}), expected);
}

void tst_PythonTools::figleafErrors()
{
    QTemporaryDir dir;
    writeFiles(dir.path(), Files{{"pickle.dat", "(dp0\nS'/x.py'\n"}});
    FakeStepContext context(dir.path());

    auto command = FakeStepContext::command(CommandId::PythonFigleaf, "python:figleaf",
                                            {{"summary", "missing.json"}});
    QVERIFY(Agent::PythonTools::figleaf(context, command).hasValue());
    QCOMPARE(context.localWarnings(),
             QStringList{QString("Error opening coverage summary file ([Errno 2] No such file or "
                                 "directory: '%1/missing.json')")
                                 .arg(context.basedir())});
    QCOMPARE(context.reports().size(), 0);

    command = FakeStepContext::command(CommandId::PythonFigleaf, "python:figleaf",
                                       {{"summary", "pickle.dat"}});
    const auto result = Agent::PythonTools::figleaf(context, command);
    QVERIFY(!result.hasValue());
    QCOMPARE(result.error().message,
             QString("The figleaf summary is not a coverage.py JSON report: The coverage.py JSON "
                     "report is not valid JSON: illegal value."));
}

void tst_PythonTools::pylint()
{
    QTemporaryDir dir;
    writeFiles(dir.path(),
               Files{{"lintme.py", "import os\n\ndef f():\n    x = 1\n    return None\n"},
                     {"build/.keep", ""}});
    FakeStepContext context(dir.path());
    context.setProperty("python.path", systemPython);
    // Bitten's parser reads pylint's old parseable format; pylint 2 needs this template for it.
    const auto exec = FakeStepContext::command(
            CommandId::PythonExec, "python:exec",
            {{"file", "/usr/bin/pylint"},
             {"args",
              "--msg-template='{path}:{line}: [{msg_id}, {obj}] {msg}' --reports=n "
              "--score=n --persistent=n lintme.py"},
             {"output", "build/pylint.txt"}});
    QVERIFY(Agent::PythonTools::exec(context, exec).hasValue());
    QCOMPARE(context.errors(), QStringList{"Executing /usr/bin/pylint failed (error code 28)"});

    const auto pylint = FakeStepContext::command(CommandId::PythonPylint, "python:pylint",
                                                 {{"file", "build/pylint.txt"}});
    QVERIFY(Agent::PythonTools::pylint(context, pylint).hasValue());
    const auto reports = context.reports();
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.at(0).category, QString("lint"));
    QCOMPARE(items(reports.at(0), {"category", "type", "tag", "line", "file", "msg"}),
             QStringList({"category=convention type=C0116 tag=f line=3 file=lintme.py "
                          "msg=Missing function or method docstring",
                          "category=convention type=C0103 tag=f line=3 file=lintme.py "
                          "msg=Function name \"f\" doesn't conform to snake_case naming style",
                          "category=convention type=C0103 tag=f line=4 file=lintme.py "
                          "msg=Variable name \"x\" doesn't conform to snake_case naming style",
                          "category=refactor type=R1711 tag=f line=3 file=lintme.py "
                          "msg=Useless return at end of function or method",
                          "category=warning type=W0612 tag=f line=4 file=lintme.py "
                          "msg=Unused variable 'x'"}));
}

void tst_PythonTools::recipeStep()
{
    // The whole path: recipe XML, the step runner, the POSIX launcher, the Bitten step result.
    QTemporaryDir dir;
    const QString basedir = dir.filePath("build");
    Files files = project();
    files.insert("setup.py", "from setuptools import setup\nsetup(name='demo')\n");
    writeFiles(basedir, files);
    const QString ns = " xmlns:python='http://bitten.edgewall.org/tools/python'";
    const AgentTest::StepOutput output = AgentTest::runStep(
            "<step id='test'><python:distutils" + ns
                    + " command='unittest' options='--xml-output build/r.xml'/>"
                      "<python:unittest"
                    + ns + " file='build/r.xml'/></step>",
            basedir, {{"python.path", systemPython}});
    QCOMPARE(output.errors, QStringList{"2 of 5 tests failed"});
    QCOMPARE(output.result.status, Core::StepResult::Status::Failure);
    QCOMPARE(output.result.reports.size(), 1);
    QCOMPARE(output.result.reports.at(0).category, QString("test"));
    QCOMPARE(output.result.reports.at(0).items.size(), 5);
    QCOMPARE(output.logLines.filter("info: Ran 5 tests in ").size(), 1);
}

QTEST_GUILESS_MAIN(tst_PythonTools)
#include "tst_pythontools.moc"
