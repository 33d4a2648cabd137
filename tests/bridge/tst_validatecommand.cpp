// SPDX-License-Identifier: GPL-3.0-or-later
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "bridge/validatecommand.h"
#include "tests/testlib/testdata.h"

using namespace Bridge;

/// Tests `bittern validate`: option parsing, output format and exit status.
class tst_ValidateCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseOptions_data();
    void parseOptions();
    void run_data();
    void run();
    void steps();
    void hugeFileNotRead();
    void process_data();
    void process();

private:
    QTemporaryDir m_dir;
    QString write(const QString &name, const QByteArray &data);
};

QString tst_ValidateCommand::write(const QString &name, const QByteArray &data)
{
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        qFatal("cannot write %s", qPrintable(file.fileName()));
    return file.fileName();
}

void tst_ValidateCommand::parseOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("recipes");
    QTest::addColumn<bool>("steps");
    QTest::addColumn<QString>("error");
    QTest::addRow("one recipe") << QStringList{"validate", "a.xml"} << QStringList{"a.xml"} << false
                                << "";
    QTest::addRow("steps and two recipes") << QStringList{"validate", "--steps", "a.xml", "b.xml"}
                                           << QStringList{"a.xml", "b.xml"} << true << "";
    QTest::addRow("no recipe") << QStringList{"validate"} << QStringList() << false
                               << "bittern validate: no recipe given; usage: bittern validate "
                                  "[--steps] RECIPE...";
    QTest::addRow("unknown option") << QStringList{"validate", "--bogus", "a.xml"} << QStringList()
                                    << false << "bittern validate: Unknown option 'bogus'.";
}

void tst_ValidateCommand::parseOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, recipes);
    QFETCH(bool, steps);
    QFETCH(QString, error);
    const auto options = ValidateCommand::parseOptions(arguments);
    QCOMPARE(options ? QString() : options.error().message, error);
    if (!options)
        return;
    QCOMPARE(options.value().recipes, recipes);
    QCOMPARE(options.value().steps == StepListing::On, steps);
}

void tst_ValidateCommand::run_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("err");
    QTest::addRow("valid") << QByteArray("<build><step id='a'><attach file='f'/></step></build>")
                           << 0 << ""
                           << "";
    QTest::addRow("warning only")
            << QByteArray("<build xmlns:e='urn:e'><step id='a'><e:x/></step></build>") << 0
            << "%1:1:37: warning: Recipe command <e:x> comes from the third-party namespace "
               "\"urn:e\"; it runs only on a bitten-slave that has the plugin providing it "
               "installed.\n"
            << "";
    QTest::addRow("errors")
            << QByteArray("<build>\n<step id='a'/>\n<step id='a'><report/></step></build>") << 1
            << "%1:2:1: error: Step \"a\" has no recipe commands\n"
               "%1:3:1: error: Duplicate step ID \"a\"\n"
               "%1:3:14: error: Recipe command <report> lacks the required attribute "
               "\"category\"; bitten-slave would stop the step with an internal error.\n"
               "%1:3:14: error: Recipe command <report> lacks the required attribute \"file\"; "
               "bitten-slave would stop the step with an internal error.\n"
            << "";
    QTest::addRow("malformed")
            << QByteArray("<build><step></build>") << 2 << ""
            << "%1:1:22: error: Recipe %1 is not well-formed XML: Opening and ending tag "
               "mismatch.\n";
}

void tst_ValidateCommand::run()
{
    QFETCH(QByteArray, data);
    QFETCH(int, status);
    QFETCH(QString, out);
    QFETCH(QString, err);
    const QString file = write("recipe.xml", data);
    QString outText;
    QString errText;
    QTextStream outStream(&outText);
    QTextStream errStream(&errText);
    ValidateCommand::Options options;
    options.recipes = QStringList{file};
    QCOMPARE(ValidateCommand::run(options, outStream, errStream), status);
    QCOMPARE(outText, out.contains("%1") ? out.arg(file) : out);
    QCOMPARE(errText, err.contains("%1") ? err.arg(file) : err);
}

