// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include "core/result.h"

class QIODevice;

namespace Agent {

/**
 * Turns a step result written with ResultLogs::Referenced back into Bitten's self-contained
 * form: every `<bittern:messages …/>` reference is replaced by the `<message>` elements it
 * stands for, one per line of the referenced byte range of the step log. The rest is copied as
 * it is, so the output is byte for byte what ResultLogs::Embedded writes. Streams in blocks:
 * memory stays flat for gigabyte logs.
 */
class StepResultExpander
{
public:
    /// Copies @p in to @p out, reading referenced logs relative to @p directory (the directory
    /// of the result file).
    static Core::Result<void> expand(QIODevice *in, const QString &directory, QIODevice *out);
    /// expand() from the file @p resultFile to the file @p outputFile.
    static Core::Result<void> expandFile(const QString &resultFile, const QString &outputFile);
};

} // namespace Agent
