// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include "core/result.h"
#include "integrations/jenkins/jenkinsfilewriter.h"
#include "integrations/jenkins/jobconfigwriter.h"
#include "recipe-translator/plan.h"

namespace Translator {

/// The two files of a translated Jenkins job.
struct JenkinsJob
{
    QString jenkinsfile;
    QByteArray configXml;
};

/**
 * Turns a plan into Jenkins' input types and writes them with the Jenkins emitters: one
 * parallel stage per target platform (a first step checks rules no label expresses), the
 * recipe written to the node when a step runs the agent, REVISION and BITTERN_REQUEST_ID as
 * job parameters.
 */
class JenkinsExport
{
public:
    static Jenkins::Pipeline pipeline(const ConfigurationPlan &plan);
    static Jenkins::JobConfig jobConfig(const ConfigurationPlan &plan, const QString &script);
    /// @p library "NAME[@VERSION]": the Jenkinsfile uses the shared library (empty: it does not).
    static Core::Result<JenkinsJob> write(const ConfigurationPlan &plan,
                                          const QString &library = QString());
};

} // namespace Translator
