// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Agent {

/// Whether a step's result.xml repeats the log lines that its step.log already holds.
enum class ResultLogs {
    Embedded, ///< every line as a <message> (Bitten's step result, self-contained)
    Referenced, ///< runs of plain lines as <bittern:messages> pointing into step.log
};

} // namespace Agent
