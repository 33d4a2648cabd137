// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "slave-agent/systemprobe.h"

using namespace Agent;

/// Tests Agent::SystemProbe's parsers of /proc files and its clock fields.
class tst_SystemProbe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadAverage_data();
    void loadAverage();
    void memInfo();
    void idleSeconds();
    void clock();
    void readsThisMachine();
};

void tst_SystemProbe::loadAverage_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<double>("expected");
    QTest::addRow("Linux format") << QByteArray("0.52 0.58 0.59 2/1234 56789\n") << 0.52;
    QTest::addRow("empty file") << QByteArray() << -1.0;
    QTest::addRow("garbage") << QByteArray("load high\n") << -1.0;
}

void tst_SystemProbe::loadAverage()
{
    QFETCH(QByteArray, text);
    QFETCH(double, expected);
    QCOMPARE(SystemProbe::parseLoadAverage(text), expected);
}

void tst_SystemProbe::memInfo()
{
    const auto memory = SystemProbe::parseMemInfo("MemTotal:       16303620 kB\n"
                                                  "MemFree:         1019364 kB\n"
                                                  "MemAvailable:    9871232 kB\n");
    QCOMPARE(memory.totalMiB, qint64(15921));
    QCOMPARE(memory.availableMiB, qint64(9639));
    QCOMPARE(SystemProbe::parseMemInfo("nothing\n").totalMiB, qint64(0));
}

void tst_SystemProbe::idleSeconds()
{
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1700000000);
    QCOMPARE(SystemProbe::idleSeconds({}, now), qint64(-1));
    QCOMPARE(SystemProbe::idleSeconds({now.addSecs(-600), now.addSecs(-30), QDateTime()}, now),
             qint64(30));
}

void tst_SystemProbe::clock()
{
    Core::SystemSnapshot snapshot;
    const QDateTime sunday(QDate(2026, 11, 29), QTime(22, 15));
    SystemProbe::setClock(&snapshot, sunday);
    QCOMPARE(snapshot.minutesSinceMidnight, 22 * 60 + 15);
    QCOMPARE(snapshot.dayOfWeek, 0);
    QCOMPARE(snapshot.currentTime, sunday.toSecsSinceEpoch());
    SystemProbe::setClock(&snapshot, QDateTime(QDate(2026, 11, 28), QTime(1, 2)));
    QCOMPARE(snapshot.dayOfWeek, 6);
}

void tst_SystemProbe::readsThisMachine()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Core::SystemSnapshot snapshot = SystemProbe::read(dir.path());
    QVERIFY(snapshot.cpus >= 1);
    QVERIFY(snapshot.memoryMiB > 0);
    QVERIFY(snapshot.loadAverage >= 0);
    QVERIFY(snapshot.freeDiskMiB > 0);
    QVERIFY(snapshot.currentTime > 1700000000);
}

QTEST_GUILESS_MAIN(tst_SystemProbe)
#include "tst_systemprobe.moc"
