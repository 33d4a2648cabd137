// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/agentcommandspecs.h"

namespace Agent {

namespace {

/// One option from @p names ("f,config"), its argument, description and default.
Core::OptionSpec option(const char *names, const char *argument, const char *description,
                        const char *defaultValue = "")
{
    return {QString::fromUtf8(names).split(QLatin1Char(',')), QString::fromUtf8(argument),
            QString::fromUtf8(description), QString::fromUtf8(defaultValue)};
}

Core::ProgramSpec command(const char *name, QStringList synopsis, const char *summary,
                          const char *description, QVector<Core::OptionSpec> options)
{
    return {QStringLiteral("bittern-agent"), QString::fromUtf8(name),        std::move(synopsis),
            QString::fromUtf8(summary),      QString::fromUtf8(description), std::move(options)};
}

Core::OptionSpec helpOption()
{
    return option("h,help", "", "Shows this help.");
}

Core::OptionSpec configOption()
{
    return option("f,config", "FILE", "Slave configuration (INI) file.", "$BITTERN_AGENT_CONFIG");
}

Core::OptionSpec defineOption()
{
    return option("D", "NAME=VALUE",
                  "Sets a build variable (name=value) or a slave property (section.option=value, "
                  "os=...); may be repeated.");
}

QVector<Core::OptionSpec> buildOptions()
{
    return {option("d,work-dir", "DIR", "Working directory.", "a temporary one"),
            option("build-dir", "PATTERN", "Build directory pattern inside the working directory.",
                   "build_${config}_${build}"),
            option("k,keep-files", "", "Keep the working and build directories.")};
}

} // namespace

Core::ProgramSpec AgentCommandSpecs::program()
{
    return command("", {QStringLiteral("run|step|poll [OPTIONS]...")}, "native Bitten build slave",
                   "bittern-agent runs Bitten recipes: locally (run), one step inside a CI job "
                   "(step), or for Bitten-compatible masters (poll). Run 'bittern-agent "
                   "SUBCOMMAND --help' for the options of one subcommand.\n\nExit status: 0 "
                   "success, 1 the build or step failed (or was stopped), 2 usage error, bad "
                   "recipe or configuration.",
                   {helpOption(), option("version", "", "Shows the version.")});
}

Core::ProgramSpec AgentCommandSpecs::run()
{
    QVector<Core::OptionSpec> options{configOption()};
    options += buildOptions();
    options += {option("report-dir", "DIR", "Where to write the step reports."),
                option("embed-logs", "",
                       "Repeat every log line in result.xml (self-contained); by default "
                       "result.xml refers to step.log."),
                defineOption(), helpOption()};
    return command("run",
                   {QStringLiteral("RECIPE [-f slave.ini] [--work-dir D] [--build-dir PATTERN]"),
                    QStringLiteral("[--keep-files] [--report-dir R] [--embed-logs]"),
                    QStringLiteral("[-D name=value]...")},
                   "run every step of a recipe, like bitten-slave RECIPE",
                   "Runs every step of RECIPE, prints the live log and a summary table.", options);
}

Core::ProgramSpec AgentCommandSpecs::step()
{
    QVector<Core::OptionSpec> options{
            option("step", "ID", "The step to run."),
            option("report-dir", "DIR", "Where to write the step's reports (required)."),
            configOption()};
    options += buildOptions();
    options += {defineOption(), helpOption()};
    return command("step",
                   {QStringLiteral("RECIPE --step ID --report-dir R [-f slave.ini] "
                                   "[-D name=value]...")},
                   "run one step of a recipe inside a CI job",
                   "Runs the step ID of RECIPE and writes its reports to the report directory.",
                   options);
}

Core::ProgramSpec AgentCommandSpecs::poll()
{
    return command(
            "poll",
            {QStringLiteral("URL... [-f slave.ini] [--name N] [--single] [--no-loop]"),
             QStringLiteral("[--interval S] [--keepalive-interval S] [--spool-dir D]"),
             QStringLiteral("[--work-dir D] [--build-dir PATTERN] [--keep-files]"),
             QStringLiteral("[-u USER] [-p PASSWORD] [-D name=value]...")},
            "take builds from Bitten-compatible masters and run them",
            "Takes builds from Bitten-compatible masters (protocol v5) and runs them.\n\nExit "
            "status: 0 done, 1 stopped (SIGINT/SIGTERM; the build is cancelled), 2 usage, 69 "
            "HTTP error from the master, 74 configuration or spool error, 76 unexpected response.",
            {option("f,config", "FILE", "Slave INI file."),
             option("name", "NAME", "Slave name.", "the host name"),
             option("d,work-dir", "DIR", "Work directory.", "a temporary one"),
             option("build-dir", "PATTERN", "Build directory pattern.", "build_${config}_${build}"),
             option("k,keep-files", "", "Keep the work and build directories."),
             option("s,single", "", "Run one build, then exit."),
             option("no-loop", "", "Exit when the master has no build for this slave."),
             option("i,interval", "SECONDS", "Seconds between polls.", "300"),
             option("b,keepalive-interval,keepalive_interval", "SECONDS",
                    "Seconds between keepalives during a build.", "60"),
             option("spool-dir", "DIR", "Where unsent results wait.", "WORK-DIR/spool"),
             option("u,user", "USER", "User name for the master."),
             option("p,password", "PASSWORD", "Password for the master."),
             option("D", "NAME=VALUE", "Sets a slave property; may be repeated."), helpOption()});
}

QVector<Core::ProgramSpec> AgentCommandSpecs::subcommands()
{
    return {run(), step(), poll()};
}

Core::ProgramSpec AgentCommandSpecs::runOrStepParser()
{
    Core::ProgramSpec spec = run();
    spec.options.append(step().options.constFirst());
    spec.options.append(option("version", "", "Shows the version."));
    return spec;
}

} // namespace Agent
