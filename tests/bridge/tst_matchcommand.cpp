// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "bridge/matchcommand.h"
#include "bridge/store/sqlstore.h"

using namespace Bridge;

Q_DECLARE_METATYPE(MatchExpressions)

/// Tests Bridge::MatchCommand (`bittern match`) on a SQLite store in a temporary directory.
class tst_MatchCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void sets_data();
    void sets();
    void errors_data();
    void errors();
    void exitCodes_data();
    void exitCodes();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqlStore> m_store;
    qint64 m_platform = 0;
};

void tst_MatchCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = SqlStore::open("sqlite:" + m_dir->filePath("b.db")).value();
    Configuration config;
    config.name = "trunk";
    config.recipe = "<build xmlns:sh=\"http://bitten.edgewall.org/tools/sh\">"
                    "<step id=\"checkout\" setup=\"true\"><sh:exec executable=\"true\"/></step>"
                    "<step id=\"compile\"><sh:exec executable=\"true\"/></step>"
                    "<step id=\"test\"><sh:exec executable=\"true\"/></step></build>";
    QVERIFY(m_store->saveConfiguration(config));
    Configuration bare; // no recipe
    bare.name = "bare";
    QVERIFY(m_store->saveConfiguration(bare));
    m_platform = m_store->savePlatform({0, "trunk", "linux", {{"os", "linux"}}}).value();
    QVERIFY(m_store->setPlatformMatch(m_platform, {"TARGET.Cpus > 1", "TARGET.Cpus"}));
}

void tst_MatchCommand::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void tst_MatchCommand::sets_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("output");
    QTest::addColumn<MatchExpressions>("stored");
    QTest::addColumn<QStringList>("setupSteps"); // of "trunk" afterwards; it starts with "test"
    QTest::addRow("show a configuration")
            << QStringList{"match", "trunk"}
            << "Configuration 'trunk':\n  requirements = (none)\n  rank = (none)\n"
               "  setup steps = test\n"
            << MatchExpressions{} << QStringList{"test"};
    QTest::addRow("set configuration requirements")
            << QStringList{"match", "trunk", "--requirements", "TARGET.Memory >= 8192"}
            << "Configuration 'trunk':\n  requirements = TARGET.Memory >= 8192\n  rank = (none)\n"
               "  setup steps = test\n"
            << MatchExpressions{"TARGET.Memory >= 8192", ""} << QStringList{"test"};
    QTest::addRow("set setup steps")
            << QStringList{"match", "trunk", "--setup-steps", "compile, checkout,compile"}
            << "Configuration 'trunk':\n  requirements = (none)\n  rank = (none)\n"
               "  setup steps = compile, checkout\n"
            << MatchExpressions{} << QStringList{"compile", "checkout"};
    QTest::addRow("clear setup steps")
            << QStringList{"match", "trunk", "--setup-steps", ""}
            << "Configuration 'trunk':\n  requirements = (none)\n  rank = (none)\n"
               "  setup steps = (none)\n"
            << MatchExpressions{} << QStringList{};
    QTest::addRow("set setup steps and rank together")
            << QStringList{"match", "trunk", "--rank", "TARGET.Cpus", "--setup-steps", "compile"}
            << "Configuration 'trunk':\n  requirements = (none)\n  rank = TARGET.Cpus\n"
               "  setup steps = compile\n"
            << MatchExpressions{"", "TARGET.Cpus"} << QStringList{"compile"};
    QTest::addRow("show a platform")
            << QStringList{"match", "trunk", "--platform", "linux"}
            << "Target platform 'linux' of configuration 'trunk':\n"
               "  requirements = TARGET.Cpus > 1\n  rank = TARGET.Cpus\n"
            << MatchExpressions{"TARGET.Cpus > 1", "TARGET.Cpus"} << QStringList{"test"};
    QTest::addRow("clear a platform's rank, keep its requirements")
            << QStringList{"match", "trunk", "--platform", "linux", "--rank", ""}
            << "Target platform 'linux' of configuration 'trunk':\n"
               "  requirements = TARGET.Cpus > 1\n  rank = (none)\n"
            << MatchExpressions{"TARGET.Cpus > 1", ""} << QStringList{"test"};
}

