// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrations/jenkins/jobconfigwriter.h"

#include <QXmlStreamWriter>

namespace Jenkins {

namespace {

/// Drops what XML 1.0 cannot carry (control characters, non-characters, lone surrogates), so a
/// description from a database always gives a well-formed file.
QString xmlSafe(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const ushort u = c.unicode();
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out += c;
            out += text.at(++i);
        } else if ((u >= 0x20 && !c.isSurrogate() && u != 0xFFFE && u != 0xFFFF) || u == '\t'
                   || u == '\n' || u == '\r') {
            out += c;
        }
    }
    return out;
}

void writeParameters(QXmlStreamWriter &xml, const QVector<StringParameter> &parameters)
{
    xml.writeStartElement(QStringLiteral("properties"));
    if (!parameters.isEmpty()) {
        xml.writeStartElement(QStringLiteral("hudson.model.ParametersDefinitionProperty"));
        xml.writeStartElement(QStringLiteral("parameterDefinitions"));
        for (const StringParameter &parameter : parameters) {
            xml.writeStartElement(QStringLiteral("hudson.model.StringParameterDefinition"));
            xml.writeTextElement(QStringLiteral("name"), xmlSafe(parameter.name));
            xml.writeTextElement(QStringLiteral("description"), xmlSafe(parameter.description));
            xml.writeTextElement(QStringLiteral("defaultValue"), xmlSafe(parameter.defaultValue));
            xml.writeTextElement(QStringLiteral("trim"), QStringLiteral("true"));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }
    xml.writeEndElement();
}

} // namespace

QByteArray JobConfigWriter::write(const JobConfig &config)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("flow-definition"));
    xml.writeAttribute(QStringLiteral("plugin"), QStringLiteral("workflow-job"));
    xml.writeTextElement(QStringLiteral("description"), xmlSafe(config.description));
    xml.writeTextElement(QStringLiteral("keepDependencies"), QStringLiteral("false"));
    writeParameters(xml, config.parameters);
    xml.writeStartElement(QStringLiteral("definition"));
    xml.writeAttribute(QStringLiteral("class"),
                       QStringLiteral("org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition"));
    xml.writeAttribute(QStringLiteral("plugin"), QStringLiteral("workflow-cps"));
    xml.writeTextElement(QStringLiteral("script"), xmlSafe(config.script));
    xml.writeTextElement(QStringLiteral("sandbox"), QStringLiteral("true"));
    xml.writeEndElement();
    xml.writeEmptyElement(QStringLiteral("triggers"));
    xml.writeTextElement(QStringLiteral("disabled"), QStringLiteral("false"));
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

} // namespace Jenkins
