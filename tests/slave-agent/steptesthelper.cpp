// SPDX-License-Identifier: GPL-3.0-or-later
#include "steptesthelper.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QTest>

#include "core/recipereader.h"
#include "core/stepresultreader.h"
#include "slave-agent/commandregistry.h"
#include "slave-agent/posixprocesslauncher.h"

namespace AgentTest {

QString namespaces()
{
    return " xmlns:sh=\"http://bitten.edgewall.org/tools/sh\""
           " xmlns:c=\"http://bitten.edgewall.org/tools/c\""
           " xmlns:svn=\"http://bitten.edgewall.org/tools/svn\""
           " xmlns:hg=\"http://bitten.edgewall.org/tools/hg\""
           " xmlns:x=\"http://example.org/unknown\"";
}

Core::Recipe recipe(const QString &body, const QString &rootAttributes)
{
    const QString xml = "<build" + namespaces() + " " + rootAttributes + ">" + body + "</build>";
    auto read = Core::RecipeReader("test.xml").read(xml.toUtf8());
    if (!read) {
        qWarning("%s", qPrintable(read.error().toString()));
        return {};
    }
    return read.value();
}

StepOutput runStep(const QString &body, const QString &basedir,
                   const QHash<QString, QString> &properties)
{
    StepOutput output;
    const Core::Recipe parsed = recipe(body);
    if (parsed.steps.isEmpty())
        return output;
    Agent::CommandRegistry registry = Agent::CommandRegistry::builtin();
    Agent::PosixProcessLauncher launcher(nullptr, 300);
    Core::Interpolator::Context variables;
    variables.properties = properties;
    variables.buildVariables.insert("basedir", basedir);
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &key : environment.keys())
        variables.environment.insert(key, environment.value(key));
    Agent::StepRunner runner(registry, launcher, variables, QDir(basedir).canonicalPath());
    auto run = runner.run(parsed.steps.first(), QDir(basedir).filePath("../result.xml"),
                          QDir(basedir).filePath("../step.log"));
    if (!run) {
        qWarning("%s", qPrintable(run.error().message));
        return output;
    }
    output.run = run.value();
    QFile file(output.run.resultFile);
    if (file.open(QIODevice::ReadOnly))
        output.resultXml = file.readAll();
    auto result = Core::StepResultReader::read(output.resultXml);
    if (!result) {
        qWarning("%s", qPrintable(result.error().message));
        return output;
    }
    output.result = result.value();
    for (const Core::StepError &error : output.result.errors)
        output.errors << error.message;
    for (const Core::StepLog &log : output.result.logs) {
        for (const Core::LogMessage &message : log.messages)
            output.logLines << message.level + ": " + message.text;
    }
    return output;
}

} // namespace AgentTest
