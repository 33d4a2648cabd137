// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "core/inifile.h"
#include "core/interpolator.h"
#include "core/slaveproperties.h"
#include "tests/testlib/testdata.h"

using namespace Core;

/// Tests Core::SlaveProperties (bitten-spec §5.2, §5.3, §6.2, §6.3).
class tst_SlaveProperties : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detect();
    void fromIni_data();
    void fromIni();
    void reservedNameIsSkipped();
    void authentication_data();
    void authentication();
    void overrides();
    void overrideErrors_data();
    void overrideErrors();
    void registrationXml();
    void registrationRoundTripsThroughTheReader();
    void readRegistrationSample();
    void readRegistrationWithoutVersion();
    void readRegistrationErrors_data();
    void readRegistrationErrors();
    void sampleConfigFeedsTheInterpolator();
};

static SlaveProperties fixedPlatform()
{
    SlaveProperties properties;
    properties.setValue("os", "Linux");
    properties.setValue("family", "posix");
    properties.setValue("version", "6.1.0");
    properties.setValue("machine", "x86_64");
    properties.setValue("processor", "");
    return properties;
}

static SlaveProperties fromIniText(const QByteArray &text)
{
    const auto ini = IniFile::parse(text);
    if (!ini)
        qWarning() << ini.error().toString();
    const auto properties = SlaveProperties::fromIni(ini.value(), fixedPlatform());
    if (!properties)
        qWarning() << properties.error().message;
    return properties.value();
}

void tst_SlaveProperties::detect()
{
    const SlaveProperties detected = SlaveProperties::detect();
    for (const QString &name : SlaveProperties::platformPropertyNames())
        QVERIFY2(detected.contains(name), qPrintable(name));
#ifdef Q_OS_LINUX
    QCOMPARE(detected.value("os"), QString("Linux"));
    QCOMPARE(detected.value("family"), QString("posix"));
    QCOMPARE(detected.value("processor"), QString());
    QCOMPARE(detected.value("machine"),
             QSysInfo::currentCpuArchitecture() == "x86_64" ? QString("x86_64")
                                                            : detected.value("machine"));
    QCOMPARE(detected.value("version"), QSysInfo::kernelVersion());
#endif
    QVERIFY(detected.packageNames().isEmpty());
}

void tst_SlaveProperties::fromIni_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::addRow("detected os kept") << QByteArray("[x]\n") << "os"
                                      << "Linux";
    QTest::addRow("os name overrides") << QByteArray("[os]\nname = Darwin\n") << "os"
                                       << "Darwin";
    QTest::addRow("os version overrides") << QByteArray("[os]\nversion = 8.1.0\n") << "version"
                                          << "8.1.0";
    QTest::addRow("os family overrides") << QByteArray("[os]\nfamily = nt\n") << "family"
                                         << "nt";
    QTest::addRow("machine name overrides") << QByteArray("[machine]\nname = ppc\n") << "machine"
                                            << "ppc";
    QTest::addRow("machine processor overrides")
            << QByteArray("[machine]\nprocessor = G4\n") << "processor"
            << "G4";
    QTest::addRow("package option")
            << QByteArray("[python]\npath = /usr/bin/python\n") << "python.path"
            << "/usr/bin/python";
    QTest::addRow("package option interpolated")
            << QByteArray("[repository]\nhome = /h\npath = %(home)s/env\n") << "repository.path"
            << "/h/env";
    QTest::addRow("package inherits DEFAULT")
            << QByteArray("[DEFAULT]\nroot = /r\n[make]\npath = %(root)s/make\n") << "make.root"
            << "/r";
    QTest::addRow("os section is no package") << QByteArray("[os]\nname = X\n") << "os.name"
                                              << "";
    QTest::addRow("maintainer is ignored")
            << QByteArray("[maintainer]\nemail = a@b\n") << "maintainer.email"
            << "";
    QTest::addRow("option with a dot splits at the first dot")
            << QByteArray("[a]\nb.c = 1\n") << "a.b.c"
            << "1";
    QTest::addRow("section names are case-sensitive")
            << QByteArray("[Java]\nhome = /j\n") << "java.home"
            << "";
}

void tst_SlaveProperties::fromIni()
{
    QFETCH(QByteArray, ini);
    QFETCH(QString, name);
    QFETCH(QString, expected);
    const SlaveProperties properties = fromIniText(ini);
    QCOMPARE(properties.value(name), expected);
    QCOMPARE(properties.contains(name), !expected.isEmpty());
    QCOMPARE(properties.toHash().value(name), expected);
}

