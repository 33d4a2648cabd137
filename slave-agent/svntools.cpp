// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/svntools.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include "core/report.h"
#include "slave-agent/commandregistry.h"
#include "slave-agent/shtools.h"

namespace Agent {

namespace {

/// -r and the credentials, in Bitten's order (0.6: only non-empty credentials are passed).
QStringList commonOptions(const Core::RecipeCommand &command)
{
    QStringList options;
    const QString revision = command.value(QStringLiteral("revision"));
    if (!revision.isEmpty())
        options << QStringLiteral("-r") << revision;
    const QString username = command.value(QStringLiteral("username"));
    if (!username.isEmpty())
        options << QStringLiteral("--username") << username;
    const QString password = command.value(QStringLiteral("password"));
    if (!password.isEmpty())
        options << QStringLiteral("--password") << password;
    if (command.value(QStringLiteral("no_auth_cache"))
                .compare(QLatin1String("true"), Qt::CaseInsensitive)
        == 0)
        options << QStringLiteral("--no-auth-cache");
    return options;
}

Core::Result<QString> requiredUrl(const Core::RecipeCommand &command)
{
    if (!command.hasAttribute(QStringLiteral("url"))) {
        return Core::makeError(Core::ErrorCode::InvalidInput,
                               QStringLiteral("Missing required attribute \"url\"."));
    }
    return command.value(QStringLiteral("url"));
}

/// posixpath.join(url, path) with path's leading '/' stripped or kept.
QString joinUrl(const QString &url, QString path, bool stripLeadingSlash)
{
    if (path.isEmpty())
        return url;
    while (stripLeadingSlash && path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    return Core::joinPosixPath(url, path);
}

void runSvn(StepContext &context, const Core::RecipeCommand &command, const QStringList &arguments,
            const QString &name)
{
    ShExecution execution;
    execution.generator = command.generator();
    execution.file = QStringLiteral("svn");
    execution.arguments = arguments;
    const bool verbose = command.value(QStringLiteral("verbose"), QStringLiteral("false"))
                                 .compare(QLatin1String("false"), Qt::CaseInsensitive)
            != 0;
    if (name == QLatin1String("checkout") && !verbose) {
        execution.skipLine = [](const QString &line) {
            return line.startsWith(QLatin1String("A ")) || line.startsWith(QLatin1String("U "));
        };
    }
    const ShOutcome outcome = ShTools::execute(context, execution);
    if (outcome.exited && outcome.exitCode != 0) {
        context.error(execution.generator,
                      QStringLiteral("svn %1 failed (%2)").arg(name).arg(outcome.exitCode));
    }
}

/// Copies the tree at @p from into @p to; returns the first problem, if any.
QString copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    if (!QDir().mkpath(to))
        return QStringLiteral("Could not create %1.").arg(to);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = to + source.mid(from.size());
        if (it.fileInfo().isDir() && !it.fileInfo().isSymLink()) {
            if (!QDir().mkpath(target))
                return QStringLiteral("Could not create %1.").arg(target);
        } else if (!QFile::exists(target) && !QFile::copy(source, target)) {
            return QStringLiteral("Could not copy %1 to %2.").arg(source, target);
        }
    }
    return QString();
}

} // namespace

Core::Result<QStringList> SvnTools::checkoutArguments(const Core::RecipeCommand &command)
{
    auto url = requiredUrl(command);
    if (!url)
        return url.error();
    return QStringList{QStringLiteral("checkout")} + commonOptions(command)
            + QStringList{joinUrl(url.value(), command.value(QStringLiteral("path")), true),
                          command.value(QStringLiteral("dir"), QStringLiteral("."))};
}

Core::Result<QStringList> SvnTools::exportArguments(const Core::RecipeCommand &command)
{
    auto url = requiredUrl(command);
    if (!url)
        return url.error();
    return QStringList{QStringLiteral("export"), QStringLiteral("--force")} + commonOptions(command)
            + QStringList{joinUrl(url.value(), command.value(QStringLiteral("path")), false),
                          command.value(QStringLiteral("dir"), QStringLiteral("."))};
}

QStringList SvnTools::updateArguments(const Core::RecipeCommand &command)
{
    return QStringList{QStringLiteral("update")} + commonOptions(command)
            + QStringList{command.value(QStringLiteral("dir"), QStringLiteral("."))};
}

Core::Result<void> SvnTools::checkout(StepContext &context, const Core::RecipeCommand &command)
{
    auto arguments = checkoutArguments(command);
    if (!arguments)
        return arguments.error();
    const QString sharedPath = command.value(QStringLiteral("shared_path"));
    if (!sharedPath.isEmpty()) {
        const QString shared = ShTools::resolve(context.basedir(), sharedPath);
        QStringList sharedArguments = arguments.value();
        sharedArguments.last() = shared;
        runSvn(context, command, sharedArguments, QStringLiteral("checkout"));
        const QString dir = ShTools::resolve(
                context.basedir(), command.value(QStringLiteral("dir"), QStringLiteral(".")));
        const QString problem = copyTree(shared, dir);
        if (!problem.isEmpty())
            context.log(command.generator(), QStringLiteral("error"), problem);
    }
    // Bitten still runs the normal checkout after copying the shared one (§4.8, kept).
    runSvn(context, command, arguments.value(), QStringLiteral("checkout"));
    return {};
}

Core::Result<void> SvnTools::exportTree(StepContext &context, const Core::RecipeCommand &command)
{
    auto arguments = exportArguments(command);
    if (!arguments)
        return arguments.error();
    runSvn(context, command, arguments.value(), QStringLiteral("export"));
    return {};
}

Core::Result<void> SvnTools::update(StepContext &context, const Core::RecipeCommand &command)
{
    runSvn(context, command, updateArguments(command), QStringLiteral("update"));
    return {};
}

void SvnTools::registerCommands(CommandRegistry &registry)
{
    registry.add(Core::CommandId::SvnCheckout, &SvnTools::checkout);
    registry.add(Core::CommandId::SvnExport, &SvnTools::exportTree);
    registry.add(Core::CommandId::SvnUpdate, &SvnTools::update);
}

} // namespace Agent
