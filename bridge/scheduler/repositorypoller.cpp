// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/scheduler/repositorypoller.h"

#include <QDateTime>
#include <QProcess>
#include <QXmlStreamReader>

namespace Bridge {

namespace {

QString relativePath(const QString &path)
{
    QString relative = path;
    while (relative.startsWith(QLatin1Char('/')))
        relative.remove(0, 1);
    return relative;
}

/// "REVISION<TAB>UNIXTIME[ OFFSET]" lines (git and hg templates).
Core::Result<QVector<RevisionEntry>> parseTabbed(const QByteArray &output, const QString &path)
{
    QVector<RevisionEntry> entries;
    const QList<QByteArray> lines = output.split('\n');
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        const QList<QByteArray> fields = line.trimmed().split('\t');
        bool ok = false;
        const qint64 time = fields.value(1).split(' ').value(0).toLongLong(&ok);
        if (fields.size() != 2 || !ok)
            return Core::makeError(Core::ErrorCode::ParseFailed,
                                   QStringLiteral("Unexpected repository log line \"%1\".")
                                           .arg(QString::fromUtf8(line)));
        entries += RevisionEntry{QString::fromUtf8(fields.at(0)), time, path, false};
    }
    return entries;
}

} // namespace

Core::Result<RepositoryLocation> RepositoryLocation::parse(const QString &text)
{
    const QString scheme = text.section(QLatin1Char(':'), 0, 0);
    const QString url = text.section(QLatin1Char(':'), 1);
    RepositoryLocation location;
    location.url = url;
    if (scheme == QLatin1String("git"))
        location.kind = RepositoryKind::Git;
    else if (scheme == QLatin1String("svn"))
        location.kind = RepositoryKind::Subversion;
    else if (scheme == QLatin1String("hg"))
        location.kind = RepositoryKind::Mercurial;
    if (url.isEmpty()
        || (scheme != QLatin1String("git") && scheme != QLatin1String("svn")
            && scheme != QLatin1String("hg")))
        return Core::makeError(Core::ErrorCode::InvalidArgument,
                               QStringLiteral("The repository \"%1\" is not of the form git:PATH, "
                                              "svn:URL or hg:PATH.")
                                       .arg(text));
    return location;
}

QStringList RepositoryPoller::command(const RepositoryLocation &repository, const QString &path,
                                      int limit)
{
    const QString relative = relativePath(path);
    const QString count = QString::number(limit);
    switch (repository.kind) {
    case RepositoryKind::Git:
        return QStringList{QStringLiteral("git"),
                           QStringLiteral("-C"),
                           repository.url,
                           QStringLiteral("log"),
                           QStringLiteral("--format=%H%x09%ct"),
                           QStringLiteral("-n"),
                           count,
                           QStringLiteral("--")}
        + (relative.isEmpty() ? QStringList() : QStringList{relative});
    case RepositoryKind::Subversion: {
        QString url = repository.url;
        if (!relative.isEmpty())
            url += (url.endsWith(QLatin1Char('/')) ? QString() : QStringLiteral("/")) + relative;
        return {QStringLiteral("svn"),
                QStringLiteral("log"),
                QStringLiteral("--xml"),
                QStringLiteral("--stop-on-copy"),
                QStringLiteral("--non-interactive"),
                QStringLiteral("-l"),
                count,
                url};
    }
    case RepositoryKind::Mercurial:
        return QStringList{
                       QStringLiteral("hg"),         QStringLiteral("log"),
                       QStringLiteral("-R"),         repository.url,
                       QStringLiteral("-l"),         count,
                       QStringLiteral("--template"), QStringLiteral("{node}\\t{date|hgdate}\\n")}
        + (relative.isEmpty() ? QStringList() : QStringList{QStringLiteral("path:") + relative});
    }
    return {};
}

Core::Result<QVector<RevisionEntry>> RepositoryPoller::parseSvn(const QByteArray &xml,
                                                                const QString &path)
{
    QVector<RevisionEntry> entries;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement())
            continue;
        if (reader.name() == QLatin1String("logentry")) {
            const QString revision
                    = reader.attributes().value(QLatin1String("revision")).toString();
            entries += RevisionEntry{revision, 0, path, false};
        } else if (reader.name() == QLatin1String("date") && !entries.isEmpty()) {
            const QDateTime date
                    = QDateTime::fromString(reader.readElementText(), Qt::ISODateWithMs);
            entries.last().time = date.isValid() ? date.toSecsSinceEpoch() : 0;
        }
    }
    if (reader.hasError())
        return Core::makeError(
                Core::ErrorCode::ParseFailed,
                QStringLiteral("Could not read the svn log: %1").arg(reader.errorString()));
    return entries;
}

Core::Result<QVector<RevisionEntry>>
RepositoryPoller::parse(RepositoryKind kind, const QByteArray &output, const QString &path)
{
    if (kind == RepositoryKind::Subversion)
        return parseSvn(output, path);
    return parseTabbed(output, path);
}

Core::Result<QVector<RevisionEntry>> RepositoryPoller::history(const RepositoryLocation &repository,
                                                               const QString &path, int limit,
                                                               int timeoutMs)
{
    const QStringList arguments = command(repository, path, limit);
    QProcess process;
    process.start(arguments.first(), arguments.mid(1));
    const bool finished = process.waitForFinished(timeoutMs);
    if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString cause = !finished || process.error() == QProcess::FailedToStart
                ? process.errorString()
                : QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
        process.kill();
        process.waitForFinished(5000);
        return Core::makeError(Core::ErrorCode::ReadFailed,
                               QStringLiteral("Could not list the history of %1 in %2 with %3: %4")
                                       .arg(path.isEmpty() ? QStringLiteral("/") : path,
                                            repository.url, arguments.first(), cause));
    }
    return parse(repository.kind, process.readAllStandardOutput(), path);
}

} // namespace Bridge