void tst_SlaveProperties::reservedNameIsSkipped()
{
    const SlaveProperties properties = fromIniText("[repository]\nname = env\nhome = /h\n");
    QVERIFY(!properties.contains("repository.name"));
    QCOMPARE(properties.value("repository.home"), QString("/h"));
    QCOMPARE(properties.warnings(),
             QStringList{"Reserved configuration option 'name' used for package/section "
                         "'repository'. Skipping."});
}

void tst_SlaveProperties::authentication_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QString>("cliUser");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QStringList>("packages");
    QTest::addRow("username hides the section")
            << QByteArray("[authentication]\nusername = u\npassword = p\n[svn]\nx = 1\n") << ""
            << "u"
            << "p" << QStringList{"svn"};
    QTest::addRow("password only is sent as a package")
            << QByteArray("[authentication]\npassword = p\n") << ""
            << ""
            << "p" << QStringList{"authentication"};
    QTest::addRow("command-line user hides the section")
            << QByteArray("[authentication]\npassword = p\n") << "cli"
            << "cli"
            << "p" << QStringList();
}

void tst_SlaveProperties::authentication()
{
    QFETCH(QByteArray, ini);
    QFETCH(QString, cliUser);
    QFETCH(QString, username);
    QFETCH(QString, password);
    QFETCH(QStringList, packages);
    SlaveProperties properties = fromIniText(ini);
    if (!cliUser.isEmpty())
        properties.setUsername(cliUser);
    QCOMPARE(properties.username(), username);
    QCOMPARE(properties.password(), password);
    QCOMPARE(properties.packageNames(), packages);
    const bool visible = packages.contains("authentication");
    QCOMPARE(properties.contains("authentication.password"), visible);
    QCOMPARE(properties.toHash().contains("authentication.password"), visible);
    QCOMPARE(properties.registrationXml("s").contains("authentication"), visible);
}

void tst_SlaveProperties::overrides()
{
    SlaveProperties properties = fromIniText("[python]\npath = /a\n");
    const auto applied = properties.applyOverrides(
            {"python.path=/b", "os=Plan9", "nuwa.release=trunk", "x.eq=a=b", "machine="});
    QVERIFY(applied);
    QCOMPARE(properties.value("python.path"), QString("/b"));
    QCOMPARE(properties.value("os"), QString("Plan9"));
    QCOMPARE(properties.value("nuwa.release"), QString("trunk"));
    QCOMPARE(properties.value("x.eq"), QString("a=b"));
    QCOMPARE(properties.value("machine"), QString());
    QVERIFY(properties.contains("machine"));
    QCOMPARE(properties.packageNames(), (QStringList{"python", "nuwa", "x"}));
}

void tst_SlaveProperties::overrideErrors_data()
{
    QTest::addColumn<QString>("definition");
    QTest::addColumn<QString>("message");
    const QString form = "Property definition '%1' is not of the form name=value or "
                         "package.option=value.";
    QTest::addRow("no equals sign") << "python.path" << form.arg("python.path");
    QTest::addRow("empty name") << "=x" << form.arg("=x");
    QTest::addRow("empty package") << ".path=x" << form.arg(".path=x");
    QTest::addRow("empty option") << "python.=x" << form.arg("python.=x");
    QTest::addRow("unknown undotted name")
            << "config=x"
            << "Property definition 'config=x' names no slave property: an undotted name must be "
               "one of os, family, version, machine or processor.";
}

