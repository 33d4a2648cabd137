// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/inifile.h"
#include "tests/testlib/testdata.h"

using namespace Core;

/// Tests Core::IniFile against Python 2 SafeConfigParser behaviour (bitten-spec §6.2).
class tst_IniFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void value_data();
    void value();
    void parseErrors_data();
    void parseErrors();
    void interpolationErrors_data();
    void interpolationErrors();
    void sectionsAndOptions();
    void setValueAndWrite();
    void samplesRoundTrip_data();
    void samplesRoundTrip();
    void lineNumbers_data();
    void lineNumbers();
};

void tst_IniFile::value_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("expected");
    QTest::addRow("equals sign") << QByteArray("[s]\nk = v\n") << "s"
                                 << "k"
                                 << "v";
    QTest::addRow("colon") << QByteArray("[s]\nk: v\n") << "s"
                           << "k"
                           << "v";
    QTest::addRow("no blanks") << QByteArray("[s]\nk=v") << "s"
                               << "k"
                               << "v";
    QTest::addRow("keys are lower-cased") << QByteArray("[s]\nKey = v\n") << "s"
                                          << "KEY"
                                          << "v";
    QTest::addRow("key with a space") << QByteArray("[s]\nmy key = v\n") << "s"
                                      << "my key"
                                      << "v";
    QTest::addRow("first separator splits") << QByteArray("[s]\nurl = http://x:80/\n") << "s"
                                            << "url"
                                            << "http://x:80/";
    QTest::addRow("equals inside a colon value") << QByteArray("[s]\nk: a=b\n") << "s"
                                                 << "k"
                                                 << "a=b";
    QTest::addRow("empty value") << QByteArray("[s]\nk =\n") << "s"
                                 << "k"
                                 << "";
    QTest::addRow("two double quotes are empty") << QByteArray("[s]\nk = \"\"\n") << "s"
                                                 << "k"
                                                 << "";
    QTest::addRow("inline comment after a blank") << QByteArray("[s]\nk = a ; c\n") << "s"
                                                  << "k"
                                                  << "a";
    QTest::addRow("semicolon without a blank stays") << QByteArray("[s]\nk = a;b\n") << "s"
                                                     << "k"
                                                     << "a;b";
    QTest::addRow("only the first semicolon is checked") << QByteArray("[s]\nk = a;b ;c\n") << "s"
                                                         << "k"
                                                         << "a;b ;c";
    QTest::addRow("leading semicolon checks the last character")
            << QByteArray("[s]\nk = ;x \n") << "s"
            << "k"
            << "";
    QTest::addRow("leading semicolon kept") << QByteArray("[s]\nk = ;x\n") << "s"
                                            << "k"
                                            << ";x";
    QTest::addRow("continuation lines") << QByteArray("[s]\nk = a\n  b\n\tc\n") << "s"
                                        << "k"
                                        << "a\nb\nc";
    QTest::addRow("blank line inside a continuation") << QByteArray("[s]\nk = a\n\n  b\n") << "s"
                                                      << "k"
                                                      << "a\nb";
    QTest::addRow("indented comment is a continuation") << QByteArray("[s]\nk = a\n  # c\n") << "s"
                                                        << "k"
                                                        << "a\n# c";
    QTest::addRow("hash and semicolon comments")
            << QByteArray("# c\n[s]\n; c\n#k = 1\nk = 2\n") << "s"
            << "k"
            << "2";
    QTest::addRow("rem comment") << QByteArray("[s]\nREM k = 1\nk = 2\n") << "s"
                                 << "k"
                                 << "2";
    QTest::addRow("rem needs a word boundary") << QByteArray("[s]\nremark = 1\n") << "s"
                                               << "remark"
                                               << "1";
    QTest::addRow("CRLF line ends") << QByteArray("[s]\r\nk = v\r\n") << "s"
                                    << "k"
                                    << "v";
    QTest::addRow("text after the section header") << QByteArray("[s] junk\nk = v\n") << "s"
                                                   << "k"
                                                   << "v";
    QTest::addRow("inherited from DEFAULT") << QByteArray("[DEFAULT]\nd = 1\n[s]\n") << "s"
                                            << "d"
                                            << "1";
    QTest::addRow("own value beats DEFAULT") << QByteArray("[DEFAULT]\nd = 1\n[s]\nd = 2\n") << "s"
                                             << "d"
                                             << "2";
    QTest::addRow("interpolation") << QByteArray("[s]\na = x\nb = %(a)s/y\n") << "s"
                                   << "b"
                                   << "x/y";
    QTest::addRow("interpolation from DEFAULT")
            << QByteArray("[DEFAULT]\nhome = /h\n[s]\np = %(home)s/bin\n") << "s"
            << "p"
            << "/h/bin";
    QTest::addRow("DEFAULT value sees the section")
            << QByteArray("[DEFAULT]\np = %(home)s/bin\n[s]\nhome = /s\n") << "s"
            << "p"
            << "/s/bin";
    QTest::addRow("interpolation name is case-insensitive")
            << QByteArray("[s]\na = x\nb = %(A)s\n") << "s"
            << "b"
            << "x";
    QTest::addRow("nested interpolation")
            << QByteArray("[s]\na = %(b)s\nb = %(c)s!\nc = z\n") << "s"
            << "a"
            << "z!";
    QTest::addRow("double percent") << QByteArray("[s]\np = 100%%\n") << "s"
                                    << "p"
                                    << "100%";
    QTest::addRow("double percent in a referenced value")
            << QByteArray("[s]\na = 5%%\nb = %(a)s\n") << "s"
            << "b"
            << "5%";
}

