// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "slave-agent/linesplitter.h"

class tst_LineSplitter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void split_data();
    void split();
    void boundedLine_data();
    void boundedLine();
    void byteLines_data();
    void byteLines();
    void plainRuns_data();
    void plainRuns();
};

namespace {

/// What a byte-level sink saw: "run N" for a run of N lines, else the kind of a single line.
struct Seen
{
    QStringList events;
    QStringList kinds; ///< per line, runs expanded: "plain", "markup" or "decoded"
    QStringList texts; ///< per line, runs expanded
};

Seen splitBytes(const QByteArray &input, int chunk, int maxLineBytes,
                Agent::LineSplitter::PlainRuns runs)
{
    Seen seen;
    Agent::LineSplitter splitter(
            [&seen](const Agent::OutputLine &output) {
                if (output.isRun())
                    seen.events << QStringLiteral("run %1").arg(output.lineCount());
                output.forEachLine([&seen, &output](const Agent::OutputLine &line) {
                    const QString kind = !line.isAscii() ? "decoded"
                            : line.isPlainAscii()        ? "plain"
                                                         : "markup";
                    if (!output.isRun())
                        seen.events << kind;
                    seen.kinds << kind;
                    seen.texts << line.text();
                });
            },
            maxLineBytes);
    splitter.setPlainRuns(runs);
    for (int i = 0; i < input.size(); i += chunk)
        splitter.feed(input.constData() + i, qMin(chunk, int(input.size()) - i));
    splitter.finish();
    return seen;
}

} // namespace

void tst_LineSplitter::split_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("lines");
    QTest::addRow("plain lines") << QByteArray("a\nb\n") << QStringList{"a", "b"};
    QTest::addRow("last line without newline") << QByteArray("a\nb") << QStringList{"a", "b"};
    QTest::addRow("right-stripped, left kept") << QByteArray("  x \t\r\n") << QStringList{"  x"};
    QTest::addRow("NUL bytes removed") << QByteArray("a\0b\n", 4) << QStringList{"ab"};
    QTest::addRow("empty lines kept") << QByteArray("\n\nz\n") << QStringList{"", "", "z"};
    QTest::addRow("UTF-8 decoded")
            << QByteArray("gr\xc3\xbc\xc3\x9f\n") << QStringList{QString::fromUtf8("grüß")};
    QTest::addRow("invalid UTF-8 falls back to Latin-1")
            << QByteArray("caf\xe9\n") << QStringList{QString::fromLatin1("caf\xe9")};
    QTest::addRow("UTF-8 continuation byte 0xa0 is not stripped")
            << QByteArray("x\xc2\xa0\n") << QStringList{QString::fromUtf8("x\xc2\xa0")};
}

void tst_LineSplitter::split()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, lines);
    for (int chunk : {1, 3, 1000}) {
        QStringList seen;
        Agent::LineSplitter splitter([&seen](const QString &line) { seen << line; });
        for (int i = 0; i < input.size(); i += chunk)
            splitter.feed(input.constData() + i, qMin(chunk, int(input.size()) - i));
        splitter.finish();
        QCOMPARE(seen, lines);
    }
}

void tst_LineSplitter::boundedLine_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("chunk");
    QTest::addColumn<QVector<int>>("sizes");
    const QByteArray ten(10, 'x');
    QTest::addRow("longer than the bound, one read") << QByteArray(25, 'x') + "\nyy\n"
                                                     << 100 << QVector<int>{10, 10, 5, 2};
    QTest::addRow("exactly the bound, one read") << ten + "\nyy\n" << 100 << QVector<int>{10, 2};
    QTest::addRow("exactly the bound, its newline in the next read") << ten + "\nyy\n"
                                                                     << 10 << QVector<int>{10, 2};
    QTest::addRow("twice the bound, cut where the reads end") << ten + ten + "\nyy\n"
                                                              << 10 << QVector<int>{10, 10, 2};
    QTest::addRow("the bound, then more of the line in the next read") << ten + "xxx\n"
                                                                       << 10 << QVector<int>{10, 3};
    QTest::addRow("the bound, then an empty line") << ten + "\n\n" << 10 << QVector<int>{10, 0};
}