void tst_SlaveProperties::overrideErrors()
{
    QFETCH(QString, definition);
    QFETCH(QString, message);
    SlaveProperties properties = fixedPlatform();
    const auto applied = properties.applyOverrides({"os=Before", definition, "os=After"});
    QVERIFY(!applied);
    QCOMPARE(applied.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(applied.error().message, message);
    QCOMPARE(properties.value("os"), QString("Before"));
}

void tst_SlaveProperties::registrationXml()
{
    SlaveProperties properties = fromIniText("[java]\nversion = 2.4.3\nhome = /j&k\n[empty]\n");
    properties.setValue("os", "Darwin");
    properties.setValue("version", "8.1.0");
    properties.setValue("machine", "Power Macintosh");
    properties.setValue("x.name", "ignored");
    QCOMPARE(properties.registrationXml("hal"),
             QByteArray("<slave name=\"hal\" version=\"5\">"
                        "<platform processor=\"\">Power Macintosh</platform>"
                        "<os family=\"posix\" version=\"8.1.0\">Darwin</os>"
                        "<package name=\"java\" version=\"2.4.3\" home=\"/j&amp;k\"/>"
                        "<package name=\"empty\"/><package name=\"x\"/></slave>"));
}

void tst_SlaveProperties::registrationRoundTripsThroughTheReader()
{
    // The sample body from Bitten's master tests, rebuilt from properties: the master must read
    // the same dict from ours as from the original.
    const QByteArray sample
            = TestLib::readFile(TestLib::sharedPath("corpus/samples/proto_slave_registration.xml"));
    const auto fromSample = SlaveProperties::readRegistration(sample, "127.0.0.1");
    QVERIFY(fromSample);
    SlaveProperties properties;
    properties.setValue("os", "Darwin");
    properties.setValue("family", "posix");
    properties.setValue("version", "8.1.0");
    properties.setValue("machine", "Power Macintosh");
    properties.setValue("java.version", "2.4.3");
    const auto fromOurs
            = SlaveProperties::readRegistration(properties.registrationXml("hal"), "127.0.0.1");
    QVERIFY(fromOurs);
    QCOMPARE(fromOurs.value().slaveName, fromSample.value().slaveName);
    QCOMPARE(fromOurs.value().protocolVersion, fromSample.value().protocolVersion);
    auto expected = fromSample.value().properties;
    expected.insert("processor", ""); // the sample omits the attribute; a 0.6 slave sends it
    QCOMPARE(fromOurs.value().properties, expected);
}

void tst_SlaveProperties::readRegistrationSample()
{
    const QByteArray sample
            = TestLib::readFile(TestLib::sharedPath("corpus/samples/proto_slave_registration.xml"));
    const auto registration = SlaveProperties::readRegistration(sample, "10.0.0.7");
    QVERIFY(registration);
    QCOMPARE(registration.value().slaveName, QString("hal"));
    QCOMPARE(registration.value().protocolVersion, 5);
    const QHash<QString, QString> expected{
            {"name", "hal"},          {"ipnr", "10.0.0.7"}, {"machine", "Power Macintosh"},
            {"os", "Darwin"},         {"family", "posix"},  {"version", "8.1.0"},
            {"java.version", "2.4.3"}};
    QCOMPARE(registration.value().properties, expected);
}

void tst_SlaveProperties::readRegistrationWithoutVersion()
{
    const QByteArray sample = TestLib::readFile(
            TestLib::sharedPath("corpus/samples/proto_slave_registration_no_version.xml"));
    QVERIFY(!sample.isEmpty());
    const auto registration = SlaveProperties::readRegistration(sample, "::1");
    QVERIFY(registration);
    QCOMPARE(registration.value().protocolVersion, 1);
    QCOMPARE(registration.value().properties.value("ipnr"), QString("::1"));
}

void tst_SlaveProperties::readRegistrationErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::addRow("empty body") << QByteArray() << int(ErrorCode::ParseFailed)
                                << "The slave registration is not well-formed XML: Premature end "
                                   "of document.";
    QTest::addRow("malformed after a nameless root")
            << QByteArray("<slave><os></slave>") << int(ErrorCode::ParseFailed)
            << "The slave registration is not well-formed XML: Opening and ending tag mismatch.";
    QTest::addRow("no name") << QByteArray("<slave version=\"5\"/>") << int(ErrorCode::InvalidInput)
                             << "The slave registration has no name attribute.";
    QTest::addRow("version not an integer")
            << QByteArray("<slave name=\"s\" version=\"five\"/>") << int(ErrorCode::InvalidInput)
            << "The registration of slave 's' has a version 'five' that is not an integer.";
    QTest::addRow("package without a name")
            << QByteArray("<slave name=\"s\" version=\"5\"><package x=\"1\"/></slave>")
            << int(ErrorCode::InvalidInput)
            << "A package in the registration of slave 's' has no name attribute.";
}

void tst_SlaveProperties::readRegistrationErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(int, code);
    QFETCH(QString, message);
    const auto registration = SlaveProperties::readRegistration(body, "127.0.0.1");
    QVERIFY(!registration);
    QCOMPARE(int(registration.error().code), code);
    QCOMPARE(registration.error().message, message);
}

void tst_SlaveProperties::sampleConfigFeedsTheInterpolator()
{
    const auto ini = IniFile::parse(TestLib::readFile(
            TestLib::sharedPath("corpus/samples/slave_config_simoncblyth_g4pb.ini")));
    QVERIFY(ini);
    const auto properties = SlaveProperties::fromIni(ini.value(), fixedPlatform());
    QVERIFY(properties);
    QCOMPARE(properties.value().packageNames(), (QStringList{"repository", "env", "workflow"}));
    QVERIFY(properties.value().warnings().isEmpty());
    Interpolator::Context context;
    context.properties = properties.value().toHash();
    context.buildVariables = {{"revision", "1007"}};
    const Interpolator interpolator(context);
    QCOMPARE(interpolator.interpolate("svn co -r ${revision} file://${repository.home}/"
                                      "${repository.strip} ${workflow.branch:none}"),
             QString("svn co -r 1007 file:///Users/blyth/env/trunk none"));
}

QTEST_GUILESS_MAIN(tst_SlaveProperties)
#include "tst_slaveproperties.moc"
