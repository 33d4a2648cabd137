// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "slave-agent/polloptions.h"

using Agent::PollLoop;
Q_DECLARE_METATYPE(Agent::PollLoop)

class tst_PollOptions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
};

void tst_PollOptions::valid_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("urls");
    QTest::addColumn<PollLoop>("loop");
    QTest::addColumn<int>("interval");
    QTest::addColumn<int>("keepalive");
    QTest::addRow("defaults, /builds appended")
            << QStringList({"http://ci/trac"}) << QStringList({"http://ci/trac/builds"})
            << PollLoop::Forever << 300 << 60;
    QTest::addRow("/builds kept, trailing slash dropped")
            << QStringList({"https://ci/builds/", "--single"}) << QStringList({"https://ci/builds"})
            << PollLoop::Single << 300 << 60;
    QTest::addRow("several masters, bitten-slave spellings")
            << QStringList({"http://a", "http://b/builds", "--no-loop", "-i", "5",
                            "--keepalive_interval", "7"})
            << QStringList({"http://a/builds", "http://b/builds"}) << PollLoop::UntilIdle << 5 << 7;
    QTest::addRow("short keepalive option")
            << QStringList({"http://a", "-b", "2"}) << QStringList({"http://a/builds"})
            << PollLoop::Forever << 300 << 2;
}

void tst_PollOptions::valid()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, urls);
    QFETCH(PollLoop, loop);
    QFETCH(int, interval);
    QFETCH(int, keepalive);
    auto options = Agent::parsePollOptions(arguments);
    QVERIFY2(options, options ? "" : qPrintable(options.error().message));
    QCOMPARE(options.value().urls, urls);
    QCOMPARE(options.value().loop, loop);
    QCOMPARE(options.value().intervalSeconds, interval);
    QCOMPARE(options.value().keepaliveSeconds, keepalive);
}

void tst_PollOptions::invalid_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::addRow("no URL") << QStringList()
                            << "The poll subcommand needs at least one master URL.";
    QTest::addRow("recipe file instead of URL")
            << QStringList({"recipe.xml"})
            << "Invalid master URL \"recipe.xml\": expected http:// or https://.";
    QTest::addRow("bad interval") << QStringList({"http://a", "--interval", "soon"})
                                  << "Invalid --interval value \"soon\": expected seconds.";
    QTest::addRow("bad property") << QStringList({"http://a", "-D", "novalue"})
                                  << "Invalid property \"novalue\": expected name=value.";
}

void tst_PollOptions::invalid()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    auto options = Agent::parsePollOptions(arguments);
    QVERIFY(!options);
    QCOMPARE(options.error().message, message);
}

QTEST_GUILESS_MAIN(tst_PollOptions)
#include "tst_polloptions.moc"
