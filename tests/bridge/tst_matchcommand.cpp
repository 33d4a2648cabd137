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
    QVERIFY(m_store->saveConfiguration(config));
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
    QTest::addRow("show a configuration")
            << QStringList{"match", "trunk"}
            << "Configuration 'trunk':\n  requirements = (none)\n  rank = (none)\n"
            << MatchExpressions{};
    QTest::addRow("set configuration requirements")
            << QStringList{"match", "trunk", "--requirements", "TARGET.Memory >= 8192"}
            << "Configuration 'trunk':\n  requirements = TARGET.Memory >= 8192\n  rank = (none)\n"
            << MatchExpressions{"TARGET.Memory >= 8192", ""};
    QTest::addRow("show a platform") << QStringList{"match", "trunk", "--platform", "linux"}
                                     << "Target platform 'linux' of configuration 'trunk':\n"
                                        "  requirements = TARGET.Cpus > 1\n  rank = TARGET.Cpus\n"
                                     << MatchExpressions{"TARGET.Cpus > 1", "TARGET.Cpus"};
    QTest::addRow("clear a platform's rank, keep its requirements")
            << QStringList{"match", "trunk", "--platform", "linux", "--rank", ""}
            << "Target platform 'linux' of configuration 'trunk':\n"
               "  requirements = TARGET.Cpus > 1\n  rank = (none)\n"
            << MatchExpressions{"TARGET.Cpus > 1", ""};
}

void tst_MatchCommand::sets()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, output);
    QFETCH(MatchExpressions, stored);
    const auto options = MatchCommand::parseOptions(arguments);
    QVERIFY2(options, qPrintable(options ? QString() : options.error().message));
    const auto shown = MatchCommand::run(*m_store, options.value());
    QVERIFY2(shown, qPrintable(shown ? QString() : shown.error().message));
    QCOMPARE(shown.value(), output);
    const MatchPolicies policies = m_store->matchPolicies().value();
    QCOMPARE(options.value().platform.isEmpty() ? policies.configurations.value("trunk")
                                                : policies.platforms.value(m_platform),
             stored);
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
}

void tst_MatchCommand::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
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
}

QTEST_GUILESS_MAIN(tst_MatchCommand)
#include "tst_matchcommand.moc"
