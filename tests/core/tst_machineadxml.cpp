// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/machineadxml.h"
#include "core/slaveproperties.h"

using namespace Core;

/// Tests Core::MachineAdXml: the machine ad inside a Bitten `<slave>` registration.
class tst_MachineAdXml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void bittenReaderIgnoresIt();
    void noAd_data();
    void noAd();
    void invalidAd();
};

void tst_MachineAdXml::roundTrip_data()
{
    QTest::addColumn<QByteArray>("registration");
    QTest::addRow("slave with children") << QByteArray(
            "<slave name=\"a\" version=\"5\"><platform processor=\"\">x86_64</platform>"
            "<os family=\"posix\" version=\"6\">Linux</os></slave>");
    QTest::addRow("empty slave element") << QByteArray("<slave name=\"a\" version=\"5\"/>");
    QTest::addRow("with declaration")
            << QByteArray("<?xml version=\"1.0\"?>\n<slave name=\"a\" version=\"5\">\n</slave>\n");
}

void tst_MachineAdXml::roundTrip()
{
    QFETCH(QByteArray, registration);
    const ClassAd ad = ClassAd::parse("Name = \"a\"\nCpus = 8\nos = \"<Linux & co>\"\n"
                                      "Requirements = TARGET.Config =!= \"docs\" && Cpus > 2")
                               .value();
    const QByteArray body = MachineAdXml::addToRegistration(registration, ad);
    QVERIFY(body.contains("xmlns=\"urn:bittern:machine-ad\""));
    const auto read = MachineAdXml::read(body);
    QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
    QVERIFY(read.value().has_value());
    QCOMPARE(read.value()->toString(), ad.toString());
}

void tst_MachineAdXml::bittenReaderIgnoresIt()
{
    // The master's reading of Bitten's elements is unchanged by the extra child.
    SlaveProperties properties;
    properties.setValue("os", "Linux");
    properties.setValue("machine", "x86_64");
    properties.setValue("python.version", "3.11");
    const QByteArray plain = properties.registrationXml("agent");
    const QByteArray withAd
            = MachineAdXml::addToRegistration(plain, ClassAd::parse("Cpus = 4").value());
    const auto before = SlaveProperties::readRegistration(plain, "127.0.0.1");
    const auto after = SlaveProperties::readRegistration(withAd, "127.0.0.1");
    QVERIFY(before && after);
    QCOMPARE(after.value().properties, before.value().properties);
    QCOMPARE(after.value().protocolVersion, before.value().protocolVersion);
}

void tst_MachineAdXml::noAd_data()
{
    QTest::addColumn<QByteArray>("registration");
    QTest::addRow("plain Bitten slave") << QByteArray("<slave name=\"a\"><os>Linux</os></slave>");
    QTest::addRow("same name in no namespace")
            << QByteArray("<slave name=\"a\"><machine-ad>Cpus = 4</machine-ad></slave>");
    QTest::addRow("nested deeper")
            << QByteArray("<slave name=\"a\"><os><machine-ad xmlns=\"urn:bittern:machine-ad\">"
                          "Cpus = 4</machine-ad></os></slave>");
    QTest::addRow("empty body") << QByteArray();
}

void tst_MachineAdXml::noAd()
{
    QFETCH(QByteArray, registration);
    const auto read = MachineAdXml::read(registration);
    QVERIFY(read);
    QVERIFY(!read.value().has_value());
}

void tst_MachineAdXml::invalidAd()
{
    const auto read = MachineAdXml::read(
            "<slave name=\"a\"><machine-ad xmlns=\"urn:bittern:machine-ad\">Cpus = = 4"
            "</machine-ad></slave>");
    QVERIFY(!read);
    QCOMPARE(read.error().code, ErrorCode::InvalidInput);
    QVERIFY2(read.error().message.startsWith(
                     "The machine ad in the slave registration is not a valid ClassAd: "),
             qPrintable(read.error().message));
}

QTEST_GUILESS_MAIN(tst_MachineAdXml)
#include "tst_machineadxml.moc"
