// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by jenkinsstandin.cpp and jenkinsstandinroutes.cpp (not a public API).

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QXmlStreamReader>

#include "tests/testlib/testdata.h"

namespace TestLib::JenkinsStandinDetail {

inline const QString contextPath = QStringLiteral("/jenkins/");
inline const QByteArray crumbField = "Jenkins-Crumb";
inline const QByteArray sessionCookie = "JSESSIONID.5ea1c0de";
inline const QByteArray noCrumb = "No valid crumb was included in the request";
inline const QByteArray jenkinsVersion
        = "2.516.3"; // what the stand-in claims to be; not a tested Jenkins

inline QPair<QByteArray, QByteArray> header(const char *name, const QByteArray &value)
{
    return {QByteArray(name), value};
}

inline QJsonObject fixture(const QString &name)
{
    return QJsonDocument::fromJson(
                   readFile(sharedPath(QStringLiteral("fixtures/jenkins/api/") + name)))
            .object();
}

inline QJsonArray parameterValues(const QList<QPair<QString, QString>> &parameters)
{
    QJsonArray values;
    for (const auto &[name, value] : parameters)
        values.append(QJsonObject{
                {QStringLiteral("_class"), QStringLiteral("hudson.model.StringParameterValue")},
                {QStringLiteral("name"), name},
                {QStringLiteral("value"), value}});
    return values;
}

/// Replaces the ParametersAction of a recorded actions[] (or adds one).
inline QJsonArray withParameters(QJsonArray actions,
                                 const QList<QPair<QString, QString>> &parameters)
{
    for (int i = actions.size() - 1; i >= 0; --i) {
        if (actions.at(i).toObject().contains(QStringLiteral("parameters")))
            actions.removeAt(i);
    }
    actions.append(
            QJsonObject{{QStringLiteral("_class"), QStringLiteral("hudson.model.ParametersAction")},
                        {QStringLiteral("parameters"), parameterValues(parameters)}});
    return actions;
}

inline QList<QPair<QString, QString>> parseQuery(const QByteArray &query)
{
    QList<QPair<QString, QString>> items;
    const QList<QByteArray> pairs = query.split('&');
    for (QByteArray pair : pairs) {
        if (pair.isEmpty())
            continue;
        pair.replace('+', ' '); // servlet decoding: '+' is a space
        const int equals = pair.indexOf('=');
        const QByteArray key = equals < 0 ? pair : pair.left(equals);
        const QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        items.append({QString::fromUtf8(QByteArray::fromPercentEncoding(key)),
                      QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
    }
    return items;
}

inline QString queryValue(const QList<QPair<QString, QString>> &query, const QString &key)
{
    for (const auto &[name, value] : query) {
        if (name == key)
            return value;
    }
    return {};
}

/// Header values are ISO-8859-1 on the wire: Jetty turns other characters into '?'.
inline QByteArray latin1Header(const QString &text)
{
    QByteArray out;
    for (const QChar c : text)
        out += c.unicode() < 0x100 ? char(c.unicode()) : '?';
    return out;
}

inline QByteArray htmlPage(int status, const QByteArray &reason)
{
    return "<html>\n<head>\n<meta http-equiv=\"Content-Type\" "
           "content=\"text/html;charset=utf-8\"/>\n"
           "<title>Error "
            + QByteArray::number(status) + ' ' + reason + "</title>\n</head>\n<body><h2>HTTP ERROR "
            + QByteArray::number(status) + "</h2>\n<p>" + reason + "</p>\n</body>\n</html>\n";
}

/// The root element and parameter names of a config.xml; empty root when not well-formed.
inline QPair<QString, QStringList> inspectConfig(const QByteArray &xml)
{
    // Jenkins writes XML 1.1 declarations, which QXmlStreamReader refuses; the content is the same.
    QByteArray copy = xml;
    copy.replace("<?xml version='1.1'", "<?xml version='1.0'")
            .replace("<?xml version=\"1.1\"", "<?xml version=\"1.0\"");
    QXmlStreamReader reader(copy);
    QStringList stack;
    QStringList parameters;
    QString root;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isEndElement())
            stack.removeLast();
        if (!reader.isStartElement())
            continue;
        const QString name = reader.name().toString();
        if (root.isEmpty())
            root = name;
        if (name == QLatin1String("name") && !stack.isEmpty()
            && stack.constLast().endsWith(QLatin1String("ParameterDefinition"))) {
            parameters.append(reader.readElementText());
            continue;
        }
        stack.append(name);
    }
    return {reader.hasError() ? QString() : root, parameters};
}

inline QString jobClass(const QString &rootElement)
{
    if (rootElement == QLatin1String("flow-definition"))
        return QStringLiteral("org.jenkinsci.plugins.workflow.job.WorkflowJob");
    if (rootElement == QLatin1String("project"))
        return QStringLiteral("hudson.model.FreeStyleProject");
    if (rootElement == QLatin1String("com.cloudbees.hudson.plugins.folder.Folder"))
        return QStringLiteral("com.cloudbees.hudson.plugins.folder.Folder");
    if (rootElement == QLatin1String("matrix-project"))
        return QStringLiteral("hudson.matrix.MatrixProject");
    return {};
}

inline QString jobUrlPath(const QString &fullName)
{
    QString path;
    const QStringList segments = fullName.split(QLatin1Char('/'));
    for (const QString &segment : segments)
        path += QLatin1String("job/") + QString::fromLatin1(QUrl::toPercentEncoding(segment))
                + QLatin1Char('/');
    return path;
}

} // namespace TestLib::JenkinsStandinDetail
