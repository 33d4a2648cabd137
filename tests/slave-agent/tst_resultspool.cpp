// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "slave-agent/resultspool.h"

class tst_ResultSpool : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstInFirstOut();
    void staleEntriesAreDiscarded();
};

void tst_ResultSpool::firstInFirstOut()
{
    QTemporaryDir dir;
    Agent::ResultSpool spool(dir.filePath("spool"));
    QCOMPARE(spool.open().value(), 0);
    QVERIFY(spool.append("http://m/builds/1/steps/", "application/x-bitten+xml", "<result a/>"));
    QVERIFY(spool.append("http://m/builds/1/attach/build", "multipart/form-data; boundary=x",
                         QByteArray("\0binary\nbytes", 13)));
    for (int i = 0; i < 9; ++i) // past 10 entries: names must still sort in order
        QVERIFY(spool.append("http://m/builds/1/steps/", "t", QByteArray::number(i)));
    QCOMPARE(spool.size(), 11);
    auto first = spool.first();
    QVERIFY(first && first.value());
    QCOMPARE(first.value()->url, QString("http://m/builds/1/steps/"));
    QCOMPARE(first.value()->contentType, QByteArray("application/x-bitten+xml"));
    QCOMPARE(first.value()->body, QByteArray("<result a/>"));
    QVERIFY(spool.remove(*first.value()));
    auto second = spool.first();
    QCOMPARE(second.value()->body, QByteArray("\0binary\nbytes", 13));
    QVERIFY(spool.remove(*second.value()));
    for (int i = 0; i < 9; ++i) {
        auto next = spool.first();
        QCOMPARE(next.value()->body, QByteArray::number(i));
        QVERIFY(spool.remove(*next.value()));
    }
    QVERIFY(!spool.first().value());
}

void tst_ResultSpool::staleEntriesAreDiscarded()
{
    QTemporaryDir dir;
    {
        Agent::ResultSpool earlier(dir.path());
        QVERIFY(earlier.open());
        QVERIFY(earlier.append("http://m/builds/1/steps/", "t", "old"));
    }
    Agent::ResultSpool spool(dir.path());
    QCOMPARE(spool.open().value(), 1);
    QCOMPARE(spool.size(), 0);
}

QTEST_GUILESS_MAIN(tst_ResultSpool)
#include "tst_resultspool.moc"
