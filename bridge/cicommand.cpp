// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/cicommand.h"

#include <QTextStream>

#include "bridge/buildbotpush.h"
#include "bridge/buildbotrun.h"
#include "bridge/cioptions.h"
#include "bridge/jenkinsbackend.h"
#include "bridge/subcommands.h"

namespace Bridge {

namespace {

/// Parses, then hands the options to the backend of the --ci URL's scheme.
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
    const bool push = options.action == CiOptions::Action::Push;
    if (options.server == CiOptions::Server::Jenkins) {
        JenkinsBackend jenkins;
        return int(push ? jenkins.push(options, out, err) : jenkins.run(options, out, err));
    }
    return push ? BuildbotPush::run(options, out, err) : BuildbotRun::run(options, out, err);
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
