// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/fileset.h"

using namespace Core;

/// Tests Core::FileSet (bitten-spec §4.11); fnmatch rows were checked with Python's
/// fnmatch.fnmatchcase.
class tst_FileSet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fnmatchCase_data();
    void fnmatchCase();
    void matches_data();
    void matches();
    void filterKeepsOrder();
    void defaultExcludes();
    void unterminatedQuote();
};

void tst_FileSet::fnmatchCase_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("expected");
    QTest::addRow("star matches a path") << "a/b/c.py"
                                         << "*.py" << true;
    QTest::addRow("star matches a name") << "c.py"
                                         << "*.py" << true;
    QTest::addRow("star crosses a slash") << "a/b"
                                          << "a*b" << true;
    QTest::addRow("question mark matches a slash") << "a/b"
                                                   << "a?b" << true;
    QTest::addRow("question mark needs a character") << ""
                                                     << "?" << false;
    QTest::addRow("star matches empty") << ""
                                        << "*" << true;
    QTest::addRow("double star") << "ab"
                                 << "a**b" << true;
    QTest::addRow("stars backtrack") << "aXbXc"
                                     << "a*b*c" << true;
    QTest::addRow("stars fail") << "abc"
                                << "a*b*c*d" << false;
    QTest::addRow("case-sensitive") << "A.PY"
                                    << "*.py" << false;
    QTest::addRow("range") << "abc"
                           << "[a-c]bc" << true;
    QTest::addRow("negated range excludes") << "abc"
                                            << "[!a-c]bc" << false;
    QTest::addRow("negated range includes") << "dbc"
                                            << "[!a-c]bc" << true;
    QTest::addRow("bracket first in set") << "]x"
                                          << "[]]x" << true;
    QTest::addRow("bracket first in negated set") << "ax"
                                                  << "[!]]x" << true;
    QTest::addRow("unclosed bracket is literal") << "[x"
                                                 << "[x" << true;
    QTest::addRow("trailing dash is literal") << "-"
                                              << "[a-]" << true;
    QTest::addRow("trailing dash set excludes others") << "b"
                                                       << "[a-]" << false;
    QTest::addRow("caret is literal in a set") << "^"
                                               << "[^a]" << true;
    QTest::addRow("caret does not negate") << "b"
                                           << "[^a]" << false;
    QTest::addRow("reversed range matches nothing") << "x"
                                                    << "[z-a]" << false;
    QTest::addRow("open bracket inside a set") << "a[!b]"
                                               << "a[[]!b]" << true;
    QTest::addRow("backslash is literal") << "a\\b"
                                          << "a\\b" << true;
    QTest::addRow("dot is literal") << "axpy"
                                    << "a.py" << false;
}

void tst_FileSet::fnmatchCase()
{
    QFETCH(QString, name);
    QFETCH(QString, pattern);
    QFETCH(bool, expected);
    QCOMPARE(FileSet::fnmatchCase(name, pattern), expected);
}

void tst_FileSet::matches_data()
{
    QTest::addColumn<QString>("include");
    QTest::addColumn<QString>("exclude");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("expected");
    QTest::addRow("empty include selects all") << ""
                                               << ""
                                               << "src/a.c" << true;
    QTest::addRow("include by bare name") << "a.c"
                                          << ""
                                          << "src/a.c" << true;
    QTest::addRow("include by path") << "src/*.c"
                                     << ""
                                     << "src/sub/a.c" << true;
    QTest::addRow("not included") << "*.py"
                                  << ""
                                  << "src/a.c" << false;
    QTest::addRow("any include pattern") << "*.py *.c"
                                         << ""
                                         << "src/a.c" << true;
    QTest::addRow("exclude by path") << "*.py"
                                     << "tests/*"
                                     << "tests/t.py" << false;
    QTest::addRow("exclude by bare name") << ""
                                          << "setup.py"
                                          << "pkg/setup.py" << false;
    QTest::addRow("exclude wins over include") << "*.py"
                                               << "*_test.py"
                                               << "a_test.py" << false;
    QTest::addRow("quoted pattern with a space") << "'my file.c'"
                                                 << ""
                                                 << "d/my file.c" << true;
    QTest::addRow("default exclude CVS at top") << ""
                                                << ""
                                                << "CVS/Entries" << false;
    QTest::addRow("default exclude CVS below") << ""
                                               << ""
                                               << "a/CVS/Entries" << false;
    QTest::addRow("default exclude svn at top") << ""
                                                << ""
                                                << ".svn/entries" << false;
    QTest::addRow("default exclude svn below") << "*"
                                               << ""
                                               << "a/b/.svn/x" << false;
    QTest::addRow("default exclude DS_Store") << ""
                                              << ""
                                              << "a/.DS_Store" << false;
    QTest::addRow("default exclude Thumbs.db") << ""
                                               << ""
                                               << "img/Thumbs.db" << false;
    QTest::addRow("CVS as a file name is kept") << ""
                                                << ""
                                                << "a/CVS" << true;
    QTest::addRow("svn-like name is kept") << ""
                                           << ""
                                           << "a/x.svn/y" << true;
}

void tst_FileSet::matches()
{
    QFETCH(QString, include);
    QFETCH(QString, exclude);
    QFETCH(QString, path);
    QFETCH(bool, expected);
    const auto fileSet = FileSet::fromAttributes(include, exclude);
    QVERIFY(fileSet);
    QCOMPARE(fileSet.value().matches(path), expected);
}

void tst_FileSet::filterKeepsOrder()
{
    const FileSet fileSet({"*.py"}, {"test_*"});
    const QStringList paths{"z.py", "a/test_x.py", "b/.svn/c.py", "m.c", "a/b.py"};
    QCOMPARE(fileSet.filter(paths), (QStringList{"z.py", "a/b.py"}));
    QCOMPARE(fileSet.includePatterns(), QStringList{"*.py"});
}

void tst_FileSet::defaultExcludes()
{
    QCOMPARE(FileSet().excludePatterns(),
             (QStringList{"CVS/*", "*/CVS/*", ".svn/*", "*/.svn/*", ".DS_Store", "Thumbs.db"}));
    QCOMPARE(FileSet({}, {"x"}).excludePatterns().constLast(), QString("x"));
}

void tst_FileSet::unterminatedQuote()
{
    const auto fileSet = FileSet::fromAttributes("'a", QString());
    QVERIFY(!fileSet);
    QCOMPARE(fileSet.error().message, QString("No closing quotation in the argument string."));
}

QTEST_GUILESS_MAIN(tst_FileSet)
#include "tst_fileset.moc"
