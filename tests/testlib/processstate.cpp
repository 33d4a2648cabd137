// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testlib/processstate.h"

#include <QFile>

namespace TestLib {

char processState(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return 0;
    // "PID (COMMAND) STATE …": the command may hold spaces and parentheses, the last ')' ends it.
    const QByteArray text = stat.readAll();
    const int end = text.lastIndexOf(')');
    return end > 0 && text.size() > end + 2 ? text.at(end + 2) : 0;
}

} // namespace TestLib
