// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>

#include "core/result.h"
#include "integrations/jenkins/client.h"

namespace Bridge {

/**
 * Where `bittern push|run --ci jenkins+…` gets its Jenkins user and API token (or password):
 * the file named by --credentials or BITTERN_JENKINS_CREDENTIALS (lines user=, token= or
 * password=; refused unless only its owner may read it, i.e. mode 0600 or 0400), else the
 * environment (BITTERN_JENKINS_USER with BITTERN_JENKINS_TOKEN or BITTERN_JENKINS_PASSWORD).
 * Never from the command line, and no message ever contains a secret.
 */
class JenkinsCredentials
{
public:
    static QString userVariable() { return QStringLiteral("BITTERN_JENKINS_USER"); }
    static QString tokenVariable() { return QStringLiteral("BITTERN_JENKINS_TOKEN"); }
    static QString passwordVariable() { return QStringLiteral("BITTERN_JENKINS_PASSWORD"); }
    static QString fileVariable() { return QStringLiteral("BITTERN_JENKINS_CREDENTIALS"); }

    /// The whole lookup: @p file (from --credentials), else the environment's file, else
    /// the environment's variables.
    static Core::Result<Jenkins::Credentials> load(const QString &file,
                                                   const QProcessEnvironment &environment);
    /// Pure: the variables of @p environment.
    static Core::Result<Jenkins::Credentials>
    fromEnvironment(const QProcessEnvironment &environment);
    /// Pure: the text of a credentials file (@p path only names it in messages).
    static Core::Result<Jenkins::Credentials> parseFile(const QByteArray &text,
                                                        const QString &path);
    /// Pure: whether a file with these st_mode permission bits may hold secrets.
    static Core::Result<void> checkMode(unsigned mode, const QString &path);

private:
    static Core::Result<Jenkins::Credentials> readFile(const QString &path);
};

} // namespace Bridge
