// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "bridge/buildbotrunrecorder.h"
#include "bridge/store/sqlstore.h"

using namespace Bridge;
using Buildbot::BuildResult;

Q_DECLARE_METATYPE(Buildbot::BuildResult)
Q_DECLARE_METATYPE(Bridge::BuildStatus)

/// `bittern run --db`: Buildbot's results mapped onto the store's states, and a run recorded
/// from start to end in a real (in-memory) store.
class tst_BuildbotRunRecorder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void statusMapping_data()
    {
        QTest::addColumn<BuildResult>("result");
        QTest::addColumn<BuildStatus>("status");
        QTest::addRow("success") << BuildResult::Success << BuildStatus::Success;
        QTest::addRow("warnings count as success") << BuildResult::Warnings << BuildStatus::Success;
        QTest::addRow("skipped counts as success") << BuildResult::Skipped << BuildStatus::Success;
        QTest::addRow("failure") << BuildResult::Failure << BuildStatus::Failure;
        QTest::addRow("exception fails") << BuildResult::Exception << BuildStatus::Failure;
        QTest::addRow("retry (worker lost) fails") << BuildResult::Retry << BuildStatus::Failure;
        QTest::addRow("cancelled fails") << BuildResult::Cancelled << BuildStatus::Failure;
        QTest::addRow("pending is still running")
                << BuildResult::Pending << BuildStatus::InProgress;
    }
    void statusMapping()
    {
        QFETCH(BuildResult, result);
        QFETCH(BuildStatus, status);
        QCOMPARE(BuildbotRunRecorder::buildStatusFor(result), status);
    }

    void recordsARunFromStartToEnd_data()
    {
        QTest::addColumn<BuildResult>("result");
        QTest::addColumn<BuildStatus>("status");
        QTest::addColumn<int>("errors");
        QTest::addRow("success: no errors") << BuildResult::Success << BuildStatus::Success << 0;
        QTest::addRow("worker lost: the result is kept as an error")
                << BuildResult::Retry << BuildStatus::Failure << 1;
    }
    void recordsARunFromStartToEnd()
    {
        QFETCH(BuildResult, result);
        QFETCH(BuildStatus, status);
        QFETCH(int, errors);
        auto store = SqlStore::open(":memory:");
        QVERIFY(store);
        Configuration config;
        config.name = "cfg";
        QVERIFY(store.value()->saveConfiguration(config));
        const qint64 platform
                = store.value()->savePlatform(TargetPlatform{0, "cfg", "linux", {}}).value();
        BuildbotRunRecorder recorder(*store.value(), QUrl("http://u:p@127.0.0.1:8010/"), "cfg",
                                     "bitten-cfg-linux", "r7");
        Buildbot::BuildInfo build;
        build.id = 31;
        build.number = 4;
        QVERIFY(recorder.buildStarted(build, 100));
        QCOMPARE(store.value()->build(recorder.buildId()).value().status, BuildStatus::InProgress);
        Buildbot::StepInfo step;
        step.id = 7;
        step.name = "test";
        QVERIFY(recorder.stepStarted(step, 101));
        step.complete = true;
        step.result = BuildResult::Success;
        QVERIFY(recorder.stepFinished(step, 105));
        build.complete = true;
        build.result = result;
        build.stateString = "done";
        build.properties = {{"tests_total", 3}, {"tests_passed", 2}, {"tests_failed", 1}};
        QVERIFY(recorder.finished(build, result, 110));

        const BuildDetail detail = store.value()->buildDetail(recorder.buildId()).value();
        QCOMPARE(detail.build.status, status);
        QCOMPARE(detail.build.platform, platform);
        QCOMPARE(detail.build.revision, QString("r7"));
        QCOMPARE(detail.build.started, qint64(100));
        QCOMPARE(detail.build.stopped, qint64(110));
        QCOMPARE(detail.steps.size(), 1);
        QCOMPARE(detail.steps.at(0).status, StepStatus::Success);
        QCOMPARE(detail.errors.size(), errors);
        const MetricPoint metrics = store.value()->metrics("cfg").value().value(0);
        QCOMPARE(metrics.tests.success, qint64(2));
        QCOMPARE(metrics.tests.failure, qint64(1));
        const CiJob job = store.value()->ciJobs("buildbot+http://127.0.0.1:8010").value().value(0);
        QCOMPARE(job.jobName, QString("bitten-cfg-linux"));
        QCOMPARE(job.lastRunId, QString("31"));
        QCOMPARE(job.build, recorder.buildId());
        QCOMPARE(store.value()->ciTargets().value().value(0).url, QString("http://127.0.0.1:8010"));
    }
};

QTEST_GUILESS_MAIN(tst_BuildbotRunRecorder)
#include "tst_buildbotrunrecorder.moc"
