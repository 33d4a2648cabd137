// SPDX-License-Identifier: GPL-3.0-or-later
// HelpWriter: usage lines, wrapped description, subcommand list, options with their defaults.
#include "core/helpwriter.h"

#include <QtTest>

Q_DECLARE_METATYPE(Core::ProgramSpec)

class tst_HelpWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void write_data();
    void write();
    void wrap_data();
    void wrap();
};

namespace {

Core::ProgramSpec tool(QVector<Core::OptionSpec> options, QStringList synopsis = {"[OPTIONS] FILE"})
{
    return {"tool", "sub", synopsis, "does things", "", options};
}

} // namespace

void tst_HelpWriter::write_data()
{
    QTest::addColumn<Core::ProgramSpec>("spec");
    QTest::addColumn<QVector<Core::ProgramSpec>>("subcommands");
    QTest::addColumn<QString>("help");
    QTest::addRow("usage only") << tool({}) << QVector<Core::ProgramSpec>()
                                << "usage: tool sub [OPTIONS] FILE\n";
    QTest::addRow("continuation lines line up")
            << tool({}, {"A", "B"}) << QVector<Core::ProgramSpec>()
            << "usage: tool sub A\n"
               "                B\n";
    QTest::addRow("flag, value and default")
            << tool({{{"f", "force"}, "", "Overwrite.", ""}, {{"depth"}, "N", "How deep.", "3"}})
            << QVector<Core::ProgramSpec>()
            << "usage: tool sub [OPTIONS] FILE\n\noptions:\n"
               "  -f, --force             Overwrite.\n"
               "  --depth N               How deep. (default: 3)\n";
    QTest::addRow("a long label puts the text on its own line")
            << tool({{{"a-very-long-option-name"}, "VALUE", "Text.", ""}})
            << QVector<Core::ProgramSpec>()
            << "usage: tool sub [OPTIONS] FILE\n\noptions:\n"
               "  --a-very-long-option-name VALUE\n"
               "                          Text.\n";
    Core::ProgramSpec program{"tool", "", {"SUB"}, "", "Top.", {}};
    QTest::addRow("program with subcommands") << program << QVector<Core::ProgramSpec>{tool({})}
                                              << "usage: tool SUB\n\nTop.\n\nsubcommands:\n"
                                                 "  sub                     does things\n";
}

void tst_HelpWriter::write()
{
    QFETCH(Core::ProgramSpec, spec);
    QFETCH(QVector<Core::ProgramSpec>, subcommands);
    QFETCH(QString, help);
    QCOMPARE(Core::HelpWriter::write(spec, subcommands), help);
}

void tst_HelpWriter::wrap_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("indent");
    QTest::addColumn<QString>("wrapped");
    QTest::addRow("fits") << "one two" << 20 << 0 << "one two\n";
    QTest::addRow("breaks between words") << "one two three" << 9 << 0 << "one two\nthree\n";
    QTest::addRow("indents every line") << "one two three" << 11 << 2 << "  one two\n  three\n";
    QTest::addRow("keeps paragraphs") << "one\n\ntwo" << 20 << 0 << "one\n\ntwo\n";
    QTest::addRow("a long word stays whole") << "abcdefghij x" << 5 << 0 << "abcdefghij\nx\n";
}

void tst_HelpWriter::wrap()
{
    QFETCH(QString, text);
    QFETCH(int, width);
    QFETCH(int, indent);
    QFETCH(QString, wrapped);
    QCOMPARE(Core::HelpWriter::wrap(text, width, indent), wrapped);
}

QTEST_GUILESS_MAIN(tst_HelpWriter)
#include "tst_helpwriter.moc"
