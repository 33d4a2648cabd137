// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/commandsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include "core/fileset.h"
#include "core/shellsplitter.h"

namespace Agent {

namespace {

bool hasMagic(const QString &component)
{
    return component.contains(QLatin1Char('*')) || component.contains(QLatin1Char('?'))
            || component.contains(QLatin1Char('['));
}

QStringList expandComponent(const QStringList &bases, const QString &component)
{
    QStringList result;
    if (!hasMagic(component)) {
        for (const QString &base : bases) {
            result.append(base + QLatin1Char('/') + component);
        }
        return result;
    }
    const QRegularExpression pattern(QRegularExpression::anchoredPattern(
            QRegularExpression::wildcardToRegularExpression(component)));
    const bool matchHidden = component.startsWith(QLatin1Char('.'));
    for (const QString &base : bases) {
        QStringList names = QDir(base.isEmpty() ? QStringLiteral("/") : base)
                                    .entryList(QDir::AllEntries | QDir::Hidden | QDir::System
                                               | QDir::NoDotAndDotDot);
        names.sort();
        for (const QString &name : qAsConst(names)) {
            if ((matchHidden || !name.startsWith(QLatin1Char('.')))
                && pattern.match(name).hasMatch()) {
                result.append(base + QLatin1Char('/') + name);
            }
        }
    }
    return result;
}

void walk(const QString &root, const QString &relative, QStringList &files)
{
    const QDir dir(relative.isEmpty() ? root : root + QLatin1Char('/') + relative);
    const QString prefix = relative.isEmpty() ? QString() : relative + QLatin1Char('/');
    const QDir::Filters filters = QDir::Hidden | QDir::System | QDir::NoDotAndDotDot;
    for (const QString &name : dir.entryList(QDir::Files | filters, QDir::Name)) {
        files.append(prefix + name);
    }
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoSymLinks | filters, QDir::Name)) {
        walk(root, prefix + name, files);
    }
}

} // namespace

Core::Result<QStringList> CommandSupport::fileSet(const StepContext &context,
                                                  const QString &include, const QString &exclude)
{
    const auto set = Core::FileSet::fromAttributes(include, exclude);
    if (!set) {
        return set.error();
    }
    QStringList files;
    walk(context.basedir(), QString(), files);
    return set.value().filter(files);
}

QString CommandSupport::resolve(const StepContext &context, const QString &path)
{
    if (QDir::isAbsolutePath(path)) {
        return QDir::cleanPath(path);
    }
    return QDir::cleanPath(context.basedir() + QLatin1Char('/') + path);
}

QString CommandSupport::relativeToBasedir(const StepContext &context, const QString &path)
{
    const QFileInfo info(path);
    QString real = info.exists() ? info.canonicalFilePath() : QDir::cleanPath(path);
    const QString basedir = context.basedir();
    if (real.startsWith(basedir)) {
        real = real.mid(basedir.size() + 1);
    }
    return QDir::fromNativeSeparators(real);
}

QStringList CommandSupport::glob(const StepContext &context, const QString &pattern)
{
    const QString absolute = resolve(context, pattern);
    const QStringList components = absolute.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QStringList candidates{QString()};
    for (const QString &component : components) {
        candidates = expandComponent(candidates, component);
        if (candidates.isEmpty()) {
            break;
        }
    }
    QStringList result;
    for (const QString &candidate : qAsConst(candidates)) {
        if (QFileInfo::exists(candidate)) {
            result.append(candidate);
        }
    }
    return result;
}

Core::Result<QByteArray> CommandSupport::readFile(const QString &path)
{
    QFile file(path);
    if (!file.exists()) {
        return Core::makeError(
                Core::ErrorCode::NotFound,
                QStringLiteral("[Errno 2] No such file or directory: '%1'").arg(path));
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Core::makeError(Core::ErrorCode::ReadFailed,
                               QStringLiteral("%1: '%2'").arg(file.errorString(), path));
    }
    return file.readAll();
}

Core::Result<QStringList> CommandSupport::splitArguments(const QString &text)
{
    return Core::ShellSplitter::split(text);
}

QString CommandSupport::pythonInterpreter(const StepContext &context)
{
    const QString path = context.property(QStringLiteral("python.path"));
    if (!path.isEmpty() && QFileInfo(path).isFile()) {
        return path;
    }
    return QStringLiteral("python3");
}

Core::Error CommandSupport::missingAttribute(const QString &name)
{
    return Core::makeError(Core::ErrorCode::InvalidInput,
                           QStringLiteral("Missing required attribute \"%1\".").arg(name));
}

qint64 CommandSupport::failedTests(const Core::Report &report)
{
    qint64 failed = 0;
    for (const Core::ReportItem &item : report.items) {
        const QString status = item.value(QStringLiteral("status"));
        if (status == QLatin1String("failure") || status == QLatin1String("error")) {
            ++failed;
        }
    }
    return failed;
}

Core::Result<void> CommandSupport::apply(StepContext &context, const QString &generator,
                                         const Core::Result<Core::ToolReport> &result)
{
    if (!result) {
        return result.error();
    }
    const Core::ToolReport &tool = result.value();
    for (const Core::LogMessage &message : tool.log) {
        context.log(generator, message.level, message.text);
    }
    for (const QString &error : tool.errors) {
        context.error(generator, error);
    }
    if (tool.hasReport) {
        Core::Report report = tool.report;
        report.generator = generator;
        context.report(report);
    }
    for (const QString &warning : tool.localWarnings) {
        context.localWarning(warning);
    }
    return {};
}

bool CommandSupport::recordAbnormalEnd(StepContext &context, const QString &generator,
                                       const ProcessSpec &spec, const ProcessOutcome &outcome)
{
    switch (outcome.status) {
    case ProcessOutcome::Status::Exited:
        return false;
    case ProcessOutcome::Status::TimedOut:
        context.error(generator, QStringLiteral("Command %1 timed out").arg(spec.program));
        return true;
    case ProcessOutcome::Status::Cancelled:
        // The same texts as ShTools, which the other commands share.
        context.error(generator,
                      QStringLiteral("Command %1 was stopped: the agent was asked "
                                     "to stop.")
                              .arg(spec.program));
        return true;
    case ProcessOutcome::Status::FailedToStart:
        context.error(generator, outcome.errorString);
        return true;
    }
    return false;
}

} // namespace Agent
