// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

#include "core/report.h"
#include "core/result.h"
#include "core/stepresult.h"

namespace Core {

/**
 * Reads one file for a tool-output parser (bitten-spec §4). The agent supplies it; parsers never
 * touch the file system. Paths are whatever the parser documents (usually absolute, joined to
 * basedir). Return ErrorCode::NotFound when the file does not exist and any other code when it
 * exists but cannot be read: a few Bitten commands treat the two differently.
 */
using FileReader = std::function<Result<QByteArray>(const QString &path)>;

/**
 * What one Bitten tool command produces from its tool's output (bitten-spec §3.2, §4), shared
 * by every tool-output parser in core/ (cppunitparser.h, gcovparser.h, …).
 *
 * A parser returns Result<ToolReport>: an Error means Bitten's "internal error" path (§3.1: a
 * Python exception escaped the command; the step fails with no children and the rest of the
 * step is skipped). Otherwise:
 * - report / hasReport: the report Bitten sends; hasReport is false when Bitten sends none
 *   (e.g. unreadable input). A report may be sent with zero items. The category is set; the
 *   generator is left empty for the caller (the command's QName).
 * - log / hasLog: the <log> Bitten sends for this command; hasLog is true when Bitten sends one
 *   even if it has no messages.
 * - errors: step errors (each makes the step fail; the following commands still run).
 * - localWarnings: messages Bitten only wrote to the slave's own Python log ("local warning
 *   only"); never sent to the master. Callers log them locally.
 *
 * Item fields are in the order Bitten builds them: "type" (the element name) first, then the
 * attributes in the order Bitten sets them, then one-level child elements (line_hits, msg,
 * traceback…). A later field of the same name replaces the earlier one in place, as the master's
 * dict does (e.g. pylint's type="W0612" replaces type="problem").
 */
struct ToolReport
{
    Report report;
    bool hasReport = false;
    QVector<LogMessage> log;
    bool hasLog = false;
    QStringList errors;
    QStringList localWarnings;
};

} // namespace Core
