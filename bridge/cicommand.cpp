// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/cicommand.h"

#include <QFile>
#include <QTextStream>

#include "bridge/bridgeconfig.h"
#include "bridge/buildbotpush.h"
#include "bridge/buildbotrun.h"
#include "bridge/cioptions.h"
#include "bridge/jenkinsbackend.h"
#include "bridge/subcommands.h"

namespace Bridge {

namespace {

/// Removes `OPTION VALUE` / `OPTION=VALUE` from @p arguments and returns VALUE (empty: absent).
QString takeOption(QStringList &arguments, const QString &option)
{
    const QString prefix = option + QLatin1Char('=');
    for (int i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == option && i + 1 < arguments.size()) {
            const QString value = arguments.at(i + 1);
            arguments.erase(arguments.begin() + i, arguments.begin() + i + 2);
            return value;
        }
        if (arguments.at(i).startsWith(prefix))
            return arguments.takeAt(i).mid(prefix.size());
    }
    return {};
}

Core::Error usage(const QString &message)
{
    return Core::makeError(Core::ErrorCode::InvalidArgument, message);
}

/// `--ci NAME` (no "://"): the [ci NAME] section of the bridge configuration (--config FILE,
/// default /etc/bittern/bittern.ini) stands for its options, placed first so the user's win.
Core::Result<QStringList> expandCiTarget(QStringList arguments)
{
    QString fileName = takeOption(arguments, QStringLiteral("--config"));
    QStringList rest = arguments;
    const QString ci = takeOption(rest, QStringLiteral("--ci"));
    if (ci.isEmpty() || ci.contains(QLatin1String("://")))
        return arguments;
    if (fileName.isEmpty())
        fileName = BridgeConfig::defaultPath();
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return usage(QStringLiteral("Could not read the configuration file %1 for --ci %2: %3.")
                             .arg(fileName, ci, file.errorString()));
    const BridgeConfigReading reading = BridgeConfig::read(file.readAll());
    if (reading.hasErrors())
        return usage(QStringLiteral("The configuration file %1 has errors; run bittern config "
                                    "check %1.")
                             .arg(fileName));
    const CiTargetConfig *target = reading.config.ciTarget(ci);
    if (!target)
        return usage(QStringLiteral("The configuration file %1 has no section [ci %2].")
                             .arg(fileName, ci));
    return QStringList{rest.first()} + target->arguments(rest.first()) + rest.mid(1);
}

/// Parses, then hands the options to the backend of the --ci URL's scheme.
int dispatch(const QStringList &givenArguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const Core::Result<QStringList> expanded = expandCiTarget(givenArguments);
    if (!expanded) {
        err << expanded.error().message << '\n';
        return int(ExitCode::Usage);
    }
    const QStringList &arguments = expanded.value();
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
