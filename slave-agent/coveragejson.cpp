// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/coveragejson.h"

#include <algorithm>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Agent {

namespace {

QVector<int> lineList(const QJsonValue &value)
{
    QVector<int> lines;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &entry : array) {
        // coverage.py lists line 0 as executed for an empty module.
        if (entry.toInt() > 0) {
            lines.append(entry.toInt());
        }
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

} // namespace

Core::Result<CoverageJson> CoverageJson::parse(const QByteArray &data)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (document.isNull()) {
        return Core::makeError(Core::ErrorCode::ParseFailed,
                               QStringLiteral("The coverage.py JSON report is not valid JSON: %1.")
                                       .arg(parseError.errorString()));
    }
    const QJsonValue files = document.object().value(QStringLiteral("files"));
    if (!files.isObject()) {
        return Core::makeError(
                Core::ErrorCode::InvalidInput,
                QStringLiteral("The coverage.py JSON report has no \"files\" object."));
    }
    CoverageJson result;
    const QJsonObject fileObject = files.toObject();
    for (auto it = fileObject.constBegin(); it != fileObject.constEnd(); ++it) {
        const QJsonObject entry = it.value().toObject();
        File file;
        file.path = it.key();
        file.executedLines = lineList(entry.value(QStringLiteral("executed_lines")));
        file.missingLines = lineList(entry.value(QStringLiteral("missing_lines")));
        file.excludedLines = lineList(entry.value(QStringLiteral("excluded_lines")));
        file.statements = entry.value(QStringLiteral("summary"))
                                  .toObject()
                                  .value(QStringLiteral("num_statements"))
                                  .toInt(file.executedLines.size() + file.missingLines.size());
        result.m_files.append(file);
    }
    return result;
}

QString CoverageJson::moduleName(const QString &relativePath)
{
    QString name = relativePath;
    if (name.endsWith(QLatin1String(".py"))) {
        name.chop(3);
    }
    name.replace(QLatin1Char('/'), QLatin1Char('.'));
    if (name == QLatin1String("__init__")) {
        return name;
    }
    if (name.endsWith(QLatin1String(".__init__"))) {
        name.chop(9);
    }
    return name;
}

QString CoverageJson::ranges(const QVector<int> &lines)
{
    QStringList parts;
    for (int i = 0; i < lines.size();) {
        int j = i;
        while (j + 1 < lines.size() && lines.at(j + 1) == lines.at(j) + 1) {
            ++j;
        }
        parts.append(i == j ? QString::number(lines.at(i))
                            : QStringLiteral("%1-%2").arg(lines.at(i)).arg(lines.at(j)));
        i = j + 1;
    }
    return parts.join(QLatin1String(", "));
}

QByteArray CoverageJson::summary(const QStringList &modules, const QStringList &absolutePaths) const
{
    int width = 4;
    for (const QString &module : modules) {
        width = qMax(width, int(module.size()));
    }
    QString text = QStringLiteral("Name").leftJustified(width)
            + QStringLiteral(" Stmts   Exec  Cover   Missing\n");
    text += QString(width + 30, QLatin1Char('-')) + QLatin1Char('\n');
    for (int i = 0; i < m_files.size(); ++i) {
        const File &file = m_files.at(i);
        const int executed = file.statements - int(file.missingLines.size());
        // coverage.py 2 truncated the percentage; an empty module counts as fully covered.
        const int percent = file.statements > 0 ? executed * 100 / file.statements : 100;
        QString line = QStringLiteral("%1 %2 %3 %4%")
                               .arg(modules.value(i).leftJustified(width))
                               .arg(file.statements, 5)
                               .arg(executed, 6)
                               .arg(percent, 5);
        const QString missing = ranges(file.missingLines);
        line += QStringLiteral("   ")
                + (missing.isEmpty() ? QString() : missing + QLatin1Char(' '));
        text += line + absolutePaths.value(i) + QLatin1Char('\n');
    }
    return text.toUtf8();
}

QByteArray CoverageJson::annotate(const File &file, const QByteArray &source)
{
    if (source.isEmpty()) {
        return QByteArray();
    }
    QList<QByteArray> lines = source.split('\n');
    if (source.endsWith('\n')) {
        lines.removeLast();
    }
    QByteArray result;
    for (int i = 0; i < lines.size(); ++i) {
        const int number = i + 1;
        if (std::binary_search(file.executedLines.cbegin(), file.executedLines.cend(), number)) {
            result += "> ";
        } else if (std::binary_search(file.missingLines.cbegin(), file.missingLines.cend(),
                                      number)) {
            result += "! ";
        } else if (std::binary_search(file.excludedLines.cbegin(), file.excludedLines.cend(),
                                      number)) {
            result += "- ";
        } else {
            result += "  ";
        }
        result += lines.at(i) + '\n';
    }
    return result;
}

} // namespace Agent