void tst_ValidateCommand::steps()
{
    const QString file
            = write("steps.xml",
                    "<build xmlns:sh='http://bitten.edgewall.org/tools/sh' onerror='continue'>"
                    "<step id='build' description='Compile  it'><sh:exec executable='make' "
                    "args='-j2'/></step><step id='test' onerror='ignore'><report "
                    "category='test' file='t.xml'/></step></build>");
    QString outText;
    QString errText;
    QTextStream outStream(&outText);
    QTextStream errStream(&errText);
    ValidateCommand::Options options;
    options.recipes = QStringList{file, m_dir.filePath("missing.xml")};
    options.steps = StepListing::On;
    QCOMPARE(ValidateCommand::run(options, outStream, errStream), 2);
    QCOMPARE(outText,
             QString("%1: 2 steps, onerror continue\n"
                     "  step \"build\" (onerror continue, Compile it)\n"
                     "    sh:exec executable=\"make\" args=\"-j2\"\n"
                     "  step \"test\" (onerror ignore)\n"
                     "    report category=\"test\" file=\"t.xml\"\n")
                     .arg(file));
    QCOMPARE(errText,
             QString("%1: error: Could not read recipe %1: No such file or directory.\n")
                     .arg(m_dir.filePath("missing.xml")));
}

void tst_ValidateCommand::hugeFileNotRead()
{
    QFile file(m_dir.filePath("huge.xml"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(100 * 1024 * 1024)); // sparse: costs no disk
    file.close();
    QString outText;
    QString errText;
    QTextStream outStream(&outText);
    QTextStream errStream(&errText);
    ValidateCommand::Options options;
    options.recipes = QStringList{file.fileName()};
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(ValidateCommand::run(options, outStream, errStream), 2);
    QVERIFY(timer.elapsed() < 1000);
    QCOMPARE(errText,
             QString("%1:1:1: error: Recipe %1 is 104857600 bytes long, more than the "
                     "limit of 67108864 bytes.\n")
                     .arg(file.fileName()));
}

void tst_ValidateCommand::process_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("stdoutStart");
    const QString examplesDir = QDir::cleanPath(TestLib::testDataPath("../../examples"));
    QStringList paths;
    for (const QString &name : TestLib::filesIn(examplesDir, "*.xml"))
        paths.append(examplesDir + "/" + name);
    QVERIFY(paths.size() >= 3);
    QTest::addRow("examples validate cleanly")
            << (QStringList{"validate", "--steps"} + paths) << 0 << paths.first() + ": ";
    QTest::addRow("2005 recipe is rejected")
            << QStringList{"validate",
                           TestLib::sharedPath("corpus/recipes/bitten-own-recipe-2005-legacy.xml")}
            << 1 << TestLib::sharedPath("corpus/recipes/bitten-own-recipe-2005-legacy.xml:3:1: ");
    QTest::addRow("usage error") << QStringList{"validate"} << 2 << "";
}

void tst_ValidateCommand::process()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, status);
    QFETCH(QString, stdoutStart);
    QProcess bittern;
    // ctest sets BITTERN_BIN; run by hand, the binary sits next to this test.
    const QString program = qEnvironmentVariable(
            "BITTERN_BIN", QCoreApplication::applicationDirPath() + "/bittern");
    bittern.start(program, arguments);
    QVERIFY(bittern.waitForFinished(30000));
    QCOMPARE(bittern.exitStatus(), QProcess::NormalExit);
    const QString out = QString::fromUtf8(bittern.readAllStandardOutput());
    QVERIFY2(bittern.exitCode() == status,
             qPrintable(out + QString::fromUtf8(bittern.readAllStandardError())));
    QVERIFY2(stdoutStart.isEmpty() || out.startsWith(stdoutStart), qPrintable(out));
    if (status == 0)
        QVERIFY2(!out.contains(": error: "), qPrintable(out));
}

QTEST_GUILESS_MAIN(tst_ValidateCommand)
#include "tst_validatecommand.moc"
