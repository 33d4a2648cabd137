// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testlib/processrun.h"

#include <QProcess>

namespace TestLib {

ProcessRun runProcess(const QString &program, const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.start(program, arguments);
    ProcessRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

ProcessRun runBittern(const QStringList &arguments, int timeoutMs)
{
    return runProcess(qEnvironmentVariable("BITTERN_BIN"), arguments, timeoutMs);
}

} // namespace TestLib
