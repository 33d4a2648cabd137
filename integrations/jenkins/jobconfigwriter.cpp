// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrations/jenkins/jobconfigwriter.h"

namespace Jenkins {

namespace {

/// Element text for XML 1.0: `&`, `<`, `>` escaped; what XML 1.0 cannot carry (control
/// characters, non-characters, lone surrogates) dropped, so a description from a database
/// always gives a well-formed file. One pass: the script can be large.
void appendText(QString &out, const QString &text)
{
    const QChar *data = text.constData();
    const int size = text.size();
    int run = 0; // start of the characters not yet copied
    for (int i = 0; i < size; ++i) {
        const ushort u = data[i].unicode();
        if ((u >= 0x20 && u < 0xD800 && u != '&' && u != '<' && u != '>') || u == '\n' || u == '\t'
            || u == '\r')
            continue;
        if (data[i].isHighSurrogate() && i + 1 < size && data[i + 1].isLowSurrogate()) {
            ++i;
            continue;
        }
        if (u >= 0xE000 && u != 0xFFFE && u != 0xFFFF)
            continue;
        out.append(data + run, i - run);
        run = i + 1;
        if (u == '&')
            out += QLatin1String("&amp;");
        else if (u == '<')
            out += QLatin1String("&lt;");
        else if (u == '>')
            out += QLatin1String("&gt;");
    }
    out.append(data + run, size - run);
}

void element(QString &out, int depth, const QString &name, const QString &text)
{
    out += QString(depth * 2, QLatin1Char(' ')) + QLatin1Char('<') + name + QLatin1Char('>');
    appendText(out, text);
    out += QLatin1String("</") + name + QLatin1String(">\n");
}

void writeParameters(QString &out, const QVector<StringParameter> &parameters)
{
    if (parameters.isEmpty()) {
        out += QLatin1String("  <properties/>\n");
        return;
    }
    out += QLatin1String("  <properties>\n"
                         "    <hudson.model.ParametersDefinitionProperty>\n"
                         "      <parameterDefinitions>\n");
    for (const StringParameter &parameter : parameters) {
        out += QLatin1String("        <hudson.model.StringParameterDefinition>\n");
        element(out, 5, QStringLiteral("name"), parameter.name);
        element(out, 5, QStringLiteral("description"), parameter.description);
        element(out, 5, QStringLiteral("defaultValue"), parameter.defaultValue);
        element(out, 5, QStringLiteral("trim"), QStringLiteral("true"));
        out += QLatin1String("        </hudson.model.StringParameterDefinition>\n");
    }
    out += QLatin1String("      </parameterDefinitions>\n"
                         "    </hudson.model.ParametersDefinitionProperty>\n"
                         "  </properties>\n");
}

} // namespace

QByteArray JobConfigWriter::write(const JobConfig &config)
{
    QString out;
    out.reserve(config.script.size() + config.script.size() / 16 + 2048);
    out += QLatin1String("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<flow-definition plugin=\"workflow-job\">\n");
    element(out, 1, QStringLiteral("description"), config.description);
    element(out, 1, QStringLiteral("keepDependencies"), QStringLiteral("false"));
    writeParameters(out, config.parameters);
    out += QLatin1String(
            "  <definition class=\"org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition\" "
            "plugin=\"workflow-cps\">\n");
    element(out, 2, QStringLiteral("script"), config.script);
    element(out, 2, QStringLiteral("sandbox"), QStringLiteral("true"));
    out += QLatin1String("  </definition>\n"
                         "  <triggers/>\n");
    element(out, 1, QStringLiteral("disabled"), QStringLiteral("false"));
    out += QLatin1String("</flow-definition>\n");
    return out.toUtf8();
}

} // namespace Jenkins
