// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include "core/report.h"
#include "core/result.h"
#include "core/stepresult.h"

class QIODevice;

namespace Core {

class BoundedXmlReader;

/**
 * The master side of a step result (bitten-spec §5.5): parses a `<result>` body as a Bitten
 * 0.6 master does. Report items come out as the master stores them:
 * `{type: element name} ∪ attributes ∪ {child name: child text}`, later keys overwriting.
 * `<attach>` elements, which the master ignores, are returned in attachments for the caller.
 * Errors: ParseFailed ("XML parser error: …" with position) for malformed XML, InvalidInput for
 * a body the master would reject (no step, no duration, a report without category or two of one
 * category), LimitExceeded when ReportReadLimits are crossed.
 */
class StepResultReader
{
public:
    static Result<StepResult> read(const QByteArray &body, const ReportReadLimits &limits = {});
    static Result<StepResult> read(QIODevice *device, const ReportReadLimits &limits = {});

private:
    static Result<StepResult> read(BoundedXmlReader &reader);
    static void readRoot(BoundedXmlReader &reader, StepResult &result);
    static void readChild(BoundedXmlReader &reader, StepResult &result);
    static StepLog readLog(BoundedXmlReader &reader);
    static Report readReport(BoundedXmlReader &reader);
    static void readAttach(BoundedXmlReader &reader, StepResult &result);
};

} // namespace Core
