// SPDX-License-Identifier: GPL-3.0-or-later
// PollCli::settingsFor and the owner policy it sets up for preemption (issue 8 item 5): the
// `[bittern]` section turns it on, `policy_interval` sets how often it is evaluated, and each
// evaluation reads the INI file again.
#include <QSaveFile>
#include <QtTest>

#include "slave-agent/pollcli.h"

class tst_PollCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ownerPolicy_data();
    void ownerPolicy();
    void policyErrors_data();
    void policyErrors();
    void reReadsTheFile();

private:
    static bool write(const QString &path, const QByteArray &text);
};

bool tst_PollCli::write(const QString &path, const QByteArray &text)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size() && file.commit();
}

void tst_PollCli::ownerPolicy_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<int>("interval");
    QTest::addColumn<Core::OwnerAction>("action");
    QTest::addRow("no [bittern] section: never vacates")
            << QByteArray("[os]\nname = Linux\n") << false << 30000 << Core::OwnerAction::Run;
    QTest::addRow("default interval") << QByteArray("[bittern]\npreempt = false\n") << true << 30000
                                      << Core::OwnerAction::Run;
    QTest::addRow("fractional interval, preempt true")
            << QByteArray("[bittern]\npreempt = Cpus > 0\npolicy_interval = 0.25\n") << true << 250
            << Core::OwnerAction::Preempt;
    QTest::addRow("kill over preempt") << QByteArray("[bittern]\npreempt = true\nkill = true\n")
                                       << true << 30000 << Core::OwnerAction::Kill;
}

void tst_PollCli::ownerPolicy()
{
    QFETCH(QByteArray, ini);
    QFETCH(bool, enabled);
    QFETCH(int, interval);
    QFETCH(Core::OwnerAction, action);
    QTemporaryDir dir;
    QVERIFY(write(dir.filePath("slave.ini"), ini));
    Agent::PollOptions options;
    options.urls = QStringList("http://127.0.0.1:1/builds");
    options.configFile = dir.filePath("slave.ini");
    auto settings = Agent::PollCli::settingsFor(options, dir.path());
    QVERIFY2(settings, settings ? "" : qPrintable(settings.error().message));
    QCOMPARE(bool(settings.value().ownerPolicy), enabled);
    QCOMPARE(settings.value().policyIntervalMilliseconds, interval);
    if (enabled) {
        auto decision = settings.value().ownerPolicy();
        QVERIFY(decision);
        QCOMPARE(decision.value().runningAction(), action);
    }
}

void tst_PollCli::policyErrors_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QString>("message");
    QTest::addRow("interval not a number")
            << QByteArray("[bittern]\npolicy_interval = soon\n")
            << "Could not read slave configuration %1: [bittern] policy_interval must be a number "
               "of seconds between 0 and 86400, not \"soon\".";
    QTest::addRow("interval zero")
            << QByteArray("[bittern]\npolicy_interval = 0\n")
            << "Could not read slave configuration %1: [bittern] policy_interval must be a number "
               "of seconds between 0 and 86400, not \"0\".";
}

void tst_PollCli::policyErrors()
{
    QFETCH(QByteArray, ini);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QVERIFY(write(dir.filePath("slave.ini"), ini));
    Agent::PollOptions options;
    options.configFile = dir.filePath("slave.ini");
    auto settings = Agent::PollCli::settingsFor(options, dir.path());
    QVERIFY(!settings);
    QCOMPARE(settings.error().message, message.arg(options.configFile));
}

void tst_PollCli::reReadsTheFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("slave.ini");
    const QByteArray policy = "[bittern]\npreempt = owner_present == \"yes\"\n";
    QVERIFY(write(path, "[owner]\npresent = no\n" + policy));
    Agent::PollOptions options;
    options.configFile = path;
    auto settings = Agent::PollCli::settingsFor(options, dir.path());
    QVERIFY(settings);
    QCOMPARE(settings.value().ownerPolicy().value().preempt, Core::ClassAdTruth::False);
    QVERIFY(write(path, "[owner]\npresent = yes\n" + policy));
    QCOMPARE(settings.value().ownerPolicy().value().preempt, Core::ClassAdTruth::True);
    QVERIFY(QFile::remove(path));
    const auto gone = settings.value().ownerPolicy();
    QVERIFY(!gone);
    QVERIFY(gone.error().message.startsWith("Could not open slave configuration " + path));
}

QTEST_GUILESS_MAIN(tst_PollCli)
#include "tst_pollcli.moc"