void tst_LineSplitter::boundedLine()
{
    QFETCH(QByteArray, input);
    QFETCH(int, chunk);
    QFETCH(QVector<int>, sizes);
    using Runs = Agent::LineSplitter::PlainRuns;
    for (const auto runs : {Runs::Separate, Runs::Joined}) {
        QVector<int> seen;
        for (const QString &text : splitBytes(input, chunk, 10, runs).texts)
            seen << text.size();
        QCOMPARE(seen, sizes);
    }
}

void tst_LineSplitter::byteLines_data()
{
    // How each line reaches a byte-level sink: "plain" and "markup" lines are the bytes fed
    // (ASCII without NUL; "plain" can go into XML as it is), "decoded" lines are text.
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("text");
    const QByteArray long40 = QByteArray(39, 'x');
    QTest::addRow("short plain") << QByteArray("make all") << "plain"
                                 << "make all";
    QTest::addRow("long plain") << long40 + 'y' << "plain" << QString(long40 + 'y');
    QTest::addRow("'<' in the overlapping last block")
            << long40 + '<' << "markup" << QString(long40 + '<');
    QTest::addRow("'&' in the first block") << '&' + long40 << "markup" << QString('&' + long40);
    QTest::addRow("'>' short") << QByteArray("a>b") << "markup"
                               << "a>b";
    QTest::addRow("tab inside") << QByteArray(20, 'a') + "\tb"
                                << "markup" << QString(QByteArray(20, 'a') + "\tb");
    QTest::addRow("DEL") << QByteArray(17, 'a') + "\x7f" + "b"
                         << "markup" << QString(QByteArray(17, 'a') + "\x7f" + "b");
    QTest::addRow("escape sequence") << QByteArray("\x1b[0mok") << "markup"
                                     << "\x1b[0mok";
    QTest::addRow("empty") << QByteArray() << "plain"
                           << "";
    QTest::addRow("non-ASCII in the last block") << long40 + "\xc3\xa9"
                                                 << "decoded" << QString(long40) + QChar(0xe9);
    QTest::addRow("NUL in a long line") << QByteArray(18, 'n') + QByteArray(1, '\0') + "z"
                                        << "decoded" << QString(QByteArray(18, 'n') + "z");
    QTest::addRow("trailing spaces stripped") << long40 + "   "
                                              << "plain" << QString(long40);
}

void tst_LineSplitter::byteLines()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, kind);
    QFETCH(QString, text);
    QStringList kinds;
    QStringList texts;
    Agent::LineSplitter splitter([&](const Agent::OutputLine &output) {
        kinds << (!output.isAscii() ? "decoded" : output.isPlainAscii() ? "plain" : "markup");
        texts << output.text();
    });
    const QByteArray input = line + '\n';
    splitter.feed(input.constData(), input.size());
    splitter.finish();
    QCOMPARE(kinds, QStringList{kind});
    QCOMPARE(texts, QStringList{text});
}

