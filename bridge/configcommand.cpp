// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/configcommand.h"

#include <QFile>
#include <QTextStream>

#include "bridge/bridgeconfig.h"
#include "bridge/commandspecs.h"
#include "bridge/subcommands.h"
#include "core/helpwriter.h"

namespace Bridge {

QString ConfigCommand::helpText()
{
    return Core::HelpWriter::write(CommandSpecs::config());
}

int ConfigCommand::run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString action = arguments.value(1);
    if (action == QLatin1String("--help") || action == QLatin1String("-h")) {
        out << helpText();
        return int(ExitCode::Success);
    }
    if (action != QLatin1String("check") || arguments.size() > 3) {
        err << "bittern config: expected 'check [FILE]'.\n" << helpText();
        return int(ExitCode::Usage);
    }
    const QString fileName = arguments.value(2, BridgeConfig::defaultPath());
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        err << fileName << ": error: Could not read the configuration file " << fileName << ": "
            << file.errorString() << ".\n";
        return int(ExitCode::Usage);
    }
    const BridgeConfigReading reading = BridgeConfig::read(file.readAll());
    for (const ConfigDiagnostic &diagnostic : reading.diagnostics)
        out << diagnostic.toString(fileName) << '\n';
    if (reading.hasErrors())
        return int(ExitCode::Failed);
    out << fileName << ": OK\n";
    return int(ExitCode::Success);
}

int runConfig(const QStringList &arguments)
{
    return ConfigCommand::run(arguments);
}

} // namespace Bridge
