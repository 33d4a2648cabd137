// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVector>

#include "core/report.h"

namespace Core {

/// One log line of a step (bitten-spec §3.2); level as sent: info, warning, error, debug…
struct LogMessage
{
    QString level;
    QString text;
};

/// The log of one command invocation.
struct StepLog
{
    QString generator;
    QVector<LogMessage> messages;
};

/// An error recorded while running a step; any error makes the step fail.
struct StepError
{
    QString generator;
    QString message;
};

/// A file recorded by <attach>.
struct StepAttachment
{
    QString filename;
    QString description;
    QString resource = QStringLiteral("build"); ///< "build" or "config"
};

/**
 * The outcome of one recipe step as a Bitten master receives it (bitten-spec §5.5): status,
 * duration, errors, logs, reports and attachments.
 */
struct StepResult
{
    enum class Status {
        Success,
        Failure,
    };

    QString step;
    Status status = Status::Success;
    double durationSeconds = 0;
    QVector<StepError> errors;
    QVector<StepLog> logs;
    QVector<Report> reports;
    QVector<StepAttachment> attachments;
};

} // namespace Core
