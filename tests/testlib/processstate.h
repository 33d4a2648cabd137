// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace TestLib {

/// The state letter of /proc/PID/stat ('T' stopped, 'S' sleeping, 'R' running …) of a process
/// or thread id; 0 when it is gone. Tests of suspension watch it change.
char processState(qint64 pid);

} // namespace TestLib
