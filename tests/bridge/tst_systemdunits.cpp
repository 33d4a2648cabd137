// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

/// packaging/systemd: the units pass `systemd-analyze verify` and keep their documented settings.
class tst_SystemdUnits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void verify_data();
    void verify();
    void verifyReportsMistakes();
    void settings_data();
    void settings();
    void exposure_data();
    void exposure();
};

namespace {

QByteArray readUnit(const QString &name)
{
    QFile file(qEnvironmentVariable("BITTERN_SOURCE") + "/packaging/systemd/" + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Writes @p unit into @p dir with /usr/bin/bittern[-agent] pointing at the built programs, which
/// verify needs to exist; returns the copy's path.
QString installedCopy(const QTemporaryDir &dir, const QString &name, QByteArray unit)
{
    unit.replace("/usr/bin/bittern-agent ",
                 qEnvironmentVariable("BITTERN_AGENT_BIN").toUtf8() + ' ');
    unit.replace("/usr/bin/bittern ", qEnvironmentVariable("BITTERN_BIN").toUtf8() + ' ');
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(unit);
    return file.fileName();
}

/// `systemd-analyze verify --man=no UNIT` (or other @p arguments before UNIT): its exit code and
/// everything it printed.
QPair<int, QString> analyze(const QString &unitPath, const QStringList &arguments = {"verify"})
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start("systemd-analyze", arguments + QStringList{"--man=no", unitPath});
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {-1, "systemd-analyze did not finish"};
    }
    if (process.exitStatus() != QProcess::NormalExit || process.error() == QProcess::FailedToStart)
        return {-1, "systemd-analyze could not run (install Debian's systemd package)"};
    return {process.exitCode(), QString::fromUtf8(process.readAll())};
}

} // namespace

void tst_SystemdUnits::verify_data()
{
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("verifiedAs");
    QTest::addRow("bridge") << "bittern.service"
                            << "bittern.service";
    QTest::addRow("agent template as an instance") << "bittern-agent@.service"
                                                   << "bittern-agent@build1.service";
}

void tst_SystemdUnits::verify()
{
    QFETCH(QString, unit);
    QFETCH(QString, verifiedAs);
    const QByteArray text = readUnit(unit);
    QVERIFY(!text.isEmpty());
    QTemporaryDir dir;
    const QString copy = installedCopy(dir, verifiedAs, text);
    QVERIFY(!copy.isEmpty());
    const QPair<int, QString> result = analyze(copy);
    QCOMPARE(result.second, QString());
    QCOMPARE(result.first, 0);
}

void tst_SystemdUnits::verifyReportsMistakes()
{
    // The check above can fail: a misspelt hardening option is reported.
    QByteArray text = readUnit("bittern.service");
    QVERIFY(text.contains("NoNewPrivileges=yes"));
    text.replace("NoNewPrivileges=yes", "NoNewPrivilege=yes");
    QTemporaryDir dir;
    const QPair<int, QString> result = analyze(installedCopy(dir, "bittern.service", text));
    QVERIFY2(result.second.contains("Unknown key 'NoNewPrivilege'")
                     || result.second.contains("Unknown key name 'NoNewPrivilege'"),
             qPrintable(result.second));
}

void tst_SystemdUnits::settings_data()
{
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("line");
    const QStringList common{"User=",
                             "KillSignal=SIGTERM",
                             "KillMode=mixed",
                             "RestartPreventExitStatus=2",
                             "NoNewPrivileges=yes",
                             "ProtectSystem=strict",
                             "ProtectHome=yes",
                             "PrivateTmp=yes"};
    for (const QString &line : common) {
        QTest::addRow("bridge: %s", qPrintable(line)) << "bittern.service" << line;
        QTest::addRow("agent: %s", qPrintable(line)) << "bittern-agent@.service" << line;
    }
    QTest::addRow("bridge: command line")
            << "bittern.service"
            << "ExecStart=/usr/bin/bittern serve --config /etc/bittern/bittern.ini";
    QTest::addRow("bridge: state directory") << "bittern.service"
                                             << "StateDirectory=bittern";
    QTest::addRow("bridge: own user") << "bittern.service"
                                      << "User=bittern";
    QTest::addRow("agent: command line")
            << "bittern-agent@.service"
            << "ExecStart=/usr/bin/bittern-agent poll --config /etc/bittern/agents/%i.ini "
               "--work-dir %S/bittern-agent/%i/work $BITTERN_AGENT_OPTIONS $BITTERN_MASTER_URL";
    QTest::addRow("agent: optional environment file")
            << "bittern-agent@.service"
            << "EnvironmentFile=-/etc/bittern/agents/%i.env";
    QTest::addRow("agent: own user") << "bittern-agent@.service"
                                     << "User=bittern-agent";
}

void tst_SystemdUnits::settings()
{
    QFETCH(QString, unit);
    QFETCH(QString, line);
    const QStringList lines = QString::fromUtf8(readUnit(unit)).split('\n');
    const bool found = std::any_of(lines.cbegin(), lines.cend(),
                                   [&line](const QString &l) { return l.startsWith(line); });
    QVERIFY2(found, qPrintable(unit + " has no line starting with " + line));
}

void tst_SystemdUnits::exposure_data()
{
    // systemd-analyze security's exposure level ×10 (0 best, 100 worst); measured 18 and 68.
    // The agent runs arbitrary builds, so it keeps devices, namespaces and system calls.
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("verifiedAs");
    QTest::addColumn<int>("threshold");
    QTest::addRow("bridge") << "bittern.service"
                            << "bittern.service" << 25;
    QTest::addRow("agent") << "bittern-agent@.service"
                           << "bittern-agent@build1.service" << 70;
}

void tst_SystemdUnits::exposure()
{
    QFETCH(QString, unit);
    QFETCH(QString, verifiedAs);
    QFETCH(int, threshold);
    QTemporaryDir dir;
    const QString copy = installedCopy(dir, verifiedAs, readUnit(unit));
    const QPair<int, QString> result = analyze(
            copy, {"security", "--offline=yes", QString("--threshold=%1").arg(threshold)});
    QVERIFY2(result.first == 0, qPrintable(result.second));
}

QTEST_GUILESS_MAIN(tst_SystemdUnits)
#include "tst_systemdunits.moc"
