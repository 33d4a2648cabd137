// SPDX-License-Identifier: GPL-3.0-or-later
// The man pages and --help texts of bittern and bittern-agent come from the same option tables:
// every option of a table shows up in the program's --help and in its man page, and the man
// page is roff that groff formats without a warning.
#include <QProcess>
#include <QtTest>

#include "bridge/commandspecs.h"
#include "core/manpagewriter.h"
#include "slave-agent/agentcommandspecs.h"

class tst_ManPages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everySubcommandHasATable();
    void helpListsEveryOption_data();
    void helpListsEveryOption();
    void manPageListsEveryOption_data();
    void manPageListsEveryOption();
    void groffFormatsWithoutWarnings_data();
    void groffFormatsWithoutWarnings();
    void escape_data();
    void escape();
};

namespace {

QString binary(const char *variable)
{
    return qEnvironmentVariable(variable);
}

/// Every option of @p spec as typed: "-f", "--config".
QStringList optionNames(const Core::ProgramSpec &spec)
{
    QStringList names;
    for (const Core::OptionSpec &option : spec.options) {
        for (const QString &name : option.names)
            names.append((name.size() == 1 ? "-" : "--") + name);
    }
    return names;
}

/// Standard output of @p program with @p arguments; fails the test on a non-zero status.
QByteArray run(const QString &program, const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted())
        return "could not start " + program.toUtf8();
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(30000);
    return process.readAllStandardOutput() + process.readAllStandardError();
}

void addProgramRows(const char *variable, const Core::ProgramSpec &program,
                    const QVector<Core::ProgramSpec> &subcommands)
{
    QStringList names = optionNames(program);
    for (const Core::ProgramSpec &sub : subcommands)
        names += optionNames(sub) << sub.fullName();
    QTest::addRow("%s", qPrintable(program.program)) << binary(variable) << names;
}

} // namespace

/// The subcommands `bittern --help` lists (its dispatch table) are exactly the ones with an option
/// table, so the loops below cover every subcommand.
void tst_ManPages::everySubcommandHasATable()
{
    const QString help = QString::fromUtf8(run(binary("BITTERN_BIN"), {"--help"}));
    const int start = help.indexOf("\nsubcommands:\n");
    QVERIFY2(start >= 0, qPrintable(help));
    QStringList listed;
    const QStringList lines = help.mid(start + 14).split('\n');
    for (const QString &line : lines) {
        if (line.isEmpty())
            break;
        if (line.startsWith("  ") && !line.startsWith("   "))
            listed.append(line.mid(2).section(' ', 0, 0));
    }
    QStringList tabled;
    const QVector<Core::ProgramSpec> specs = Bridge::CommandSpecs::subcommands();
    for (const Core::ProgramSpec &spec : specs) {
        tabled.append(spec.name);
        QVERIFY2(!spec.synopsis.isEmpty() && !spec.description.isEmpty(), qPrintable(spec.name));
        QVERIFY2(optionNames(spec).contains("--help"), qPrintable(spec.name));
    }
    listed.sort();
    tabled.sort();
    QCOMPARE(listed, tabled);
}

void tst_ManPages::helpListsEveryOption_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("names");
    QTest::addRow("bittern --help") << binary("BITTERN_BIN") << QStringList{"--help"}
                                    << optionNames(Bridge::CommandSpecs::program());
    const QVector<Core::ProgramSpec> bridgeCommands = Bridge::CommandSpecs::subcommands();
    for (const Core::ProgramSpec &sub : bridgeCommands) {
        QTest::addRow("bittern %s --help", qPrintable(sub.name))
                << binary("BITTERN_BIN") << QStringList{sub.name, "--help"} << optionNames(sub);
    }
    QTest::addRow("bittern-agent --help") << binary("BITTERN_AGENT_BIN") << QStringList{"--help"}
                                          << optionNames(Agent::AgentCommandSpecs::program());
    const QVector<Core::ProgramSpec> agentCommands = Agent::AgentCommandSpecs::subcommands();
    for (const Core::ProgramSpec &sub : agentCommands) {
        QTest::addRow("bittern-agent %s --help", qPrintable(sub.name))
                << binary("BITTERN_AGENT_BIN") << QStringList{sub.name, "--help"}
                << optionNames(sub);
    }
}

void tst_ManPages::helpListsEveryOption()
{
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, names);
    const QString help = QString::fromUtf8(run(program, arguments));
    QVERIFY2(help.startsWith("usage: "), qPrintable(help));
    for (const QString &name : names)
        QVERIFY2(help.contains(QRegularExpression("(^|[ ,])" + QRegularExpression::escape(name)
                                                  + "([ ,\\n]|$)")),
                 qPrintable(name + " is missing from:\n" + help));
}

void tst_ManPages::manPageListsEveryOption_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("names");
    addProgramRows("BITTERN_BIN", Bridge::CommandSpecs::program(),
                   Bridge::CommandSpecs::subcommands());
    addProgramRows("BITTERN_AGENT_BIN", Agent::AgentCommandSpecs::program(),
                   Agent::AgentCommandSpecs::subcommands());
}

void tst_ManPages::manPageListsEveryOption()
{
    QFETCH(QString, program);
    QFETCH(QStringList, names);
    const QByteArray roff = run(program, {"--man"});
    QVERIFY2(roff.startsWith(".TH "), roff.constData());
    const QString text
            = QString::fromUtf8(run("groff", {"-man", "-Tascii", "-P-cbou", "-rLL=200n"}, roff));
    for (const QString &name : names)
        QVERIFY2(text.contains(name), qPrintable(name + " is missing from:\n" + text));
}

void tst_ManPages::groffFormatsWithoutWarnings_data()
{
    QTest::addColumn<QString>("program");
    QTest::addRow("bittern") << binary("BITTERN_BIN");
    QTest::addRow("bittern-agent") << binary("BITTERN_AGENT_BIN");
}

void tst_ManPages::groffFormatsWithoutWarnings()
{
    QFETCH(QString, program);
    const QByteArray roff = run(program, {"--man"});
    QProcess groff;
    groff.start("groff", {"-man", "-Tutf8", "-ww", "-z"});
    QVERIFY(groff.waitForStarted());
    groff.write(roff);
    groff.closeWriteChannel();
    QVERIFY(groff.waitForFinished(30000));
    QCOMPARE(QString::fromUtf8(groff.readAllStandardError()), QString());
    QCOMPARE(groff.exitCode(), 0);
}

void tst_ManPages::escape_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("roff");
    QTest::addRow("plain text stays") << "Shows this help."
                                      << "Shows this help.";
    QTest::addRow("hyphens become minus signs") << "--db"
                                                << "\\-\\-db";
    QTest::addRow("backslashes are printed") << "C:\\dir"
                                             << "C:\\edir";
    QTest::addRow("a leading dot is no request") << ".hidden files"
                                                 << "\\&.hidden files";
    QTest::addRow("a leading quote is no request") << "'quoted'"
                                                   << "\\&'quoted'";
    QTest::addRow("a dot after a newline") << "a\n.b"
                                           << "a\n\\&.b";
    QTest::addRow("non-ASCII as \\[u] escapes")
            << QString::fromUtf8("https://\u2026/\u00e9") << "https://\\[u2026]/\\[u00E9]";
}

void tst_ManPages::escape()
{
    QFETCH(QString, text);
    QFETCH(QString, roff);
    QCOMPARE(Core::ManPageWriter::escape(text), roff);
}

QTEST_GUILESS_MAIN(tst_ManPages)
#include "tst_manpages.moc"
