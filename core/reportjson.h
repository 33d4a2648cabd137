// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QDateTime>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

#include "core/enums.h"
#include "core/report.h"
#include "core/result.h"
#include "core/stepresult.h"

namespace Core {

/// One test case as listed in report.json (a capped subset of the test report).
struct StepSummaryTestCase
{
    QString fixture;
    QString name;
    QString status;
    QString file;
    std::optional<double> durationSeconds;
    QString traceback;

    bool operator==(const StepSummaryTestCase &other) const;
};

/// The contents of report.json for one step; docs/report-json.md documents every field.
struct StepSummary
{
    QString step;
    StepResult::Status status = StepResult::Status::Success;
    OnError onError = OnError::Fail;
    double durationSeconds = 0;
    QDateTime started; ///< UTC
    QDateTime finished; ///< UTC
    QString exitReason; ///< completed, failed, internal-error, timeout, cancelled…
    QStringList errors;

    struct Tests
    {
        TestTotals totals;
        QVector<StepSummaryTestCase> cases;
        bool casesTruncated = false;
    };
    std::optional<Tests> tests;
    std::optional<CoverageTotals> coverage;
    std::optional<LintTotals> lint;
    QVector<QPair<QString, QString>> properties; ///< flat key → value, in order
    QVector<QPair<QString, QString>> urls; ///< name → URL

    struct Files
    {
        QString result; ///< result.xml (Bitten step result)
        QString junit; ///< junit.xml
        QString cobertura; ///< cobertura.xml
        QString issues; ///< issues.json (warnings-ng native)
        QString attachments; ///< attachments.tar.gz
        QString log; ///< the step's full log
    } files;
};

/**
 * Reads and writes report.json, the versioned per-step summary the Buildbot plugin, the bridge
 * and the Jenkins library read (ARCHITECTURE.md "One report format between the parts"). A reader
 * accepts every minor version of its major version and rejects other majors.
 */
class ReportJson
{
public:
    static constexpr int majorVersion = 1;
    static constexpr int minorVersion = 0;
    /// Default cap on tests.cases.
    static constexpr int defaultMaxTestCases = 1000;

    static QByteArray write(const StepSummary &summary);
    static Result<StepSummary> read(const QByteArray &json);

    /// Fills status, duration, errors, tests, coverage and lint from a step result. Non-success
    /// test cases are listed first, at most @p maxTestCases in all.
    static StepSummary summarize(const StepResult &result, int maxTestCases = defaultMaxTestCases);
};

} // namespace Core
