// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/jenkinscredentials.h"

#include <sys/stat.h>

#include <QFile>

namespace Bridge {

namespace {

Core::Error invalid(const QString &message)
{
    return Core::makeError(Core::ErrorCode::InvalidInput, message);
}

Jenkins::Credentials credentials(const QString &user, const QString &token, const QString &password)
{
    if (!token.isEmpty())
        return {user, token, Jenkins::Credentials::Kind::ApiToken};
    return {user, password, Jenkins::Credentials::Kind::Password};
}

} // namespace

Core::Result<Jenkins::Credentials> JenkinsCredentials::load(const QString &file,
                                                            const QProcessEnvironment &environment)
{
    if (!file.isEmpty())
        return readFile(file);
    const QString fromEnvironment = environment.value(fileVariable());
    if (!fromEnvironment.isEmpty())
        return readFile(fromEnvironment);
    return JenkinsCredentials::fromEnvironment(environment);
}

Core::Result<Jenkins::Credentials>
JenkinsCredentials::fromEnvironment(const QProcessEnvironment &environment)
{
    const QString user = environment.value(userVariable());
    const QString token = environment.value(tokenVariable());
    const QString password = environment.value(passwordVariable());
    if (user.isEmpty() && token.isEmpty() && password.isEmpty())
        return invalid(QStringLiteral(
                "No Jenkins credentials: set BITTERN_JENKINS_USER and BITTERN_JENKINS_TOKEN (or "
                "BITTERN_JENKINS_PASSWORD), or name a file readable only by you (mode 0600) with "
                "--credentials or BITTERN_JENKINS_CREDENTIALS."));
    if (!token.isEmpty() && !password.isEmpty())
        return invalid(QStringLiteral("Both BITTERN_JENKINS_TOKEN and BITTERN_JENKINS_PASSWORD "
                                      "are set; set only one."));
    if (user.isEmpty())
        return invalid(QStringLiteral("%1 is set but BITTERN_JENKINS_USER is not.")
                               .arg(token.isEmpty() ? passwordVariable() : tokenVariable()));
    if (token.isEmpty() && password.isEmpty())
        return invalid(QStringLiteral("BITTERN_JENKINS_USER is set but neither "
                                      "BITTERN_JENKINS_TOKEN nor BITTERN_JENKINS_PASSWORD is."));
    return credentials(user, token, password);
}

Core::Result<Jenkins::Credentials> JenkinsCredentials::parseFile(const QByteArray &text,
                                                                 const QString &path)
{
    QString user, token, password;
    const QList<QByteArray> lines = text.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines.at(i)).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const int equals = line.indexOf(QLatin1Char('='));
        // Never quote the line: it may hold the secret.
        if (equals <= 0)
            return invalid(QStringLiteral("Jenkins credentials file %1, line %2: expected "
                                          "KEY=VALUE.")
                                   .arg(path)
                                   .arg(i + 1));
        const QString key = line.left(equals).trimmed().toLower();
        const QString value = line.mid(equals + 1).trimmed();
        if (key == QLatin1String("user"))
            user = value;
        else if (key == QLatin1String("token"))
            token = value;
        else if (key == QLatin1String("password"))
            password = value;
        else
            return invalid(QStringLiteral("Jenkins credentials file %1, line %2: unknown key "
                                          "'%3' (use user, token or password).")
                                   .arg(path)
                                   .arg(i + 1)
                                   .arg(key));
    }
    if (user.isEmpty())
        return invalid(QStringLiteral("Jenkins credentials file %1 has no user= line.").arg(path));
    if (!token.isEmpty() && !password.isEmpty())
        return invalid(QStringLiteral("Jenkins credentials file %1 has both token= and "
                                      "password=; keep only one.")
                               .arg(path));
    if (token.isEmpty() && password.isEmpty())
        return invalid(QStringLiteral("Jenkins credentials file %1 has neither token= nor "
                                      "password=.")
                               .arg(path));
    return credentials(user, token, password);
}

Core::Result<void> JenkinsCredentials::checkMode(unsigned mode, const QString &path)
{
    if ((mode & 077U) == 0)
        return {};
    return invalid(
            QStringLiteral("Refusing to read Jenkins credentials from %1: its permissions "
                           "are %2, but only its owner may read it (chmod 600 %1).")
                    .arg(path, QStringLiteral("0%1").arg(mode & 0777U, 3, 8, QLatin1Char('0'))));
}

Core::Result<Jenkins::Credentials> JenkinsCredentials::readFile(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0 || !S_ISREG(info.st_mode))
        return Core::makeError(Core::ErrorCode::ReadFailed,
                               QStringLiteral("Could not read Jenkins credentials file %1: it "
                                              "does not exist or is not a regular file.")
                                       .arg(path));
    if (Core::Result<void> mode = checkMode(info.st_mode, path); !mode)
        return mode.error();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Core::makeError(Core::ErrorCode::ReadFailed,
                               QStringLiteral("Could not read Jenkins credentials file %1: %2")
                                       .arg(path, file.errorString()));
    return parseFile(file.readAll(), path);
}

} // namespace Bridge
