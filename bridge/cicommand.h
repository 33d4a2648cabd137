// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Bridge {

/// `bittern push --ci URL …`: parses @p arguments and runs; returns the process exit code.
int runPush(const QStringList &arguments);
/// `bittern run --ci URL …`: parses @p arguments and runs; returns the process exit code.
int runRun(const QStringList &arguments);

} // namespace Bridge
