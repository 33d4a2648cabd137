// SPDX-License-Identifier: GPL-3.0-or-later
// bittern: the Bittern service and its administration commands.
#include <QCoreApplication>
#include <QTextStream>

#include "bridge/subcommands.h"

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bittern"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BITTERN_VERSION));
    return Bridge::runSubcommand(QCoreApplication::arguments());
}
