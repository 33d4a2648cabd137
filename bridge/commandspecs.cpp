// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/commandspecs.h"

#include "bridge/bridgeconfig.h"
#include "recipe-translator/options.h"

namespace Bridge {

namespace {

/// One option from @p names ("h,help"), its argument, description and default.
Core::OptionSpec option(const char *names, const char *argument, const char *description,
                        const char *defaultValue = "")
{
    return {QString::fromUtf8(names).split(QLatin1Char(',')), QString::fromUtf8(argument),
            QString::fromUtf8(description), QString::fromUtf8(defaultValue)};
}

Core::OptionSpec helpOption()
{
    return option("h,help", "", "Shows this help.");
}

Core::OptionSpec storeOption()
{
    return option("db", "STORE",
                  "The store: sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/DB.",
                  "$BITTERN_DB, else sqlite:bittern.db");
}

Core::ProgramSpec command(const char *name, QStringList synopsis, const char *summary,
                          const char *description, QVector<Core::OptionSpec> options)
{
    return {QStringLiteral("bittern"),  QString::fromUtf8(name),        std::move(synopsis),
            QString::fromUtf8(summary), QString::fromUtf8(description), std::move(options)};
}

QVector<Core::OptionSpec> ciOptions()
{
    return {option("ci", "URL",
                   "The CI server: buildbot+http://[USER:PASS@]HOST:PORT or "
                   "jenkins+https://HOST/…; "
                   "user and password may also come from $BITTERN_CI_USER and "
                   "$BITTERN_CI_PASSWORD."),
            option("timeout", "SECONDS", "How long to wait for the CI server."),
            option("scheduler", "NAME", "Buildbot: the force scheduler to use."), helpOption(),
            option("credentials", "FILE", "Jenkins: the credentials file (mode 0600).")};
}

} // namespace

Core::ProgramSpec CommandSpecs::program()
{
    return command("", {QStringLiteral("SUBCOMMAND [OPTIONS]...")},
                   "Bitten-compatible build master, recipe translator and CI bridge",
                   "Bittern replaces the Bitten build plugin of Trac. Run 'bittern SUBCOMMAND "
                   "--help' for the options of one subcommand.\n\nExit status: 0 success, 1 the "
                   "build or step failed or a recipe has errors, 2 usage or input error, 3 "
                   "server or network error.",
                   {helpOption(), option("version", "", "Shows the version.")});
}

Core::ProgramSpec CommandSpecs::serve()
{
    return command(
            "serve",
            {QStringLiteral("[--config FILE] [--db STORE] [--listen HOST:PORT]"),
             QStringLiteral("[--tls-cert FILE --tls-key FILE]"),
             QStringLiteral("[--slave-timeout SECONDS] [--users FILE] [--data-dir DIR]"),
             QStringLiteral("[--public-url URL] [--api-tokens FILE]"),
             QStringLiteral("[--repo git:URL|svn:URL|hg:URL] [--poll-interval SECONDS]"),
             QStringLiteral("[--match-interval SECONDS] [--preempt-rank-margin NUMBER]")},
            "the Bitten-compatible master (protocol v5) on SQLite or PostgreSQL",
            "Runs the Bitten-compatible master: slaves poll URL/builds (protocol v5); build "
            "pages at URL/build/CONFIG/ID.",
            {option("config", "FILE",
                    "The bridge configuration file (INI, see docs/OPERATIONS.md); the options "
                    "given on the command line win over it. Without it no file is read."),
             storeOption(), option("listen", "HOST:PORT", "Address and port to listen on."),
             option("tls-cert", "FILE", "PEM certificate; serve HTTPS (with --tls-key)."),
             option("tls-key", "FILE", "PEM private key of --tls-cert."),
             option("slave-timeout", "SECONDS",
                    "Seconds after which a silent slave's build is orphaned and queued again."),
             option("users", "FILE", "Slave users: one user:password ({SHA256}hex) per line."),
             option("data-dir", "DIR", "Where attachments are kept."),
             option("public-url", "URL", "The base URL slaves are told to use."),
             option("api-tokens", "FILE", "REST API tokens: TOKEN ROLE NAME per line.",
                    "$BITTERN_API_TOKENS"),
             option("repo", "REPO",
                    "On slave polls, queue new revisions of each active configuration's path "
                    "in this repository (git:URL, svn:URL or hg:URL)."),
             option("poll-interval", "SECONDS", "Least seconds between two pollings of --repo.",
                    "60"),
             option("match-interval", "SECONDS",
                    "Seconds between two full matchmaking passes, which reserve queued builds "
                    "for idle agents (docs/MATCHMAKING.md); 0 matches on polls only.",
                    "30"),
             option("preempt-rank-margin", "NUMBER",
                    "Rank preemption: a running build's agent is asked to vacate when a waiting "
                    "build that no idle agent can take ranks it at least this much higher (a "
                    "number above 0; docs/MATCHMAKING.md). Not given: never."),
             helpOption()});
}

Core::ProgramSpec CommandSpecs::import()
{
    return command("import",
                   {QStringLiteral("trac DB_OR_ENV [--db STORE] [--logs-dir DIR]"),
                    QStringLiteral("recipes DIR [--db STORE] [--platform NAME[:PROP=REGEX,...]]")},
                   "a Trac environment's Bitten history (trac) or recipe files (recipes)",
                   "Imports a Trac environment's Bitten configurations, platforms and build "
                   "history (SQLite trac.db, environment directory or postgres:// URL; schema "
                   "9-13), or a directory of recipe files (one configuration per NAME.xml). "
                   "Re-importing changes nothing.",
                   {storeOption(), option("logs-dir", "DIR", "Trac's build log directory."),
                    option("platform", "NAME[:PROP=REGEX,...]",
                           "Target platform of recipe configurations that have none; 'any' has "
                           "no rules and matches every slave.",
                           "any"),
                    helpOption()});
}

Core::ProgramSpec CommandSpecs::build()
{
    return command("build",
                   {QStringLiteral("CONFIG [--rev R] [--repo git:PATH|svn:URL|hg:PATH]"),
                    QStringLiteral("[--request-id ID] [--db STORE]")},
                   "queue a build of a configuration at a revision",
                   "Queues a build of CONFIG at revision R on each of its target platforms.",
                   {option("rev", "R", "The revision to build.",
                           "the youngest revision of the configuration's path in --repo"),
                    option("repo", "REPO", "The repository to find the youngest revision in."),
                    option("request-id", "ID",
                           "Idempotency key: a second request with the same key queues nothing."),
                    storeOption(), helpOption()});
}

Core::ProgramSpec CommandSpecs::status()
{
    return command("status", {QStringLiteral("[BUILD] [--config CONFIG] [--limit N] [--db STORE]")},
                   "recent builds, or one build with its steps",
                   "Lists recent builds, newest first, or shows one build with its steps.",
                   {option("config", "CONFIG", "Only builds of this configuration."),
                    option("limit", "N", "How many builds to list."), storeOption(), helpOption()});
}

Core::ProgramSpec CommandSpecs::why()
{
    return command("why",
                   {QStringLiteral("BUILD (--job-ad FILE --agents DIR | --db LOCATION) "
                                   "[--time SECONDS]")},
                   "explain clause by clause why a build is not running",
                   "Explains why a build is not running: how many agents satisfy each clause of "
                   "the build's requirements, and for every agent the first clause that fails "
                   "and the result of the agent's own requirements.",
                   {option("job-ad", "FILE", "The build's job ad (ClassAd, old or new syntax)."),
                    option("agents", "DIR", "The agents' machine ads, one *.ad file each."),
                    option("db", "LOCATION",
                           "Read the build and agents from the bridge's store instead "
                           "(sqlite:PATH or postgresql://…): the stored requirements, ranks "
                           "and rules, and the machine ads the agents last sent."),
                    option("time", "SECONDS", "The clock for time() and CurrentTime.", "now"),
                    helpOption()});
}

Core::ProgramSpec CommandSpecs::push()
{
    QVector<Core::OptionSpec> options = ciOptions();
    options += {option("data-dir", "DIR",
                       "Buildbot: the directory the master's bittern_buildbot.configure() reads."),
                option("master-dir", "DIR", "Buildbot: the master to reconfigure."),
                option("strategy", "STRATEGY", "auto, agent or native.", "auto"),
                option("folder", "FOLDER", "Jenkins: the parent folder of the jobs."),
                option("jenkins-library", "NAME[@VERSION]",
                       "Jenkins: Jenkinsfiles call this shared library."),
                option("db", "STORE",
                       "Buildbot: records the CI target and one job per builder in this store "
                       "(sqlite:PATH or postgresql://…).")};
    return command("push",
                   {QStringLiteral("--ci buildbot+http://[USER:PASS@]HOST:PORT --data-dir DIR"),
                    QStringLiteral("[--master-dir DIR] [--strategy auto|agent|native]"),
                    QStringLiteral("[--timeout SECONDS] [--db STORE] RECIPE...")},
                   "translate recipes into a CI server's jobs (--ci buildbot+http://…)",
                   "Translates each recipe to a CI job: for Buildbot a data file in the "
                   "--data-dir directory, then reconfigures the master and waits until its "
                   "builders are listed.",
                   options);
}

Core::ProgramSpec CommandSpecs::run()
{
    QVector<Core::OptionSpec> options = ciOptions();
    options += {option("rev", "R", "The revision to build."),
                option("platform", "P", "The target platform."),
                option("request-id", "ID", "Bittern's request id of the build."),
                option("db", "STORE",
                       "Buildbot: records the build, its steps and metrics in this store "
                       "(sqlite:PATH or postgresql://…) as it runs.")};
    return command("run",
                   {QStringLiteral("--ci buildbot+http://[USER:PASS@]HOST:PORT CONFIG [--rev R]"),
                    QStringLiteral("[--platform P] [--request-id ID] [--timeout SECONDS] "
                                   "[--db STORE]")},
                   "force a build on a CI server, stream its log, print its results",
                   "Forces a build of CONFIG (a configuration name or its recipe file), streams "
                   "its log and prints the result with the test, coverage and lint summary read "
                   "back from the CI server.\n\nExit status: 0 success, 1 failed or cancelled, 2 "
                   "usage, 3 server or network error (also when Buildbot lost the worker).",
                   options);
}

Core::ProgramSpec CommandSpecs::validate()
{
    return command(
            "validate", {QStringLiteral("[--steps] RECIPE...")},
            "check recipes; FILE:LINE:COL diagnostics",
            "Checks Bitten recipes and prints FILE:LINE:COL: error|warning: text per "
            "finding.\n\nExit status: 0 no errors, 1 a recipe has errors, 2 a file cannot "
            "be read or parsed.",
            {option("steps", "", "Also lists each recipe's steps and commands."), helpOption()});
}

Core::ProgramSpec CommandSpecs::match()
{
    return command(
            "match",
            {QStringLiteral("CONFIG [--platform NAME] [--requirements EXPR] [--rank EXPR]"),
             QStringLiteral("[--setup-steps ID[,ID...]] [--db LOCATION]")},
            "show or set the requirements and rank of a configuration or platform",
            "Shows or sets the matchmaking requirements and rank (ClassAd expressions, see "
            "docs/MATCHMAKING.md) of a configuration, or of one of its target platforms, and "
            "the setup steps of a configuration. An option given sets that value (an empty "
            "value clears it); the others keep theirs.",
            {option("platform", "NAME", "The target platform instead of the configuration."),
             option("requirements", "EXPR",
                    "Which agents may build it, e.g. 'TARGET.Memory >= 8192'."),
             option("rank", "EXPR", "Which agents it prefers, e.g. 'TARGET.Cpus'."),
             option("setup-steps", "ID[,ID...]",
                    "Steps of the configuration's recipe that a resumed build runs again to "
                    "rebuild its workspace, besides those the recipe marks as setup "
                    "(docs/AGENT.md); every id must be a step of the recipe."),
             option("db", "LOCATION",
                    "The store: sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/DB.",
                    "$BITTERN_DB, else sqlite:bittern.db"),
             helpOption()});
}

Core::ProgramSpec CommandSpecs::migrate()
{
    return command("migrate", {QStringLiteral("[--db STORE] [--dry-run]")},
                   "upgrade a store to the latest schema (or --dry-run)",
                   "Brings the store to the latest schema in one transaction; a failed "
                   "migration leaves it as it was.",
                   {storeOption(),
                    option("dry-run", "", "Lists the pending migrations and changes nothing."),
                    helpOption()});
}

Core::ProgramSpec CommandSpecs::migrateStore()
{
    return command(
            "migrate-store", {QStringLiteral("--from STORE --to STORE")},
            "copy a store into a new one (SQLite to PostgreSQL)",
            "Copies every table of a store into a new, empty one in one transaction and "
            "verifies the row counts.",
            {option("from", "STORE", "The store to copy, e.g. sqlite:/var/lib/bittern/bittern.db."),
             option("to", "STORE",
                    "The new, empty store, e.g. "
                    "postgresql://USER:PASSWORD@HOST:PORT/DATABASE."),
             helpOption()});
}

Core::ProgramSpec CommandSpecs::backup()
{
    return command("backup", {QStringLiteral("[--db sqlite:PATH] --to FILE")},
                   "online backup of a SQLite store to a file",
                   "Online backup of a SQLite store with SQLite's backup API; bittern serve may "
                   "go on writing. Back up PostgreSQL with pg_dump.",
                   {option("db", "sqlite:PATH", "The SQLite store to back up.",
                           "$BITTERN_DB, else sqlite:bittern.db"),
                    option("to", "FILE", "The backup file to write."), helpOption()});
}

Core::ProgramSpec CommandSpecs::config()
{
    Core::ProgramSpec spec
            = command("config", {QStringLiteral("check [FILE]")},
                      "check a bridge configuration file (config check FILE)", "", {helpOption()});
    spec.description
            = QStringLiteral("Validates the bridge configuration FILE (default %1), the INI file "
                             "'bittern serve --config FILE' reads. Prints \"FILE: OK\" or each "
                             "bad line as FILE:LINE: error: MESSAGE; options Bittern accepts but "
                             "ignores are warnings.\n\nExit status: 0 valid, 1 errors, 2 usage "
                             "error or unreadable file.")
                      .arg(BridgeConfig::defaultPath());
    return spec;
}

QVector<Core::ProgramSpec> CommandSpecs::subcommands()
{
    return {validate(), Translator::OptionsParser::commandSpec(),
            push(),     run(),
            serve(),    why(),
            match(),    import(),
            build(),    status(),
            migrate(),  migrateStore(),
            backup(),   config()};
}

Core::ProgramSpec CommandSpecs::find(const QString &name)
{
    const QVector<Core::ProgramSpec> all = subcommands();
    for (const Core::ProgramSpec &spec : all) {
        if (spec.name == name)
            return spec;
    }
    Core::ProgramSpec spec;
    spec.program = QStringLiteral("bittern");
    spec.name = name;
    return spec;
}

} // namespace Bridge
