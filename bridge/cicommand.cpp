// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/cicommand.h"

#include <QTextStream>

#include "bridge/buildbotpush.h"
#include "bridge/buildbotrun.h"
#include "bridge/cioptions.h"
#include "bridge/subcommands.h"

namespace Bridge {

namespace {

/// Parses, then hands the options to the client of the URL's server kind.
int dispatch(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto parsed = CiOptions::parse(arguments, qEnvironmentVariable("BITTERN_CI_USER"),
                                         qEnvironmentVariable("BITTERN_CI_PASSWORD"));
    if (!parsed) {
        err << parsed.error().message << '\n';
        return int(ExitCode::Usage);
    }
    const CiOptions &options = parsed.value();
    if (options.help) {
        out << CiOptions::helpText(options.action);
        return int(ExitCode::Success);
    }
    if (options.server == CiOptions::Server::Jenkins) {
        // The Jenkins client (integrations/jenkins) has no push/run driver yet; one plugs in here.
        err << "bittern " << arguments.value(0)
            << ": --ci jenkins+… is not supported yet; use 'bittern translate --to jenkins' "
               "and create the jobs with the Jenkins client.\n";
        return int(ExitCode::Usage);
    }
    if (options.action == CiOptions::Action::Push)
        return BuildbotPush::run(options, out, err);
    return BuildbotRun::run(options, out, err);
}

} // namespace

int runPush(const QStringList &arguments)
{
    return dispatch(arguments);
}

int runRun(const QStringList &arguments)
{
    return dispatch(arguments);
}

} // namespace Bridge
