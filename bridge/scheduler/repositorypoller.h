// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

#include "bridge/scheduler/buildqueue.h"
#include "core/result.h"

namespace Bridge {

/// The version control systems whose history the poller lists through their command lines.
enum class RepositoryKind {
    Git,
    Subversion,
    Mercurial,
};

/// A repository to poll: "git:/srv/repo", "svn:https://svn.example/repo", "hg:/srv/repo".
struct RepositoryLocation
{
    RepositoryKind kind = RepositoryKind::Git;
    QString url;

    static Core::Result<RepositoryLocation> parse(const QString &text);
};

/**
 * Lists the history of a configuration's path, youngest first, for queue population
 * (bitten-spec §7.2) with git, svn or hg. The command lines and the parsing of their output
 * are pure; history() is the thin QProcess shell (synchronous, bounded by a timeout). Moves
 * and copies are not followed (svn --stop-on-copy; git and hg list the path as named).
 */
class RepositoryPoller
{
public:
    /// Program and arguments listing at most @p limit revisions of @p path.
    static QStringList command(const RepositoryLocation &repository, const QString &path,
                               int limit);
    /// Parses the command's output; entries carry @p path.
    static Core::Result<QVector<RevisionEntry>> parse(RepositoryKind kind, const QByteArray &output,
                                                      const QString &path);
    /// Runs the command; a missing tool or a failing command is an error naming both.
    static Core::Result<QVector<RevisionEntry>> history(const RepositoryLocation &repository,
                                                        const QString &path, int limit,
                                                        int timeoutMs = 60000);

private:
    static Core::Result<QVector<RevisionEntry>> parseSvn(const QByteArray &xml,
                                                         const QString &path);
};

} // namespace Bridge
