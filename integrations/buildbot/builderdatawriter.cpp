// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrations/buildbot/builderdatawriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace Buildbot {

namespace {

QJsonObject environmentObject(const EnvironmentEntries &entries)
{
    QJsonObject object;
    for (const auto &entry : entries)
        object.insert(entry.first, entry.second);
    return object;
}

QString typeName(BuilderStep::Type type)
{
    switch (type) {
    case BuilderStep::Type::Shell:
        return QStringLiteral("shell");
    case BuilderStep::Type::Agent:
        return QStringLiteral("agent");
    case BuilderStep::Type::Fail:
        return QStringLiteral("fail");
    }
    return QString();
}

QString onErrorText(Core::OnError onError)
{
    switch (onError) {
    case Core::OnError::Continue:
        return QStringLiteral("continue");
    case Core::OnError::Ignore:
        return QStringLiteral("ignore");
    case Core::OnError::Fail:
    case Core::OnError::Invalid:
        break;
    }
    return QStringLiteral("fail");
}

QJsonObject stepObject(const BuilderStep &step, const QString &name)
{
    QJsonObject object{{QStringLiteral("name"), name},
                       {QStringLiteral("bittenStep"), step.bittenStep},
                       {QStringLiteral("description"), step.description},
                       {QStringLiteral("type"), typeName(step.type)},
                       {QStringLiteral("onerror"), onErrorText(step.onError)},
                       {QStringLiteral("flags"), BuilderDataWriter::onErrorFlags(step.onError)}};
    if (step.type == BuilderStep::Type::Fail) {
        object.insert(QStringLiteral("message"), step.message);
        return object;
    }
    object.insert(QStringLiteral("command"),
                  QJsonArray{QStringLiteral("sh"), QStringLiteral("-c"), step.script});
    if (step.type == BuilderStep::Type::Agent) {
        object.insert(QStringLiteral("reportDir"), step.reportDir);
        object.insert(QStringLiteral("reports"), QJsonArray::fromStringList(step.reports));
    }
    return object;
}

QJsonObject builderObject(const Builder &builder)
{
    QJsonArray rules;
    for (const PlatformRule &rule : builder.rules)
        rules.append(QJsonObject{{QStringLiteral("property"), rule.property},
                                 {QStringLiteral("pattern"), rule.pattern}});
    return QJsonObject{{QStringLiteral("name"), builder.name},
                       {QStringLiteral("platform"), builder.platform},
                       {QStringLiteral("rules"), rules},
                       {QStringLiteral("env"), environmentObject(builder.environment)}};
}

} // namespace

QJsonObject BuilderDataWriter::onErrorFlags(Core::OnError onError)
{
    const bool ignore = onError == Core::OnError::Ignore;
    const bool halt = onError == Core::OnError::Fail || onError == Core::OnError::Invalid;
    return QJsonObject{{QStringLiteral("haltOnFailure"), halt},
                       {QStringLiteral("flunkOnFailure"), !ignore},
                       {QStringLiteral("warnOnFailure"), false},
                       {QStringLiteral("warnOnWarnings"), !ignore}};
}

QStringList BuilderDataWriter::stepNames(const QVector<BuilderStep> &steps)
{
    QStringList names;
    QSet<QString> used;
    for (const BuilderStep &step : steps) {
        QString name = step.bittenStep.left(maxStepNameLength);
        for (int n = 2; used.contains(name); ++n) {
            const QString suffix = QLatin1Char('_') + QString::number(n);
            name = step.bittenStep.left(maxStepNameLength - suffix.size()) + suffix;
        }
        used.insert(name);
        names += name;
    }
    return names;
}

QByteArray BuilderDataWriter::write(const BuilderData &data)
{
    QJsonArray builders;
    for (const Builder &builder : data.builders)
        builders.append(builderObject(builder));
    QJsonArray steps;
    const QStringList names = stepNames(data.steps);
    for (int i = 0; i < data.steps.size(); ++i)
        steps.append(stepObject(data.steps.at(i), names.at(i)));
    const QJsonObject root{{QStringLiteral("schema"), QStringLiteral("bittern.buildbot/1")},
                           {QStringLiteral("configuration"), data.configuration},
                           {QStringLiteral("label"), data.label},
                           {QStringLiteral("description"), data.description},
                           {QStringLiteral("path"), data.path},
                           {QStringLiteral("recipe"),
                            QJsonObject{{QStringLiteral("file"), data.recipeFile},
                                        {QStringLiteral("text"), data.recipeText}}},
                           {QStringLiteral("env"), environmentObject(data.environment)},
                           {QStringLiteral("builders"), builders},
                           {QStringLiteral("steps"), steps}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace Buildbot
