// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/figleafreport.h"

#include <QDir>
#include <QHash>
#include <QSet>

#include "core/pythonloccounter.h"
#include "core/toolsupport.h"
#include "slave-agent/coveragejson.h"

namespace Agent {

namespace {

struct Lines
{
    QSet<int> interesting;
    QSet<int> covered;
};

Core::ReportItem item(const QString &path, const Lines &lines)
{
    QString module = path;
    module.chop(3);
    module.replace(QLatin1Char('/'), QLatin1Char('.'));
    int last = 0;
    for (const int line : lines.interesting) {
        last = qMax(last, line);
    }
    QStringList hits;
    for (int line = 1; line <= last; ++line) {
        hits.append(!lines.interesting.contains(line)      ? QStringLiteral("-")
                            : lines.covered.contains(line) ? QStringLiteral("1")
                                                           : QStringLiteral("0"));
    }
    // Bitten divided by zero for a file without interesting lines; the agent reports 0 %.
    const int percentage = lines.interesting.isEmpty()
            ? 0
            : qRound(double(lines.covered.size()) * 100.0 / double(lines.interesting.size()));
    Core::ReportItem result = Core::ToolSupport::item(QStringLiteral("coverage"));
    result.set(QStringLiteral("name"), module);
    result.set(QStringLiteral("file"), path);
    result.set(QStringLiteral("percentage"), QString::number(percentage));
    result.set(QStringLiteral("lines"), QString::number(lines.interesting.size()));
    result.set(QStringLiteral("line_hits"), hits.join(QLatin1Char(' ')));
    return result;
}

} // namespace

Core::Result<Core::Report> FigleafReport::build(const QByteArray &json, const QString &basedir,
                                                const QStringList &fileset,
                                                const Core::FileReader &read)
{
    const auto coverage = CoverageJson::parse(json);
    if (!coverage) {
        return Core::makeError(
                coverage.error().code,
                QStringLiteral("The figleaf summary is not a coverage.py JSON report: %1")
                        .arg(coverage.error().message));
    }
    QHash<QString, Lines> measured;
    for (const CoverageJson::File &file : coverage.value().files()) {
        Lines lines;
        for (const int line : file.executedLines) {
            lines.interesting.insert(line);
            lines.covered.insert(line);
        }
        for (const int line : file.missingLines) {
            lines.interesting.insert(line);
        }
        measured.insert(Core::ToolSupport::resolve(basedir, file.path), lines);
    }
    Core::Report report;
    report.category = QStringLiteral("coverage");
    for (const QString &path : fileset) {
        if (!path.endsWith(QLatin1String(".py"))) {
            continue;
        }
        const QString absolute = Core::ToolSupport::resolve(basedir, path);
        auto it = measured.constFind(absolute);
        if (it != measured.constEnd()) {
            report.items.append(item(path, it.value()));
            continue;
        }
        Lines lines;
        const auto source = read(absolute);
        if (source) {
            for (const int line : Core::PythonLocCounter::codeLines(source.value())) {
                lines.interesting.insert(line + 1); // the counter is 0-based
            }
        }
        report.items.append(item(path, lines));
    }
    return report;
}

} // namespace Agent
