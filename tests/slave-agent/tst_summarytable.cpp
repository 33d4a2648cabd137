// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "slave-agent/summarytable.h"

class tst_SummaryTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void render();
    void status_data();
    void status();
};

void tst_SummaryTable::render()
{
    Core::StepSummary compile;
    compile.step = "compile";
    compile.durationSeconds = 12.345;
    compile.lint = Core::LintTotals{1, 0, 2, 0, 0};
    Core::StepSummary test;
    test.step = "unit tests";
    test.status = Core::StepResult::Status::Failure;
    test.durationSeconds = 3;
    Core::StepSummary::Tests tests;
    tests.totals.success = 40;
    tests.totals.failure = 1;
    tests.totals.error = 1;
    tests.totals.ignore = 3;
    test.tests = tests;
    test.coverage = Core::CoverageTotals{200, 150, 4};
    QCOMPARE(Agent::SummaryTable::render({compile, test}),
             "step        status     time  passed  failed  ignored  coverage  lint\n"
             "--------------------------------------------------------------------\n"
             "compile     success  12.35s       -       -        -         -     3\n"
             "unit tests  FAILED    3.00s      40       2        3     75.0%     -\n");
}

void tst_SummaryTable::status_data()
{
    QTest::addColumn<bool>("success");
    QTest::addColumn<int>("onError");
    QTest::addColumn<QString>("text");
    QTest::addRow("success") << true << int(Core::OnError::Fail) << "success";
    QTest::addRow("failed") << false << int(Core::OnError::Continue) << "FAILED";
    QTest::addRow("failed but ignored")
            << false << int(Core::OnError::Ignore) << "failed (ignored)";
}

void tst_SummaryTable::status()
{
    QFETCH(bool, success);
    QFETCH(int, onError);
    Core::StepSummary step;
    step.status = success ? Core::StepResult::Status::Success : Core::StepResult::Status::Failure;
    step.onError = Core::OnError(onError);
    QTEST(Agent::SummaryTable::statusText(step), "text");
}

QTEST_GUILESS_MAIN(tst_SummaryTable)
#include "tst_summarytable.moc"
