// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/pythonloccounter.h"

class tst_PythonLocCounter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void codeLines_data();
    void codeLines();
};

void tst_PythonLocCounter::codeLines_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QList<int>>("code"); // 0-based, sorted

    QTest::addRow("empty") << QByteArray() << QList<int>();
    QTest::addRow("blank, comment and code lines")
            << QByteArray("import os\n\n   \t\n  # comment\nx = 1  # trailing\n")
            << QList<int>{0, 4};
    QTest::addRow("one-line and multi-line docstrings are not code")
            << QByteArray("\"\"\"Doc.\"\"\"\ndef f():\n    '''Starts\n    goes on\n    ends'''\n"
                          "    return 1\n")
            << QList<int>{1, 5};
    QTest::addRow("a triple-quoted string inside code is code")
            << QByteArray("x = \"\"\"abc\n# not a comment\n\nend\"\"\"  # done\ny = 2\n")
            << QList<int>{0, 1, 2, 3, 4};
    QTest::addRow("quotes hide # and triple quotes")
            << QByteArray("a = \"x # y\"\nb = \"'''\"\nc = 3\n") << QList<int>{0, 1, 2};
    QTest::addRow("two strings on one line, then a triple quote opens")
            << QByteArray("d = 'a' + 'b' + '''\n\n'''\n") << QList<int>{0, 1, 2};
    QTest::addRow("unterminated quote gives up on the line")
            << QByteArray("e = \"abc\nf = '''x'''\n") << QList<int>{0, 1};
    QTest::addRow("a string opened after a docstring closes is code (in_doc reset)")
            << QByteArray("'''a\nb''' ; '''\nc'''\nz\n") << QList<int>{2, 3};
    QTest::addRow("CRLF blank line counts as code (Bitten quirk)")
            << QByteArray("x = 1\r\n\r\n# c\r\n") << QList<int>{0, 1};
    QTest::addRow("no final newline, NUL bytes") << QByteArray("\0\n  \0", 5) << QList<int>{0, 1};
}

void tst_PythonLocCounter::codeLines()
{
    QFETCH(QByteArray, source);
    QFETCH(QList<int>, code);
    QList<int> actual = Core::PythonLocCounter::codeLines(source).values();
    std::sort(actual.begin(), actual.end());
    QCOMPARE(actual, code);
}

QTEST_GUILESS_MAIN(tst_PythonLocCounter)
#include "tst_pythonloccounter.moc"