void tst_IniFile::value()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, section);
    QFETCH(QString, option);
    QFETCH(QString, expected);
    const auto ini = IniFile::parse(data);
    QVERIFY2(ini, qPrintable(ini ? QString() : ini.error().toString()));
    const auto value = ini.value().value(section, option);
    QVERIFY2(value, qPrintable(value ? QString() : value.error().message));
    QCOMPARE(value.value(), expected);
}

void tst_IniFile::parseErrors_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("message");
    QTest::addColumn<qint64>("line");
    QTest::addRow("option before any section")
            << QByteArray("# c\nk = v\n")
            << "Line 2 of the INI data comes before any section header: 'k = v'." << qint64(2);
    QTest::addRow("empty brackets are no header")
            << QByteArray("[]\n") << "Line 1 of the INI data comes before any section header: '[]'."
            << qint64(1);
    QTest::addRow("repeated section")
            << QByteArray("[a]\nk = 1\n[b]\n[a]\n")
            << "Section 'a' on line 4 of the INI data is already defined." << qint64(4);
    QTest::addRow("repeated DEFAULT")
            << QByteArray("[DEFAULT]\n[DEFAULT]\n")
            << "Section 'DEFAULT' on line 2 of the INI data is already defined." << qint64(2);
    QTest::addRow("repeated option differing in case")
            << QByteArray("[a]\nk = 1\nK = 2\n")
            << "Option 'k' in section 'a' on line 3 of the INI data is already defined."
            << qint64(3);
    QTest::addRow("line without separator")
            << QByteArray("[a]\njunk\n")
            << "Line 2 of the INI data is not a section header, an option or a comment: 'junk'."
            << qint64(2);
    QTest::addRow("indented line right after a header")
            << QByteArray("[a]\n  k = v\n")
            << "Line 2 of the INI data is not a section header, an option or a comment: 'k = v'."
            << qint64(2);
    QTest::addRow("option name missing")
            << QByteArray("[a]\n= v\n")
            << "Line 2 of the INI data is not a section header, an option or a comment: '= v'."
            << qint64(2);
}

void tst_IniFile::parseErrors()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, message);
    QFETCH(qint64, line);
    const auto ini = IniFile::parse(data);
    QVERIFY(!ini);
    QCOMPARE(ini.error().code, ErrorCode::ParseFailed);
    QCOMPARE(ini.error().message, message);
    QCOMPARE(ini.error().line, line);
}

void tst_IniFile::interpolationErrors_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("message");
    QTest::addRow("missing reference")
            << QByteArray("[s]\nb = %(zz)s\n") << "b"
            << "Option 'b' in section 's' of the INI data refers to 'zz', which is not defined.";
    QTest::addRow("lone percent")
            << QByteArray("[s]\nb = 50% done\n") << "b"
            << "Option 'b' in section 's' of the INI data has a '%' not followed by '%' or '(': "
               "'% done'.";
    QTest::addRow("bad reference")
            << QByteArray("[s]\na = 1\nb = %(a)d\n") << "b"
            << "Option 'b' in section 's' of the INI data has a bad interpolation reference: "
               "'%(a)d'.";
    QTest::addRow("reference loop")
            << QByteArray("[s]\na = %(a)s\n") << "a"
            << "Option 'a' in section 's' of the INI data nests interpolation deeper than 10 "
               "levels.";
    QTest::addRow("unknown option") << QByteArray("[s]\n") << "Nope"
                                    << "Section 's' of the INI data has no option 'nope'.";
}

void tst_IniFile::interpolationErrors()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, option);
    QFETCH(QString, message);
    const auto ini = IniFile::parse(data);
    QVERIFY(ini);
    QCOMPARE(ini.value().rawValue("s", option).isNull(), !ini.value().hasOption("s", option));
    const auto value = ini.value().value("s", option);
    QVERIFY(!value);
    QCOMPARE(value.error().message, message);
}

