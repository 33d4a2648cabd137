// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/subcommands.h"

#include <functional>

#include <QCoreApplication>
#include <QTextStream>

#include "bridge/buildcommand.h"
#include "bridge/cicommand.h"
#include "bridge/importcommand.h"
#include "bridge/servecommand.h"
#include "bridge/statuscommand.h"
#include "bridge/validatecommand.h"
#include "bridge/whycommand.h"
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
            {QStringLiteral("import"),
             QStringLiteral("a Trac environment's Bitten history (trac) or recipe files (recipes)"),
             &runImport},
            {QStringLiteral("build"),
             QStringLiteral("queue a build of a configuration at a revision"), &runBuild},
            {QStringLiteral("status"), QStringLiteral("recent builds, or one build with its steps"),
             &runStatus},
    };
}

int printUsage(QTextStream &out)
{
    out << "usage: bittern SUBCOMMAND [OPTIONS]...\n\nsubcommands:\n";
    for (const Subcommand &sub : subcommands())
        out << "  " << sub.name.leftJustified(12) << sub.summary << '\n';
    out << "\nRun 'bittern SUBCOMMAND --help' for the options of one subcommand.\n";
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
