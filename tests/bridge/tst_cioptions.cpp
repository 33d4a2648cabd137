// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "bridge/cioptions.h"

using Bridge::CiOptions;

/// `bittern push|run --ci …` option parsing (pure).
class tst_CiOptions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void valid();
    void invalid_data();
    void invalid();
};

void tst_CiOptions::valid()
{
    const auto push = CiOptions::parse({"push", "--ci", "buildbot+http://bob:pw@127.0.0.1:8010",
                                        "--data-dir", "/srv/m/bittern", "--strategy", "agent",
                                        "a.xml", "b.xml"},
                                       "envuser", "envpass");
    QVERIFY(push);
    QCOMPARE(push.value().action, CiOptions::Action::Push);
    QCOMPARE(push.value().server, CiOptions::Server::Buildbot);
    QCOMPARE(push.value().url, QUrl("http://127.0.0.1:8010"));
    QCOMPARE(push.value().user, QString("bob"));
    QCOMPARE(push.value().password, QString("pw"));
    QCOMPARE(push.value().configurations, (QStringList{"a.xml", "b.xml"}));
    QCOMPARE(push.value().strategy, Translator::StrategyChoice::Agent);

    const auto run = CiOptions::parse({"run", "--ci", "buildbot+https://ci.example.org/bb/",
                                       "trunk", "--rev", "r7", "--platform", "linux"},
                                      "envuser", "envpass");
    QVERIFY(run);
    QCOMPARE(run.value().action, CiOptions::Action::Run);
    QCOMPARE(run.value().url, QUrl("https://ci.example.org/bb/"));
    QCOMPARE(run.value().user, QString("envuser"));
    QCOMPARE(run.value().password, QString("envpass"));
    QCOMPARE(run.value().revision, QString("r7"));
    QCOMPARE(run.value().platform, QString("linux"));
}

void tst_CiOptions::invalid_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::addRow("no --ci") << QStringList{"run", "trunk"} << "bittern run needs --ci URL.";
    QTest::addRow("unknown scheme")
            << QStringList{"run", "--ci", "gitlab+http://h", "trunk"}
            << "Invalid --ci URL \"gitlab+http://h\": expected buildbot+http://HOST:PORT or "
               "jenkins+https://HOST/…";
    QTest::addRow("no transport") << QStringList{"run", "--ci", "buildbot://h:1", "trunk"}
                                  << "Invalid --ci URL \"buildbot://h:1\": expected "
                                     "buildbot+http://HOST:PORT or jenkins+https://HOST/…";
    QTest::addRow("push without data dir")
            << QStringList{"push", "--ci", "buildbot+http://h:1", "a.xml"}
            << "bittern push --ci buildbot+… needs --data-dir DIR (the directory the master's "
               "configure() reads).";
    QTest::addRow("run of two") << QStringList{"run", "--ci", "buildbot+http://h:1", "a", "b"}
                                << "bittern run takes exactly one configuration.";
    QTest::addRow("nothing to push")
            << QStringList{"push", "--ci", "buildbot+http://h:1", "--data-dir", "d"}
            << "bittern push needs at least one configuration.";
    QTest::addRow("bad strategy") << QStringList{"push",       "--ci", "buildbot+http://h:1",
                                                 "--data-dir", "d",    "--strategy",
                                                 "best",       "a.xml"}
                                  << "Invalid --strategy \"best\": expected auto, agent or native.";
    QTest::addRow("bad timeout")
            << QStringList{"run", "--ci", "buildbot+http://h:1", "--timeout", "0", "a"}
            << "Invalid --timeout \"0\": expected a positive number of seconds.";
}

void tst_CiOptions::invalid()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const auto parsed = CiOptions::parse(arguments, QString(), QString());
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().message, message);
}

QTEST_GUILESS_MAIN(tst_CiOptions)
#include "tst_cioptions.moc"
