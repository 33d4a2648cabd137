// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "bridge/matchmaker/explain.h"
#include "bridge/store/sqlstore.h"
#include "bridge/whycommand.h"

using namespace Bridge;

/// Tests Bridge::WhyCommand: options, ad files and the store as inputs of `bittern why`.
class tst_WhyCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void invalidOptions_data();
    void invalidOptions();
    void adFiles();
    void adFileErrors();
    void store();
};

void tst_WhyCommand::invalidOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::addRow("no build") << QStringList{"why", "--db", "x.db"} << "Give exactly one BUILD id.";
    QTest::addRow("build not a number")
            << QStringList{"why", "abc", "--db", "x.db"} << "The BUILD id 'abc' is not a number.";
    QTest::addRow("no input") << QStringList{"why", "7"}
                              << "Give either --job-ad and --agents, or --db.";
    QTest::addRow("both inputs") << QStringList{"why",      "7", "--db",     "x.db",
                                                "--job-ad", "a", "--agents", "d"}
                                 << "Give either --job-ad and --agents, or --db.";
    QTest::addRow("job ad without agents") << QStringList{"why", "7", "--job-ad", "a"}
                                           << "Give either --job-ad and --agents, or --db.";
    QTest::addRow("bad time") << QStringList{"why", "7", "--db", "x", "--time", "soon"}
                              << "The time 'soon' is not a number.";
}

void tst_WhyCommand::invalidOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const auto options = WhyCommand::parseOptions(arguments);
    QVERIFY(!options);
    QCOMPARE(options.error().code, Core::ErrorCode::InvalidArgument);
    QCOMPARE(options.error().message, message);
}

static void write(const QString &path, const QByteArray &data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
}

void tst_WhyCommand::adFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    write(dir.filePath("job.ad"),
          "BuildId = 5\nConfig = \"c\"\nPlatform = \"p\"\n"
          "Requirements = TARGET.os == \"Linux\"\n");
    QVERIFY(QDir(dir.path()).mkdir("agents"));
    write(dir.filePath("agents/b.ad"), "[ os = \"Linux\"; Requirements = true ]\n");
    write(dir.filePath("agents/a.ad"), "Name = \"alpha\"\nos = \"Darwin\"\nRequirements = true\n");
    write(dir.filePath("agents/notes.txt"), "not an ad");
    const auto options
            = WhyCommand::parseOptions({"why", "5", "--job-ad", dir.filePath("job.ad"), "--agents",
                                        dir.filePath("agents"), "--time", "1700000000"});
    QVERIFY(options);
    QCOMPARE(options.value().currentTime, qint64(1700000000));
    const auto inputs = WhyCommand::readAdFiles(options.value());
    QVERIFY2(inputs, qPrintable(inputs ? QString() : inputs.error().message));
    QCOMPARE(inputs.value().agents.size(), 2);
    const Explanation explanation
            = Explain::analyse(inputs.value().job, inputs.value().agents, 1700000000);
    QCOMPARE(explanation.matching, 1);
    QCOMPARE(explanation.agents.at(0).agent, QString("alpha"));
    QCOMPARE(explanation.agents.at(1).agent, QString("b"));
    QVERIFY(explanation.agents.at(1).matches);
}

void tst_WhyCommand::adFileErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    write(dir.filePath("job.ad"), "BuildId = 5\nRequirements = true\n");
    write(dir.filePath("broken.ad"), "Requirements = (\n");
    WhyCommand::Options options;
    options.buildId = 6;
    options.jobAdFile = dir.filePath("job.ad");
    options.agentsDir = dir.path();
    auto inputs = WhyCommand::readAdFiles(options);
    QVERIFY(!inputs);
    QCOMPARE(inputs.error().message,
             QString("The job ad %1 is not the ad of build 6.").arg(options.jobAdFile));
    options.buildId = 5;
    options.agentsDir = dir.filePath("missing");
    inputs = WhyCommand::readAdFiles(options);
    QVERIFY(!inputs);
    QCOMPARE(inputs.error().message,
             QString("The agents directory %1 does not exist.").arg(options.agentsDir));
    options.agentsDir = dir.path();
    inputs = WhyCommand::readAdFiles(options);
    QVERIFY(!inputs);
    QVERIFY2(inputs.error().message.startsWith(dir.filePath("broken.ad") + ":1: "),
             qPrintable(inputs.error().message));
    options.jobAdFile = dir.filePath("none.ad");
    inputs = WhyCommand::readAdFiles(options);
    QVERIFY(!inputs);
    QVERIFY(inputs.error().message.startsWith("Could not read ClassAd file " + options.jobAdFile
                                              + ": "));
}

// The store gives the build's platform rules and the agents' properties.
void tst_WhyCommand::store()
{
    auto opened = SqlStore::open(":memory:");
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
    SqlStore &store = *opened.value();
    Configuration config;
    config.name = "trunk";
    config.path = "trunk";
    config.active = true;
    QVERIFY(store.saveConfiguration(config));
    TargetPlatform platform;
    platform.config = "trunk";
    platform.name = "linux";
    platform.rules = {{"os", "linux"}, {"python.version", "3\\."}};
    const auto platformId = store.savePlatform(platform);
    QVERIFY(platformId);
    Build build;
    build.config = "trunk";
    build.revision = "10";
    build.revisionTime = 1000;
    build.platform = platformId.value();
    const auto buildId = store.enqueueBuild(build);
    QVERIFY(buildId);
    Agent linux;
    linux.name = "lin";
    linux.properties = {{"os", "Linux"}, {"python.version", "3.11"}};
    QVERIFY(store.saveAgent(linux));
    Agent old;
    old.name = "old";
    old.properties = {{"os", "Linux"}, {"python.version", "2.7"}};
    QVERIFY(store.saveAgent(old));
    const auto inputs = WhyCommand::readStore(store, buildId.value());
    QVERIFY2(inputs, qPrintable(inputs ? QString() : inputs.error().message));
    const QString text = Explain::format(
            Explain::analyse(inputs.value().job, inputs.value().agents, 1700000000));
    QVERIFY2(text.startsWith(QString("Build %1 (configuration 'trunk', platform 'linux'): 1 of 2 "
                                     "agents match.\n")
                                     .arg(buildId.value())),
             qPrintable(text));
    QVERIFY2(text.contains("  [2]     1  regexp(\"^(?:3\\\\.)\", TARGET.python_version, \"i\")\n"),
             qPrintable(text));
    QVERIFY2(text.contains("  old  build clause [2] is false; agent requirements are true "
                           "(TARGET.python_version = \"2.7\")\n"),
             qPrintable(text));
    const auto missing = WhyCommand::readStore(store, 999);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, Core::ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(tst_WhyCommand)
#include "tst_whycommand.moc"
