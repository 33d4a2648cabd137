// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/pylintparser.h"

#include <QRegularExpression>

#include "core/toolsupport.h"

namespace Core {

namespace {

QString category(QChar letter)
{
    switch (letter.unicode()) {
    case 'C':
        return QStringLiteral("convention");
    case 'R':
        return QStringLiteral("refactor");
    case 'W':
        return QStringLiteral("warning");
    case 'E':
        return QStringLiteral("error");
    default: // F (fatal) and anything else: no category
        return QString();
    }
}

ReportItem problem(const QRegularExpressionMatch &match, const QString &basedir)
{
    const QString type = match.captured(QStringLiteral("type"));
    QString file = match.captured(QStringLiteral("file"));
    if (file.startsWith(QLatin1Char('/')) && file.startsWith(basedir))
        file = file.mid(basedir.size() + 1);
    file.replace(QLatin1Char('\\'), QLatin1Char('/'));
    ReportItem item = ToolSupport::item(QStringLiteral("problem"));
    const QString cat = category(type.at(0));
    if (!cat.isNull())
        item.set(QStringLiteral("category"), cat);
    if (type.size() > 1) // the message id replaces type="problem" on the master
        item.set(QStringLiteral("type"), type);
    const QString tag = match.captured(QStringLiteral("tag"));
    if (!tag.isEmpty()) // absent in the old form, empty for module-level modern messages
        item.set(QStringLiteral("tag"), tag);
    const QString symbol = match.captured(QStringLiteral("symbol"));
    if (!symbol.isEmpty()) // modern form only
        item.set(QStringLiteral("symbol"), symbol);
    item.set(QStringLiteral("line"),
             ToolSupport::digitsString(match.captured(QStringLiteral("line"))));
    item.set(QStringLiteral("file"), file);
    item.set(QStringLiteral("msg"), match.captured(QStringLiteral("msg")));
    return item;
}

} // namespace

Result<ToolReport> PylintParser::parse(const Result<QByteArray> &input, const QString &basedir)
{
    // Python 2's \w without re.UNICODE is [A-Za-z0-9_].
    static const QRegularExpression messageRe(
            QStringLiteral("^(?<file>.+):(?<line>\\d+): \\[(?<type>[A-Z]\\d*)"
                           "(?:, (?<tag>[A-Za-z0-9_.]+))?\\] (?<msg>.*)$"));
    // Current pylint (2.x): "[W0612(unused-variable), obj]", obj empty at module level.
    static const QRegularExpression modernRe(
            QStringLiteral("^(?<file>.+):(?<line>\\d+): \\[(?<type>[A-Z]\\d*)"
                           "\\((?<symbol>[A-Za-z0-9_-]+)\\), (?<tag>[A-Za-z0-9_.]*)\\] "
                           "(?<msg>.*)$"));
    ToolReport out;
    if (!input) {
        out.localWarnings.append(QStringLiteral("Error opening pylint results file (%1)")
                                         .arg(input.error().message));
        return out;
    }
    const QString base = ToolSupport::normPath(basedir);
    out.report.category = QStringLiteral("lint");
    const QStringList lines = ToolSupport::lines(input.value());
    for (const QString &line : lines) {
        const QString text = ToolSupport::chopNewline(line);
        QRegularExpressionMatch match = messageRe.match(text);
        if (!match.hasMatch())
            match = modernRe.match(text);
        if (match.hasMatch())
            out.report.items.append(problem(match, base));
    }
    out.hasReport = true;
    return out;
}

} // namespace Core
