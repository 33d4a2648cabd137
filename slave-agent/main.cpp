// SPDX-License-Identifier: GPL-3.0-or-later
#include <cstdio>

#include <QCoreApplication>
#include <QProcessEnvironment>

#include "core/manpagewriter.h"
#include "slave-agent/agentcli.h"
#include "slave-agent/agentcommandspecs.h"
#include "slave-agent/options.h"
#include "slave-agent/pollcli.h"

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bittern-agent"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BITTERN_VERSION));

    if (QCoreApplication::arguments().value(1) == QLatin1String("--man")) {
        // hidden: writes bittern-agent.1 at build time (cmake/Packaging.cmake)
        std::fputs(
                qUtf8Printable(Core::ManPageWriter::write(Agent::AgentCommandSpecs::program(),
                                                          Agent::AgentCommandSpecs::subcommands(),
                                                          QStringLiteral(BITTERN_VERSION))),
                stdout);
        return int(Agent::ExitCode::Success);
    }
    if (QCoreApplication::arguments().value(1) == QLatin1String("poll"))
        return Agent::PollCli::execute(QCoreApplication::arguments().mid(2));
    const auto options = Agent::parseOptions(QCoreApplication::arguments().mid(1),
                                             QProcessEnvironment::systemEnvironment());
    if (!options) {
        std::fprintf(stderr, "bittern-agent: %s\nTry bittern-agent --help.\n",
                     qUtf8Printable(options.error().message));
        return int(Agent::ExitCode::UsageError);
    }
    switch (options.value().mode) {
    case Agent::AgentMode::Help:
        std::fputs(qUtf8Printable(options.value().helpText), stdout);
        return int(Agent::ExitCode::Success);
    case Agent::AgentMode::Version:
        std::printf("bittern-agent %s\n", BITTERN_VERSION);
        return int(Agent::ExitCode::Success);
    case Agent::AgentMode::Run:
    case Agent::AgentMode::Step:
        break;
    }
    return int(Agent::AgentCli::execute(options.value()));
}