void tst_IniFile::sectionsAndOptions()
{
    const auto ini = IniFile::parse("[DEFAULT]\nd = 1\n[b]\nz = 1\ny = 2\n[A]\n[a]\nd = 3\n");
    QVERIFY(ini);
    QCOMPARE(ini.value().sections(), (QStringList{"b", "A", "a"}));
    QVERIFY(ini.value().hasSection("A"));
    QVERIFY(!ini.value().hasSection("DEFAULT"));
    QVERIFY(!ini.value().hasSection("B"));
    QCOMPARE(ini.value().options("b"), (QStringList{"z", "y", "d"}));
    QCOMPARE(ini.value().options("a"), QStringList{"d"});
    QCOMPARE(ini.value().options("missing"), QStringList());
    QVERIFY(ini.value().hasOption("A", "D"));
    QVERIFY(!ini.value().hasOption("missing", "d"));
    QCOMPARE(ini.value().rawValue("a", "d"), QString("3"));
}

void tst_IniFile::setValueAndWrite()
{
    IniFile ini;
    ini.setValue("DEFAULT", "Home", "/h");
    ini.setValue("s", "path", "%(home)s/bin");
    ini.setValue("s", "lines", "one\ntwo");
    ini.addSection("empty");
    QCOMPARE(ini.toBytes(),
             QByteArray("[DEFAULT]\nhome = /h\n\n[s]\npath = %(home)s/bin\n"
                        "lines = one\n\ttwo\n\n[empty]\n\n"));
    const auto reread = IniFile::parse(ini.toBytes());
    QVERIFY(reread);
    QVERIFY(reread.value() == ini);
    QCOMPARE(reread.value().value("s", "path").value(), QString("/h/bin"));
    ini.setValue("s", "path", "changed");
    QVERIFY(reread.value() != ini);
}

void tst_IniFile::samplesRoundTrip_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("sections");
    QTest::addRow("demo") << "slave_config_simoncblyth_demo.ini" << QStringList{"repository"};
    QTest::addRow("g4pb") << "slave_config_simoncblyth_g4pb.ini"
                          << QStringList{"repository", "env", "workflow"};
    QTest::addRow("hfag") << "slave_config_simoncblyth_hfag.ini" << QStringList{"repository"};
}

void tst_IniFile::samplesRoundTrip()
{
    QFETCH(QString, file);
    QFETCH(QStringList, sections);
    const QByteArray data = TestLib::readFile(TestLib::sharedPath("corpus/samples/" + file));
    QVERIFY(!data.isEmpty());
    const auto ini = IniFile::parse(data);
    QVERIFY2(ini, qPrintable(ini ? QString() : ini.error().toString()));
    QCOMPARE(ini.value().sections(), sections);
    QCOMPARE(ini.value().options("repository"), (QStringList{"revision", "home", "strip"}));
    QCOMPARE(ini.value().rawValue("repository", "revision"), QString("HEAD"));
    QCOMPARE(ini.value().rawValue("repository", "strip"), QString("trunk"));
    QVERIFY(!ini.value().hasOption("repository", "name"));
    const auto reread = IniFile::parse(ini.value().toBytes());
    QVERIFY(reread);
    QVERIFY(reread.value() == ini.value());
    QCOMPARE(reread.value().toBytes(), ini.value().toBytes());
}

void tst_IniFile::lineNumbers_data()
{
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("option"); // empty: the section header's line
    QTest::addColumn<int>("line");
    QTest::addRow("first header") << "a" << QString() << 2;
    QTest::addRow("option after a comment") << "a"
                                            << "k" << 4;
    QTest::addRow("option keyed case-insensitively") << "a"
                                                     << "Other" << 5;
    QTest::addRow("continued option starts on its first line") << "b"
                                                               << "long" << 8;
    QTest::addRow("option after a continuation") << "b"
                                                 << "next" << 10;
    QTest::addRow("inherited option has no own line") << "b"
                                                      << "shared" << 0;
    QTest::addRow("DEFAULT header") << "DEFAULT" << QString() << 11;
    QTest::addRow("DEFAULT option") << "DEFAULT"
                                    << "shared" << 12;
    QTest::addRow("unknown section") << "c" << QString() << 0;
    QTest::addRow("unknown option") << "a"
                                    << "none" << 0;
}

void tst_IniFile::lineNumbers()
{
    QFETCH(QString, section);
    QFETCH(QString, option);
    QFETCH(int, line);
    const QByteArray data = "# top\n[a]\n; note\nk = 1\nOTHER: 2\n\n[b]\nlong = x\n  y\n"
                            "next = 3\n[DEFAULT]\nshared = s\n";
    const Result<IniFile> ini = IniFile::parse(data);
    QVERIFY(ini);
    QCOMPARE(option.isEmpty() ? ini.value().sectionLine(section)
                              : ini.value().optionLine(section, option),
             line);
}

QTEST_GUILESS_MAIN(tst_IniFile)
#include "tst_inifile.moc"
