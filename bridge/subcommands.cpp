// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/subcommands.h"

#include <functional>

#include <QCoreApplication>
#include <QTextStream>

#include "bridge/buildcommand.h"
#include "bridge/cicommand.h"
#include "bridge/commandspecs.h"
#include "bridge/configcommand.h"
#include "bridge/importcommand.h"
#include "bridge/matchcommand.h"
#include "bridge/migratecommand.h"
#include "bridge/servecommand.h"
#include "bridge/statuscommand.h"
#include "bridge/validatecommand.h"
#include "bridge/whycommand.h"
#include "core/helpwriter.h"
#include "core/manpagewriter.h"
#include "recipe-translator/translatecommand.h"

namespace Bridge {

namespace {

struct Subcommand
{
    QString name;
    QString summary;
    std::function<int(const QStringList &)> run;
};

QVector<Subcommand> subcommands()
{
    return {
            {QStringLiteral("validate"), QStringLiteral("check recipes; FILE:LINE:COL diagnostics"),
             &runValidate},
            {QStringLiteral("translate"),
             QStringLiteral("recipes and Trac databases to Jenkins or Buildbot jobs; --audit"),
             &Translator::runTranslate},
            {QStringLiteral("push"),
             QStringLiteral("translate recipes into a CI server's jobs (--ci buildbot+http://…)"),
             &runPush},
            {QStringLiteral("run"),
             QStringLiteral("force a build on a CI server, stream its log, print its results"),
             &runRun},
            {QStringLiteral("serve"),
             QStringLiteral("the Bitten-compatible master (protocol v5) on SQLite or PostgreSQL"),
             &runServe},
            {QStringLiteral("why"),
             QStringLiteral("explain clause by clause why a build is not running"), &runWhy},
            {QStringLiteral("match"),
             QStringLiteral("show or set the requirements and rank of a configuration or platform"),
             &runMatch},
            {QStringLiteral("import"),
             QStringLiteral("a Trac environment's Bitten history (trac) or recipe files (recipes)"),
             &runImport},
            {QStringLiteral("build"),
             QStringLiteral("queue a build of a configuration at a revision"), &runBuild},
            {QStringLiteral("status"), QStringLiteral("recent builds, or one build with its steps"),
             &runStatus},
            {QStringLiteral("migrate"),
             QStringLiteral("upgrade a store to the latest schema (or --dry-run)"), &runMigrate},
            {QStringLiteral("migrate-store"),
             QStringLiteral("copy a store into a new one (SQLite to PostgreSQL)"),
             &runMigrateStore},
            {QStringLiteral("backup"), QStringLiteral("online backup of a SQLite store to a file"),
             &runBackup},
            {QStringLiteral("config"),
             QStringLiteral("check a bridge configuration file (config check FILE)"), &runConfig},
    };
}

/// The dispatch table as specs: the full table where CommandSpecs has one, else name and summary.
QVector<Core::ProgramSpec> subcommandSpecs()
{
    QVector<Core::ProgramSpec> specs;
    for (const Subcommand &sub : subcommands()) {
        Core::ProgramSpec spec = CommandSpecs::find(sub.name);
        spec.summary = sub.summary;
        specs.append(spec);
    }
    return specs;
}

int printUsage(QTextStream &out)
{
    out << Core::HelpWriter::write(CommandSpecs::program(), subcommandSpecs());
    return int(ExitCode::Usage);
}

} // namespace

int runSubcommand(const QStringList &arguments)
{
    QTextStream err(stderr);
    if (arguments.size() < 2)
        return printUsage(err);
    const QString name = arguments.at(1);
    if (name == QLatin1String("--version")) {
        QTextStream(stdout) << "bittern " << QCoreApplication::applicationVersion() << '\n';
        return int(ExitCode::Success);
    }
    if (name == QLatin1String("--man")) { // hidden: writes bittern.1 at build time
        QTextStream(stdout) << Core::ManPageWriter::write(
                CommandSpecs::program(), subcommandSpecs(), QCoreApplication::applicationVersion());
        return int(ExitCode::Success);
    }
    if (name == QLatin1String("--help") || name == QLatin1String("help")) {
        QTextStream out(stdout);
        printUsage(out);
        return int(ExitCode::Success);
    }
    for (const Subcommand &sub : subcommands()) {
        if (sub.name == name)
            return sub.run(arguments.mid(1));
    }
    err << "bittern: unknown subcommand '" << name << "'\n";
    return printUsage(err);
}

} // namespace Bridge
