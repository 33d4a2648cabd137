// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QVector>

#include "bridge/ciinputs.h"
#include "bridge/cioptions.h"
#include "bridge/jenkinspushjob.h"
#include "core/result.h"
#include "integrations/jenkins/client.h"

class QTextStream;

namespace Bridge {

/**
 * `bittern push|run --ci jenkins+http(s)://…`: credentials from JenkinsCredentials, jobs from
 * the translator (one Pipeline job per configuration, in a folder per Trac environment), then
 * JenkinsPushJob or JenkinsRunJob on a Jenkins::Client, waited for in a local event loop.
 * Console lines and the summary go to @c out, progress and errors to @c err. The Jenkins
 * branch of `bittern push|run` (bridge/cicommand.cpp dispatches on the --ci scheme).
 */
class JenkinsBackend
{
public:
    explicit JenkinsBackend(const QProcessEnvironment &environment
                            = QProcessEnvironment::systemEnvironment());

    /// For tests: how often the client polls and how it retries.
    void setTiming(const Jenkins::PollIntervals &intervals, const Jenkins::RetryPolicy &retry);

    /// Pushes the recipes, directories and Trac databases in @c options.configurations.
    ExitCode push(const CiOptions &options, QTextStream &out, QTextStream &err);
    /// Pushes already collected configurations.
    ExitCode push(const CiOptions &options, const QVector<CiConfiguration> &configurations,
                  QTextStream &out, QTextStream &err);
    /// Runs @c options.configurations.first() ("CONFIG" or "FOLDER/CONFIG").
    ExitCode run(const CiOptions &options, QTextStream &out, QTextStream &err);

    /// Pure: translates the configurations into job definitions (errors as messages).
    static QVector<JenkinsJobDefinition>
    jobDefinitions(const CiOptions &options, const QVector<CiConfiguration> &configurations,
                   QStringList &errors);
    /// "env/trunk" with each segment made a valid Jenkins item name.
    static Jenkins::JobPath jobPath(const QString &fullName);

private:
    Core::Result<Jenkins::Credentials> credentials(const CiOptions &options) const;

    QProcessEnvironment m_environment;
    Jenkins::PollIntervals m_intervals;
    Jenkins::RetryPolicy m_retry = Jenkins::Client::defaultRetryPolicy();
};

} // namespace Bridge
