// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "slave-agent/unittestoutput.h"

using Agent::UnittestCase;
using Agent::UnittestOutput;

namespace {

const QString doubleRule(70, '=');
const QString singleRule(70, '-');

/// "name|fixture|module|status|description" of each test.
QStringList summary(const QVector<UnittestCase> &tests)
{
    QStringList result;
    for (const UnittestCase &test : tests) {
        result.append(
                QStringList{test.name, test.fixture, test.module, test.status, test.description}
                        .join('|'));
    }
    return result;
}

} // namespace

class tst_UnittestOutput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tests_data();
    void tests();
    void durations();
    void toXml();
};

void tst_UnittestOutput::tests_data()
{
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("tracebacks");
    QTest::addColumn<QStringList>("stdouts");

    // Python 3.11's `python3 -m unittest discover -v -b` on a project with a docstring, a
    // captured stdout/stderr, a skip and a doctest.
    QTest::addRow("Python 3.11 verbose output")
            << QStringList{"test_add (tests.test_calc.CalcTest.test_add) ... ok",
                           "test_error (tests.test_calc.CalcTest.test_error) ... ERROR",
                           "",
                           "Stderr:",
                           "to stderr",
                           "test_skip (tests.test_calc.CalcTest.test_skip) ... skipped 'not today'",
                           "test_sub (tests.test_calc.CalcTest.test_sub)",
                           "Subtracting works. ... FAIL",
                           "twice (pkg.doc)",
                           "Doctest: pkg.doc.twice ... ok",
                           "",
                           doubleRule,
                           "ERROR: test_error (tests.test_calc.CalcTest.test_error)",
                           singleRule,
                           "Traceback (most recent call last):",
                           "  File \"/p/tests/test_calc.py\", line 17, in test_error",
                           "    raise RuntimeError(\"boom\")",
                           "RuntimeError: boom",
                           "",
                           "Stderr:",
                           "to stderr",
                           "",
                           doubleRule,
                           "FAIL: test_sub (tests.test_calc.CalcTest.test_sub)",
                           "Subtracting works.",
                           singleRule,
                           "Traceback (most recent call last):",
                           "AssertionError: 1 != 2",
                           "",
                           "Stdout:",
                           "hello from sub",
                           "",
                           singleRule,
                           "Ran 5 tests in 0.004s",
                           "",
                           "FAILED (failures=1, errors=1, skipped=1)"}
            << QStringList{"test_add|tests.test_calc.CalcTest|tests.test_calc.CalcTest|success|",
                           "test_error|tests.test_calc.CalcTest|tests.test_calc.CalcTest|error|",
                           "test_skip|tests.test_calc.CalcTest|tests.test_calc.CalcTest|ignore|",
                           "test_sub|tests.test_calc.CalcTest|tests.test_calc.CalcTest|failure|"
                           "Subtracting works.",
                           "doctest|pkg.doc.twice|pkg.doc|success|"}
            << QStringList{"",
                           "Traceback (most recent call last):\n"
                           "  File \"/p/tests/test_calc.py\", line 17, in test_error\n"
                           "    raise RuntimeError(\"boom\")\nRuntimeError: boom\n",
                           "", "Traceback (most recent call last):\nAssertionError: 1 != 2\n", ""}
            << QStringList{"", "to stderr\n", "", "hello from sub\n", ""};

    QTest::addRow("Python 3.10 prints module.Class only")
            << QStringList{"test_a (mod.T) ... ok",
                           "test_b (mod.T) ... expected failure",
                           "test_c (mod.T) ... unexpected success",
                           "",
                           singleRule,
                           "Ran 3 tests in 0.001s"}
            << QStringList{"test_a|mod.T|mod.T|success|", "test_b|mod.T|mod.T|success|",
                           "test_c|mod.T|mod.T|failure|"}
            << QStringList{"", "", ""} << QStringList{"", "", ""};

    QTest::addRow("a setUpClass error becomes a test of its own")
            << QStringList{"",
                           doubleRule,
                           "ERROR: setUpClass (mod.T)",
                           singleRule,
                           "Traceback (most recent call last):",
                           "ValueError: no",
                           "",
                           singleRule,
                           "Ran 0 tests in 0.000s"}
            << QStringList{"setUpClass|mod.T|mod.T|error|"}
            << QStringList{"Traceback (most recent call last):\nValueError: no\n"}
            << QStringList{""};

    QTest::addRow("a module that fails to import")
            << QStringList{"test_x (unittest.loader._FailedTest.test_x) ... ERROR",
                           "",
                           doubleRule,
                           "ERROR: test_x (unittest.loader._FailedTest.test_x)",
                           singleRule,
                           "ImportError: Failed to import test module: test_x",
                           "",
                           singleRule,
                           "Ran 1 test in 0.000s"}
            << QStringList{"test_x|unittest.loader._FailedTest|unittest.loader._FailedTest|error|"}
            << QStringList{"ImportError: Failed to import test module: test_x\n"}
            << QStringList{""};
}

void tst_UnittestOutput::tests()
{
    QFETCH(QStringList, lines);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, tracebacks);
    QFETCH(QStringList, stdouts);

    UnittestOutput output;
    for (const QString &line : lines) {
        output.addLine(line, 0);
    }
    QCOMPARE(summary(output.tests()), expected);
    QStringList actualTracebacks;
    QStringList actualStdouts;
    for (const UnittestCase &test : output.tests()) {
        actualTracebacks.append(test.traceback);
        actualStdouts.append(test.stdoutText);
    }
    QCOMPARE(actualTracebacks, tracebacks);
    QCOMPARE(actualStdouts, stdouts);
}

void tst_UnittestOutput::durations()
{
    UnittestOutput output;
    output.addLine("test_a (m.T.test_a) ... ok", 0.5);
    output.addLine("test_b (m.T.test_b)", 0.75);
    output.addLine("Docstring. ... ok", 2.0);
    output.addLine("test_c (m.T.test_c) ... ok", 2.25);
    QCOMPARE(output.tests().size(), 3);
    QCOMPARE(output.tests().at(0).duration, 0.5);
    QCOMPARE(output.tests().at(1).duration, 1.25);
    QCOMPARE(output.tests().at(2).duration, 0.25);
}

void tst_UnittestOutput::toXml()
{
    UnittestCase test;
    test.name = "test_sub";
    test.fixture = "tests.test_calc.CalcTest";
    test.status = "failure";
    test.file = "/p/tests/test_calc.py";
    test.description = "Subtracting works.";
    test.traceback = "AssertionError: 1 != 2\n";
    test.duration = 0.25;
    UnittestCase passed;
    passed.name = "test_add";
    passed.fixture = "tests.test_calc.CalcTest";

    QCOMPARE(UnittestOutput::toXml({test, passed}),
             QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<unittest-results>\n"
                        "    <test file=\"/p/tests/test_calc.py\" name=\"test_sub\" "
                        "fixture=\"tests.test_calc.CalcTest\" status=\"failure\" "
                        "duration=\"0.25\">\n"
                        "        <description>Subtracting works.</description>\n"
                        "        <traceback>AssertionError: 1 != 2\n</traceback>\n"
                        "    </test>\n"
                        "    <test name=\"test_add\" fixture=\"tests.test_calc.CalcTest\" "
                        "status=\"success\" duration=\"0.0\"/>\n"
                        "</unittest-results>\n"));
}

QTEST_GUILESS_MAIN(tst_UnittestOutput)
#include "tst_unittestoutput.moc"
