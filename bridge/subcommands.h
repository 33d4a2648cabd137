// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Bridge {

/// Exit codes of every Bittern command line (ARCHITECTURE.md).
enum class ExitCode {
    Success = 0,
    Failed = 1, ///< the build or step failed, or a recipe has errors
    Usage = 2, ///< usage or input error
    Server = 3, ///< a server or network error
};

/// Dispatches `bittern SUBCOMMAND ARGS…` to its handler; returns the process exit code.
int runSubcommand(const QStringList &arguments);

} // namespace Bridge
