// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/validatecommand.h"

#include <QTextStream>

#include "bridge/subcommands.h"

namespace Bridge {

int runValidate(const QStringList &arguments)
{
    Q_UNUSED(arguments);
    QTextStream(stderr) << "bittern validate: not built yet\n";
    return int(ExitCode::Usage);
}

} // namespace Bridge
