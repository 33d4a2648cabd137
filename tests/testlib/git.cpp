// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/testlib/git.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace TestLib {

bool runGit(const QString &dir, const QStringList &arguments, qint64 time)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"})
        env.insert(QLatin1String(name), QStringLiteral("Test"));
    for (const char *name : {"GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"})
        env.insert(QLatin1String(name), QStringLiteral("test@example.org"));
    if (time != 0) {
        for (const char *name : {"GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE"})
            env.insert(QLatin1String(name), QStringLiteral("@%1 +0000").arg(time));
    }
    QProcess process;
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(dir);
    process.start(QStringLiteral("git"), arguments);
    return process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit
            && process.exitCode() == 0;
}

} // namespace TestLib
