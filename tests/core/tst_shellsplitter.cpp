// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/shellsplitter.h"

using namespace Core;

/// Tests Core::ShellSplitter; expected words come from Python's shlex.split and shlex.quote.
class tst_ShellSplitter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void split_data();
    void split();
    void splitErrors_data();
    void splitErrors();
    void quote_data();
    void quote();
    void joinRoundTrips_data();
    void joinRoundTrips();
};

void tst_ShellSplitter::split_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("words");
    QTest::addRow("empty string") << "" << (QStringList{});
    QTest::addRow("only whitespace") << " \t\r\n " << (QStringList{});
    QTest::addRow("words separated by spaces") << "a b  c" << (QStringList{"a", "b", "c"});
    QTest::addRow("tabs and newlines separate")
            << "a\tb\nc\r\nd" << (QStringList{"a", "b", "c", "d"});
    QTest::addRow("single quotes keep everything literal")
            << "'a b \\\\ \"c\" $x'" << (QStringList{"a b \\\\ \"c\" $x"});
    QTest::addRow("double quotes group words") << "\"a b\" c" << (QStringList{"a b", "c"});
    QTest::addRow("backslash escapes a quote inside double quotes")
            << "\"say \\\"hi\\\"\"" << (QStringList{"say \"hi\""});
    QTest::addRow("backslash escapes a backslash inside double quotes")
            << "\"a\\\\b\"" << (QStringList{"a\\b"});
    QTest::addRow("backslash before dollar stays inside double quotes")
            << "\"\\$HOME\"" << (QStringList{"\\$HOME"});
    QTest::addRow("backslash before a letter stays inside double quotes")
            << "\"C:\\build\"" << (QStringList{"C:\\build"});
    QTest::addRow("backslash escapes outside quotes")
            << "a\\ b c\\\"d" << (QStringList{"a b", "c\"d"});
    QTest::addRow("backslash newline outside quotes keeps the newline")
            << "a\\\nb" << (QStringList{"a\nb"});
    QTest::addRow("backslash inside single quotes is literal") << "'a\\'" << (QStringList{"a\\"});
    QTest::addRow("adjacent quoted parts join") << "a\"b c\"'d e'f" << (QStringList{"ab cd ef"});
    QTest::addRow("empty quotes make an empty word") << "'' \"\" x" << (QStringList{"", "", "x"});
    QTest::addRow("hash is not a comment") << "a # b" << (QStringList{"a", "#", "b"});
    QTest::addRow("shell operators are plain characters")
            << "a;b|c && d > e" << (QStringList{"a;b|c", "&&", "d", ">", "e"});
    QTest::addRow("windows paths with doubled backslashes")
            << " C:\\\\build\\\\Package\\\\External.7z"
            << (QStringList{"C:\\build\\Package\\External.7z"});
    QTest::addRow("windows copy arguments")
            << "/Y C:\\\\build\\\\Artwork\\\\PCore005b C:\\\\build\\\\Test"
            << (QStringList{"/Y", "C:\\build\\Artwork\\PCore005b", "C:\\build\\Test"});
    QTest::addRow("windows single backslashes are lost")
            << "C:\\build\\x" << (QStringList{"C:buildx"});
    QTest::addRow("simoncblyth bash -c with entity quotes")
            << " -c \"  export NUWA_LOGURL=http://x/y ; export BUILD_NUMBER=42 ;  unset SITEROOT ; "
               "./dybinst -w 3 -m trunk 1.0 tests gentools  \"  "
            << (QStringList{"-c",
                            "  export NUWA_LOGURL=http://x/y ; export BUILD_NUMBER=42 ;  unset "
                            "SITEROOT ; ./dybinst -w 3 -m trunk 1.0 tests gentools  "});
    QTest::addRow("katpoint multi-line args")
            << "\n      --output-format=parseable \n      --rcfile=tools/svnds-code.pylintrc\n     "
               " katpoint"
            << (QStringList{"--output-format=parseable", "--rcfile=tools/svnds-code.pylintrc",
                            "katpoint"});
    QTest::addRow("announce script with quoted message")
            << "C:\\\\announce-step.pl 42 1007 \"Debug Compile\""
            << (QStringList{"C:\\announce-step.pl", "42", "1007", "Debug Compile"});
    QTest::addRow("boost options")
            << "--incremental --debug-level=10 --bjam-options=-j2 setup"
            << (QStringList{"--incremental", "--debug-level=10", "--bjam-options=-j2", "setup"});
    QTest::addRow("unicode word") << QString::fromUtf16(u"caf\u00e9 \"\u00fcber alles\"")
                                  << (QStringList{QString::fromUtf16(u"caf\u00e9"),
                                                  QString::fromUtf16(u"\u00fcber alles")});
}

