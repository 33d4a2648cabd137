// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace TestLib {

/// What a program run to its end printed and returned; exitCode -1 when it did not finish.
struct ProcessRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs @p program and waits up to @p timeoutMs for it; a program still running then is killed.
ProcessRun runProcess(const QString &program, const QStringList &arguments, int timeoutMs = 60000);
/// Runs the bittern executable that ctest names in $BITTERN_BIN.
ProcessRun runBittern(const QStringList &arguments, int timeoutMs = 60000);

} // namespace TestLib
