// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QVector>

namespace Jenkins {

/// A string build parameter of a job.
struct StringParameter
{
    QString name;
    QString description;
    QString defaultValue;
};

/// What goes into a Pipeline job's config.xml.
struct JobConfig
{
    QString description;
    QVector<StringParameter> parameters;
    QString script; ///< the Jenkinsfile, already Groovy-safe
};

/**
 * Writes the config.xml of a Pipeline job (jenkins-contract.md §2.7): flow-definition with
 * the parameters, the script inline in a CpsFlowDefinition and the sandbox on. Text is
 * XML-escaped here (`&`, `<`, `>`; characters XML 1.0 cannot carry are dropped); the script
 * must come from JenkinsfileWriter.
 */
class JobConfigWriter
{
public:
    static QByteArray write(const JobConfig &config);
};

} // namespace Jenkins
