// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrations/buildbot/builderdatawriter.h"

#include <QSet>

namespace Buildbot {

namespace {

/// A small streaming JSON writer: data files can be large and many, and QJsonDocument builds
/// a tree first. Output is indented with two spaces, keys in the order written.
class JsonWriter
{
public:
    QByteArray take() { return m_out.toUtf8(); }

    void beginObject() { open(QLatin1Char('{')); }
    void endObject() { close(QLatin1Char('}')); }
    void beginArray() { open(QLatin1Char('[')); }
    void endArray() { close(QLatin1Char(']')); }
    void key(const QString &name)
    {
        separate();
        string(name);
        m_out += QLatin1String(": ");
        m_afterKey = true;
    }
    void value(const QString &text)
    {
        separate();
        string(text);
    }
    void value(bool flag)
    {
        separate();
        m_out += flag ? QLatin1String("true") : QLatin1String("false");
    }
    void member(const QString &name, const QString &text)
    {
        key(name);
        value(text);
    }
    void member(const QString &name, bool flag)
    {
        key(name);
        value(flag);
    }

private:
    void open(QChar bracket)
    {
        separate();
        m_out += bracket;
        m_first = true;
        ++m_depth;
    }
    void close(QChar bracket)
    {
        --m_depth;
        if (!m_first)
            newline();
        m_out += bracket;
        m_first = false;
    }
    void separate()
    {
        if (m_afterKey) {
            m_afterKey = false;
            return;
        }
        if (!m_first)
            m_out += QLatin1Char(',');
        if (m_depth > 0)
            newline();
        m_first = false;
    }
    void newline()
    {
        m_out += QLatin1Char('\n');
        m_out += QString(m_depth * 2, QLatin1Char(' '));
    }
    /// RFC 8259 string: quote, backslash and control characters escaped.
    void string(const QString &text)
    {
        m_out += QLatin1Char('"');
        const QChar *data = text.constData();
        int run = 0;
        for (int i = 0; i < text.size(); ++i) {
            const ushort u = data[i].unicode();
            if (u >= 0x20 && u != '"' && u != '\\')
                continue;
            m_out.append(data + run, i - run);
            run = i + 1;
            if (u == '"' || u == '\\') {
                m_out += QLatin1Char('\\');
                m_out += QChar(u);
            } else if (u == '\n') {
                m_out += QLatin1String("\\n");
            } else if (u == '\t') {
                m_out += QLatin1String("\\t");
            } else if (u == '\r') {
                m_out += QLatin1String("\\r");
            } else {
                m_out += QLatin1String("\\u00") + QString::number(u >> 4, 16)
                        + QString::number(u & 0xf, 16);
            }
        }
        m_out.append(data + run, text.size() - run);
        m_out += QLatin1Char('"');
    }

    QString m_out;
    int m_depth = 0;
    bool m_first = true;
    bool m_afterKey = false;
};

void writeEnvironment(JsonWriter &json, const EnvironmentEntries &entries)
{
    json.key(QStringLiteral("env"));
    json.beginObject();
    for (const auto &entry : entries)
        json.member(entry.first, entry.second);
    json.endObject();
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

void writeStep(JsonWriter &json, const BuilderStep &step, const QString &name)
{
    json.beginObject();
    json.member(QStringLiteral("name"), name);
    json.member(QStringLiteral("bittenStep"), step.bittenStep);
    json.member(QStringLiteral("description"), step.description);
    json.member(QStringLiteral("type"), typeName(step.type));
    json.member(QStringLiteral("onerror"), onErrorText(step.onError));
    json.key(QStringLiteral("flags"));
    json.beginObject();
    const QJsonObject flags = BuilderDataWriter::onErrorFlags(step.onError);
    for (const QString &flag : {QStringLiteral("haltOnFailure"), QStringLiteral("flunkOnFailure"),
                                QStringLiteral("warnOnFailure"), QStringLiteral("warnOnWarnings")})
        json.member(flag, flags.value(flag).toBool());
    json.endObject();
    if (step.type == BuilderStep::Type::Fail) {
        json.member(QStringLiteral("message"), step.message);
    } else {
        json.key(QStringLiteral("command"));
        json.beginArray();
        json.value(QStringLiteral("sh"));
        json.value(QStringLiteral("-c"));
        json.value(step.script);
        json.endArray();
    }
    if (step.type == BuilderStep::Type::Agent) {
        json.member(QStringLiteral("reportDir"), step.reportDir);
        json.key(QStringLiteral("reports"));
        json.beginArray();
        for (const QString &kind : step.reports)
            json.value(kind);
        json.endArray();
    }
    json.endObject();
}

void writeBuilder(JsonWriter &json, const Builder &builder)
{
    json.beginObject();
    json.member(QStringLiteral("name"), builder.name);
    json.member(QStringLiteral("platform"), builder.platform);
    json.key(QStringLiteral("rules"));
    json.beginArray();
    for (const PlatformRule &rule : builder.rules) {
        json.beginObject();
        json.member(QStringLiteral("property"), rule.property);
        json.member(QStringLiteral("pattern"), rule.pattern);
        json.endObject();
    }
    json.endArray();
    writeEnvironment(json, builder.environment);
    json.endObject();
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
    JsonWriter json;
    json.beginObject();
    json.member(QStringLiteral("schema"), QStringLiteral("bittern.buildbot/1"));
    json.member(QStringLiteral("configuration"), data.configuration);
    json.member(QStringLiteral("label"), data.label);
    json.member(QStringLiteral("description"), data.description);
    json.member(QStringLiteral("path"), data.path);
    json.key(QStringLiteral("recipe"));
    json.beginObject();
    json.member(QStringLiteral("file"), data.recipeFile);
    json.member(QStringLiteral("text"), data.recipeText);
    json.endObject();
    writeEnvironment(json, data.environment);
    json.key(QStringLiteral("builders"));
    json.beginArray();
    for (const Builder &builder : data.builders)
        writeBuilder(json, builder);
    json.endArray();
    json.key(QStringLiteral("steps"));
    json.beginArray();
    const QStringList names = stepNames(data.steps);
    for (int i = 0; i < data.steps.size(); ++i)
        writeStep(json, data.steps.at(i), names.at(i));
    json.endArray();
    json.endObject();
    return json.take() + '\n';
}

} // namespace Buildbot