void tst_LineSplitter::plainRuns_data()
{
    // How a whole input fed at once reaches a sink that takes runs: consecutive plain lines
    // that need no stripping as one run, every other line alone, in order.
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("maxLineBytes");
    QTest::addColumn<QStringList>("events");
    const int max = Agent::LineSplitter::defaultMaxLineBytes;
    const QByteArray x40(40, 'x');
    QTest::addRow("all plain") << QByteArray("a\nb\nc\n") << max << QStringList{"run 3"};
    QTest::addRow("empty lines") << QByteArray("\n\nz\n") << max << QStringList{"run 3"};
    QTest::addRow("partial last line waits for finish()")
            << QByteArray("a\nb\nc") << max << QStringList{"run 2", "plain"};
    QTest::addRow("markup line inside")
            << QByteArray("a\nb<c\nd\ne\n") << max << QStringList{"run 1", "markup", "run 2"};
    QTest::addRow("markup line first")
            << QByteArray("&\nb\n") << max << QStringList{"markup", "run 1"};
    QTest::addRow("trailing space: stripped alone")
            << QByteArray("a\nb \nc\n") << max << QStringList{"run 1", "plain", "run 1"};
    QTest::addRow("space before a newline across 16-byte blocks") << QByteArray(15, 'a') + " \n"
                    + x40 + "\n" << max << QStringList{"plain", "run 1"};
    QTest::addRow("space before a newline deep in a block") << x40 + "\n" + x40 + "  \n" + x40
                    + "\n" << max << QStringList{"run 1", "plain", "run 1"};
    QTest::addRow("carriage return")
            << QByteArray("a\r\nb\n") << max << QStringList{"plain", "run 1"};
    QTest::addRow("tab inside") << x40 + "\n" + x40 + "\ty\n"
                                << max << QStringList{"run 1", "markup"};
    QTest::addRow("NUL") << x40 + "\nn" + QByteArray(1, '\0') + "ul\n" + x40 + "\n"
                         << max << QStringList{"run 1", "decoded", "run 1"};
    QTest::addRow("UTF-8 in the second block") << x40 + "\n" + QByteArray(20, 'u') + "\xc3\xa9\n"
                                               << max << QStringList{"run 1", "decoded"};
    QTest::addRow("Latin-1") << QByteArray("caf\xe9\nok\n") << max
                             << QStringList{"decoded", "run 1"};
    QTest::addRow("DEL") << QByteArray("a\x7f\nb\n") << max << QStringList{"markup", "run 1"};
    QTest::addRow("'>' in the last byte before the newline") << x40 + "\n" + QByteArray(31, 'y')
                    + ">\n" << max << QStringList{"run 1", "markup"};
    QByteArray many; // over 255 16-byte blocks: the newline count is summed in parts
    for (int i = 0; i < 2000; ++i)
        many += "line " + QByteArray::number(i) + '\n';
    QTest::addRow("many lines") << many << max << QStringList{"run 2000"};
    QTest::addRow("many lines, then markup")
            << many + "<\n" + many << max << QStringList{"run 2000", "markup", "run 2000"};
    QTest::addRow("runs cut at the line bound")
            << QByteArray("aaaa\nbbbb\ncccc\ndddd\n") << 10 << QStringList{"run 2", "run 2"};
    QTest::addRow("a line over the bound in pieces")
            << QByteArray(25, 'x') + "\nyy\n"
            << 10 << QStringList{"plain", "plain", "run 2"}; // the last piece is a line of its own
    QTest::addRow("a line just at the bound") << QByteArray(10, 'x') + "\nyy\n"
                                              << 10 << QStringList{"run 1", "run 1"};
}

void tst_LineSplitter::plainRuns()
{
    QFETCH(QByteArray, input);
    QFETCH(int, maxLineBytes);
    QFETCH(QStringList, events);
    using Runs = Agent::LineSplitter::PlainRuns;
    QCOMPARE(splitBytes(input, input.size(), maxLineBytes, Runs::Joined).events, events);
    // Fed in any chunks, the lines are those of the per-line path, in the same order.
    for (int chunk : {1, 3, 16, 17, 41, int(input.size())}) {
        const Seen separate = splitBytes(input, chunk, maxLineBytes, Runs::Separate);
        const Seen joined = splitBytes(input, chunk, maxLineBytes, Runs::Joined);
        QCOMPARE(joined.texts, separate.texts);
        QCOMPARE(joined.kinds, separate.kinds);
    }
}

QTEST_GUILESS_MAIN(tst_LineSplitter)
#include "tst_linesplitter.moc"
