// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTemporaryDir>
#include <QtTest>

#include "integrations/jenkins/groovyescaper.h"
#include "tests/recipe-translator/translatortestsupport.h"

class tst_GroovyEscaper : public QObject
{
    Q_OBJECT

private:
    static void addTable()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("literal");
        QTest::addRow("empty") << ""
                               << "''";
        QTest::addRow("plain") << "make all"
                               << "'make all'";
        QTest::addRow("single quote") << "it's"
                                      << "'it\\'s'";
        QTest::addRow("double quote stays") << "say \"hi\""
                                            << "'say \"hi\"'";
        QTest::addRow("backslash doubled") << "a\\b"
                                           << "'a\\\\b'";
        QTest::addRow("trailing backslash") << "dir\\"
                                            << "'dir\\\\'";
        QTest::addRow("unicode escape text is defused") << "abc\\u0027 + 1 + \\u0027def"
                                                        << "'abc\\\\u0027 + 1 + \\\\u0027def'";
        QTest::addRow("dollar brace stays (no interpolation)") << "${x} $HOME ${1+1}"
                                                               << "'${x} $HOME ${1+1}'";
        QTest::addRow("newline") << "a\nb"
                                 << "'a\\nb'";
        QTest::addRow("carriage return and tab") << "a\r\tb"
                                                 << "'a\\r\\tb'";
        QTest::addRow("triple quotes") << "'''x'''"
                                       << "'\\'\\'\\'x\\'\\'\\''";
        QTest::addRow("shell quoting from §9.3") << "echo 'it'\\''s $HOME'"
                                                 << "'echo \\'it\\'\\\\\\'\\'s $HOME\\''";
        QTest::addRow("non-ASCII stays")
                << QString::fromUtf8("größe 中 😀") << QString::fromUtf8("'größe 中 😀'");
        QTest::addRow("comment and slashy openers") << "/* // $/ */"
                                                    << "'/* // $/ */'";
    }

private Q_SLOTS:
    void singleQuoted_data() { addTable(); }

    void singleQuoted()
    {
        QFETCH(QString, text);
        QFETCH(QString, literal);
        const Core::Result<QString> result = Jenkins::GroovyEscaper::singleQuoted(text);
        QVERIFY(result);
        QCOMPARE(result.value(), literal);
    }

    void rejectsControlCharacters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::addRow("NUL") << QString(QChar(0))
                             << "The text contains the control character U+0000, which a Groovy "
                                "string literal cannot carry safely.";
        QTest::addRow("escape") << "a\x1b[0m"
                                << "The text contains the control character U+001B, which a Groovy "
                                   "string literal cannot carry safely.";
        QTest::addRow("DEL") << "a\x7f"
                             << "The text contains the control character U+007F, which a Groovy "
                                "string literal cannot carry safely.";
    }

    void rejectsControlCharacters()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const Core::Result<QString> result = Jenkins::GroovyEscaper::singleQuoted(text);
        QVERIFY(!result);
        QCOMPARE(result.error().code, Core::ErrorCode::Unsupported);
        QCOMPARE(result.error().message, message);
    }

    /// Every table row, evaluated by real Groovy 2.4 in one JVM, gives back the original text.
    void roundTripsThroughGroovy()
    {
        if (TestSupport::groovyProgram().isEmpty()) {
            QTest::qSkip("groovy is not installed (dev.sh test_packages)", __FILE__, __LINE__);
            return;
        }
        QVector<QString> texts;
        QString script;
        const QStringList extra{"\\", "'", "\\'", "\\\\u0027", "\\u000a", "a'''b\"\"\"c"};
        for (const QString &text : extra)
            texts += text;
        const QStringList table{
                "",           "it's", "a\\b",   "dir\\",   "abc\\u0027 + 1 + \\u0027def",
                "${x} $HOME", "a\nb", "a\r\tb", "'''x'''", QString::fromUtf8("größe 中 😀")};
        for (const QString &text : table)
            texts += text;
        for (const QString &text : qAsConst(texts))
            script += QLatin1String("println(") + Jenkins::GroovyEscaper::singleQuoted(text).value()
                    + QLatin1String(".getBytes('UTF-8').encodeHex().toString())\n");
        QTemporaryDir dir;
        QFile file(dir.filePath("roundtrip.groovy"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(script.toUtf8());
        file.close();
        QByteArray output;
        QVERIFY(TestSupport::runGroovy({file.fileName()}, &output));
        const QList<QByteArray> lines = output.split('\n');
        QVERIFY(lines.size() > texts.size());
        for (int i = 0; i < texts.size(); ++i)
            QCOMPARE(QByteArray::fromHex(lines.at(i)), texts.at(i).toUtf8());
    }
};

QTEST_GUILESS_MAIN(tst_GroovyEscaper)
#include "tst_groovyescaper.moc"
