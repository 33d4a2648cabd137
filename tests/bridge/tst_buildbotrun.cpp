// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "bridge/buildbotrun.h"

using Bridge::BuildbotRun;
using Buildbot::BuilderInfo;
using Buildbot::BuildResult;

/// The pure parts of `bittern run --ci buildbot+…`: builder choice, summaries, exit codes.
class tst_BuildbotRun : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void chooseBuilder_data();
    void chooseBuilder();
    void metricsLine();
    void exitCodes();
};

void tst_BuildbotRun::chooseBuilder_data()
{
    QTest::addColumn<QString>("configuration");
    QTest::addColumn<QString>("platform");
    QTest::addColumn<QString>("expected");
    QTest::addRow("one builder") << "solo"
                                 << ""
                                 << "bitten-solo-any";
    QTest::addRow("platform chosen") << "multi"
                                     << "mac"
                                     << "bitten-multi-mac";
    QTest::addRow("prefix of another configuration is not confused") << "multi-x"
                                                                     << ""
                                                                     << "bitten-multi-x-any";
    QTest::addRow("several") << "multi"
                             << ""
                             << "Configuration multi has several builders (bitten-multi-linux, "
                                "bitten-multi-mac); choose one with --platform.";
    QTest::addRow("none") << "gone"
                          << ""
                          << "Buildbot has no builder for configuration gone; push it first "
                             "with bittern push.";
    QTest::addRow("no such platform")
            << "solo"
            << "win"
            << "Buildbot has no builder for configuration solo on platform win; push it first "
               "with bittern push.";
}

void tst_BuildbotRun::chooseBuilder()
{
    QFETCH(QString, configuration);
    QFETCH(QString, platform);
    QFETCH(QString, expected);
    const QVector<BuilderInfo> builders{
            {1, "bitten-solo-any", {"bittern", "bittern-config:solo"}},
            {2, "bitten-multi-linux", {"bittern", "bittern-config:multi"}},
            {3, "bitten-multi-mac", {"bittern", "bittern-config:multi"}},
            {4, "bitten-multi-x-any", {"bittern", "bittern-config:multi-x"}},
            {5, "plain", {}}};
    const auto chosen = BuildbotRun::chooseBuilder(builders, configuration, platform);
    QCOMPARE(chosen ? chosen.value() : chosen.error().message, expected);
}

void tst_BuildbotRun::metricsLine()
{
    QCOMPARE(BuildbotRun::metricsLine({{"tests_passed", 4},
                                       {"tests_failed", 1},
                                       {"tests_ignored", 0},
                                       {"coverage_percent", 66.666},
                                       {"lint_total", 3}}),
             QString("tests: 4 passed, 1 failed, 0 ignored; coverage: 66.7%; lint: 3 problems"));
    QCOMPARE(BuildbotRun::metricsLine({}),
             QString("tests: - passed, - failed, - ignored; coverage: -; lint: - problems"));
}

void tst_BuildbotRun::exitCodes()
{
    QCOMPARE(BuildbotRun::exitCodeFor(BuildResult::Success), 0);
    QCOMPARE(BuildbotRun::exitCodeFor(BuildResult::Warnings), 0);
    QCOMPARE(BuildbotRun::exitCodeFor(BuildResult::Failure), 1);
    QCOMPARE(BuildbotRun::exitCodeFor(BuildResult::Cancelled), 1);
    QCOMPARE(BuildbotRun::exitCodeFor(BuildResult::Retry), 3);
    QCOMPARE(BuildbotRun::exitCodeFor(BuildResult::Exception), 3);
}

QTEST_GUILESS_MAIN(tst_BuildbotRun)
#include "tst_buildbotrun.moc"