void tst_MatchCommand::sets()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, output);
    QFETCH(MatchExpressions, stored);
    QFETCH(QStringList, setupSteps);
    QVERIFY(m_store->setConfigurationSetupSteps("trunk", {"test"}));
    const auto options = MatchCommand::parseOptions(arguments);
    QVERIFY2(options, qPrintable(options ? QString() : options.error().message));
    const auto shown = MatchCommand::run(*m_store, options.value());
    QVERIFY2(shown, qPrintable(shown ? QString() : shown.error().message));
    QCOMPARE(shown.value(), output);
    const MatchPolicies policies = m_store->matchPolicies().value();
    QCOMPARE(options.value().platform.isEmpty() ? policies.configurations.value("trunk")
                                                : policies.platforms.value(m_platform),
             stored);
    QCOMPARE(m_store->configuration("trunk").value().setupSteps, setupSteps);
}

void tst_MatchCommand::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::addRow("no configuration") << QStringList{"match"} << "Give exactly one CONFIG.";
    QTest::addRow("invalid requirements")
            << QStringList{"match", "trunk", "--requirements", "TARGET.Cpus >"}
            << "The requirements are not a valid ClassAd expression: ";
    QTest::addRow("invalid rank") << QStringList{"match", "trunk", "--rank", "(("}
                                  << "The rank is not a valid ClassAd expression: ";
    QTest::addRow("unknown configuration")
            << QStringList{"match", "nope"} << "No such configuration 'nope'.";
    QTest::addRow("unknown platform") << QStringList{"match", "trunk", "--platform", "mac"}
                                      << "Configuration 'trunk' has no target platform 'mac'.";
    QTest::addRow("unknown setup steps, with a requirements change")
            << QStringList{"match", "trunk",         "--requirements",
                           "true",  "--setup-steps", "compile,gone,Test"}
            << "The recipe of configuration 'trunk' has no step named 'gone', 'Test'; nothing "
               "was stored.";
    QTest::addRow("setup steps of a platform")
            << QStringList{"match", "trunk", "--platform", "linux", "--setup-steps", "compile"}
            << "--setup-steps belongs to the configuration; give it without --platform.";
    QTest::addRow("setup steps of a configuration without a readable recipe")
            << QStringList{"match", "bare", "--setup-steps", "compile"}
            << "Configuration 'bare': The recipe cannot be read, so its steps are unknown: ";
}

void tst_MatchCommand::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QVERIFY(m_store->setConfigurationSetupSteps("trunk", {"test"}));
    const auto options = MatchCommand::parseOptions(arguments);
    QString got;
    if (!options) {
        got = options.error().message;
    } else {
        const auto shown = MatchCommand::run(*m_store, options.value());
        QVERIFY(!shown);
        got = shown.error().message;
    }
    QVERIFY2(got.startsWith(message), qPrintable(got));
    QCOMPARE(m_store->matchPolicies().value().configurations.size(), 0);
    QCOMPARE(m_store->configuration("trunk").value().setupSteps, QStringList{"test"});
}

void tst_MatchCommand::exitCodes_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("setupSteps"); // of "trunk" afterwards
    QTest::addRow("setup steps set")
            << QStringList{"--setup-steps", "compile"} << 0 << QStringList{"compile"};
    QTest::addRow("an unknown step id is a usage error")
            << QStringList{"--setup-steps", "compile,gone"} << 2 << QStringList{"test"};
}

void tst_MatchCommand::exitCodes()
{
    QFETCH(QStringList, options);
    QFETCH(int, exitCode);
    QFETCH(QStringList, setupSteps);
    QVERIFY(m_store->setConfigurationSetupSteps("trunk", {"test"}));
    QCOMPARE(runMatch(QStringList{"match", "trunk", "--db", "sqlite:" + m_dir->filePath("b.db")}
                      + options),
             exitCode);
    QCOMPARE(m_store->configuration("trunk").value().setupSteps, setupSteps);
}

QTEST_GUILESS_MAIN(tst_MatchCommand)
#include "tst_matchcommand.moc"
