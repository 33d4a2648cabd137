// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "slave-agent/linesplitter.h"

class tst_LineSplitter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void split_data();
    void split();
    void boundedLine();
    void byteLines_data();
    void byteLines();
};

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

void tst_LineSplitter::boundedLine()
{
    QVector<int> sizes;
    Agent::LineSplitter splitter([&sizes](const QString &line) { sizes << line.size(); }, 10);
    const QByteArray input = QByteArray(25, 'x') + "\nyy\n";
    splitter.feed(input.constData(), input.size());
    splitter.finish();
    QCOMPARE(sizes, (QVector<int>{10, 10, 5, 2}));
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

QTEST_GUILESS_MAIN(tst_LineSplitter)
#include "tst_linesplitter.moc"