void tst_ShellSplitter::split()
{
    QFETCH(QString, text);
    QFETCH(QStringList, words);
    const auto result = ShellSplitter::split(text);
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QCOMPARE(result.value(), words);
}

void tst_ShellSplitter::splitErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<qint64>("column");
    QTest::addRow("unterminated double quote")
            << "a \"b c"
            << "No closing quotation in the argument string." << qint64(1) << qint64(3);
    QTest::addRow("unterminated single quote on a later line")
            << "a\n  'b"
            << "No closing quotation in the argument string." << qint64(2) << qint64(3);
    QTest::addRow("trailing backslash")
            << "a b\\"
            << "No escaped character at the end of the argument string." << qint64(1) << qint64(4);
    QTest::addRow("trailing backslash inside double quotes")
            << "\"a\\"
            << "No escaped character at the end of the argument string." << qint64(1) << qint64(3);
}

void tst_ShellSplitter::splitErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QFETCH(qint64, line);
    QFETCH(qint64, column);
    const auto result = ShellSplitter::split(text);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::ParseFailed);
    QCOMPARE(result.error().message, message);
    QCOMPARE(result.error().line, line);
    QCOMPARE(result.error().column, column);
}

void tst_ShellSplitter::quote_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("quoted");
    QTest::addRow("empty word") << ""
                                << "''";
    QTest::addRow("safe word") << "abc"
                               << "abc";
    QTest::addRow("all safe punctuation") << "a=b,c:d/e.f-g+h@i%j"
                                          << "a=b,c:d/e.f-g+h@i%j";
    QTest::addRow("space") << "a b"
                           << "'a b'";
    QTest::addRow("single quote") << "it's"
                                  << "'it'\"'\"'s'";
    QTest::addRow("backslash") << "C:\\x"
                               << "'C:\\x'";
    QTest::addRow("dollar") << "$HOME"
                            << "'$HOME'";
    QTest::addRow("non-ASCII letter")
            << QString::fromUtf16(u"\u00e9") << QString::fromUtf16(u"'\u00e9'");
}

void tst_ShellSplitter::quote()
{
    QFETCH(QString, word);
    QFETCH(QString, quoted);
    QCOMPARE(ShellSplitter::quote(word), quoted);
}

void tst_ShellSplitter::joinRoundTrips_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QString>("joined");
    QTest::addRow("no words") << QStringList() << "";
    QTest::addRow("mixed words") << QStringList{"a b", "", "c"} << "'a b' '' c";
    QTest::addRow("quotes and backslashes") << QStringList{"it's", "\"q\"", "C:\\build\\x", "a\nb"}
                                            << "'it'\"'\"'s' '\"q\"' 'C:\\build\\x' 'a\nb'";
}

void tst_ShellSplitter::joinRoundTrips()
{
    QFETCH(QStringList, words);
    QFETCH(QString, joined);
    QCOMPARE(ShellSplitter::join(words), joined);
    const auto split = ShellSplitter::split(joined);
    QVERIFY(split);
    QCOMPARE(split.value(), words);
}

QTEST_GUILESS_MAIN(tst_ShellSplitter)
#include "tst_shellsplitter.moc"
