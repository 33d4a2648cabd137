// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "bridge/api/metricsexporter.h"
#include "tests/bridge/webtestseed.h"

using namespace Bridge;

class tst_Metrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escapesLabelValues_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("escaped");
        QTest::addRow("plain") << "alpha"
                               << "alpha";
        QTest::addRow("double quote") << "a\"b"
                                      << "a\\\"b";
        QTest::addRow("backslash") << "a\\b"
                                   << "a\\\\b";
        QTest::addRow("newline") << "a\nb"
                                 << "a\\nb";
        QTest::addRow("everything") << "\\\"\n'&<"
                                    << "\\\\\\\"\\n'&<";
    }
    void escapesLabelValues()
    {
        QFETCH(QString, value);
        QFETCH(QString, escaped);
        QCOMPARE(MetricsExporter::escapeLabelValue(value), escaped);
    }

    void rendersExactExposition()
    {
        MetricsSnapshot snapshot;
        snapshot.buildsByStatus = {{BuildStatus::Pending, 2},
                                   {BuildStatus::InProgress, 1},
                                   {BuildStatus::Success, 5},
                                   {BuildStatus::Failure, 0}};
        snapshot.queueLength = 2;
        snapshot.agents = 3;
        snapshot.configurations = 1;
        MetricPoint point;
        point.tests = {7, 1, 2, 3, 0};
        point.coverage.lines = 200;
        point.coverage.coveredLines = 150;
        point.lint = {4, 0, 2, 1, 0};
        snapshot.latest = {{"we\"ird\\cfg\n", point}};
        const QByteArray expected
                = "# HELP bittern_builds Builds in the store by status.\n"
                  "# TYPE bittern_builds gauge\n"
                  "bittern_builds{status=\"pending\"} 2\n"
                  "bittern_builds{status=\"in_progress\"} 1\n"
                  "bittern_builds{status=\"success\"} 5\n"
                  "bittern_builds{status=\"failure\"} 0\n"
                  "# HELP bittern_queue_length Pending builds waiting for an agent.\n"
                  "# TYPE bittern_queue_length gauge\n"
                  "bittern_queue_length 2\n"
                  "# HELP bittern_agents Agents the bridge has seen.\n"
                  "# TYPE bittern_agents gauge\n"
                  "bittern_agents 3\n"
                  "# HELP bittern_configurations Build configurations in the store.\n"
                  "# TYPE bittern_configurations gauge\n"
                  "bittern_configurations 1\n"
                  "# HELP bittern_config_tests Tests of the latest finished build of a "
                  "configuration by result.\n"
                  "# TYPE bittern_config_tests gauge\n"
                  "bittern_config_tests{config=\"we\\\"ird\\\\cfg\\n\",result=\"success\"} 7\n"
                  "bittern_config_tests{config=\"we\\\"ird\\\\cfg\\n\",result=\"failure\"} 1\n"
                  "bittern_config_tests{config=\"we\\\"ird\\\\cfg\\n\",result=\"error\"} 2\n"
                  "bittern_config_tests{config=\"we\\\"ird\\\\cfg\\n\",result=\"ignore\"} 3\n"
                  "# HELP bittern_config_coverage_ratio Line-weighted coverage (0 to 1) of the "
                  "latest finished build of a configuration.\n"
                  "# TYPE bittern_config_coverage_ratio gauge\n"
                  "bittern_config_coverage_ratio{config=\"we\\\"ird\\\\cfg\\n\"} 0.75\n"
                  "# HELP bittern_config_lint_problems Lint problems of the latest finished build "
                  "of a configuration by category.\n"
                  "# TYPE bittern_config_lint_problems gauge\n"
                  "bittern_config_lint_problems{config=\"we\\\"ird\\\\cfg\\n\",category="
                  "\"convention\"} 4\n"
                  "bittern_config_lint_problems{config=\"we\\\"ird\\\\cfg\\n\",category="
                  "\"refactor\"} 0\n"
                  "bittern_config_lint_problems{config=\"we\\\"ird\\\\cfg\\n\",category="
                  "\"warning\"} 2\n"
                  "bittern_config_lint_problems{config=\"we\\\"ird\\\\cfg\\n\",category="
                  "\"error\"} 1\n"
                  "bittern_config_lint_problems{config=\"we\\\"ird\\\\cfg\\n\",category="
                  "\"other\"} 0\n";
        QCOMPARE(MetricsExporter::render(snapshot), expected);
    }

    void servesTheStoreState_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addRow("pending builds") << QByteArray("bittern_builds{status=\"pending\"} 1\n");
        QTest::addRow("successful builds") << QByteArray("bittern_builds{status=\"success\"} 2\n");
        QTest::addRow("failed builds") << QByteArray("bittern_builds{status=\"failure\"} 1\n");
        QTest::addRow("queue") << QByteArray("bittern_queue_length 1\n");
        QTest::addRow("agents") << QByteArray("bittern_agents 1\n");
        QTest::addRow("configurations") << QByteArray("bittern_configurations 2\n");
        // The latest finished revision of alpha is r2: builds 2 (linux) and 3 (mac) summed.
        QTest::addRow("latest passed tests of alpha")
                << QByteArray("bittern_config_tests{config=\"alpha\",result=\"success\"} 1\n");
        QTest::addRow("latest errors of alpha")
                << QByteArray("bittern_config_tests{config=\"alpha\",result=\"error\"} 1\n");
        QTest::addRow("latest coverage of alpha")
                << QByteArray("bittern_config_coverage_ratio{config=\"alpha\"} 0\n");
        QTest::addRow("beta has no finished builds")
                << QByteArray("# TYPE bittern_config_coverage_ratio gauge\n"
                              "bittern_config_coverage_ratio{config=\"alpha\"} 0\n# HELP");
    }
    void servesTheStoreState()
    {
        QFETCH(QByteArray, line);
        std::unique_ptr<SqlStore> store = WebTestSeed::seededStore();
        QVERIFY(store);
        MetricsExporter exporter(*store);
        Request request;
        request.method = "GET";
        request.target = "/metrics";
        const Response response = exporter.handle(request);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("Content-Type"),
                 QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        QVERIFY2(response.body.contains(line), response.body.constData());
    }

    void refusesOtherMethods()
    {
        std::unique_ptr<SqlStore> store = WebTestSeed::seededStore();
        QVERIFY(store);
        MetricsExporter exporter(*store);
        Request request;
        request.method = "POST";
        request.target = "/metrics";
        QCOMPARE(exporter.handle(request).status, 405);
    }
};

QTEST_GUILESS_MAIN(tst_Metrics)
#include "tst_metrics.moc"
