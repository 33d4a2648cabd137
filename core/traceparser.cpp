// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/traceparser.h"

#include <cmath>

#include <QRegularExpression>
#include <QSet>

#include "core/pythonloccounter.h"
#include "core/toolsupport.h"

namespace Core {

namespace {

QString openFailed(const QString &message)
{
    return QStringLiteral("Error opening coverage summary file (%1)").arg(message);
}

// Bitten's handle_file(): percentage, lines and (with a .cover file) line_hits.
void addCoverage(ReportItem &item, const QByteArray &source, const QByteArray *cover)
{
    static const QRegularExpression coverLineRe(QStringLiteral("^\\s*(?:(\\d+): )?"));
    const QSet<int> codeLines = PythonLocCounter::codeLines(source);
    qint64 covered = 0;
    QStringList hits;
    if (cover) {
        QString previous = QStringLiteral("0");
        const QStringList lines = ToolSupport::lines(*cover);
        for (int index = 0; index < lines.size(); ++index) {
            const QString count = coverLineRe.match(lines.at(index)).captured(1);
            if (!count.isEmpty()) { // executed (or "0")
                covered += count != QLatin1String("0") ? 1 : 0;
                previous = count;
            } else if (lines.at(index).startsWith(QLatin1Char('>'))) { // ">>>>>>": not covered
                previous = QStringLiteral("0");
            } else if (!codeLines.contains(index)) { // not code
                hits.append(QStringLiteral("-"));
                previous = QStringLiteral("0");
                continue;
            } else { // a code line trace.py did not flag: continues the previous statement
                covered += previous != QLatin1String("0") ? 1 : 0;
            }
            hits.append(previous);
        }
    }
    const qint64 lines
            = hits.isEmpty() ? codeLines.size() : hits.size() - hits.count(QStringLiteral("-"));
    const qint64 percentage = lines ? qint64(std::round(double(covered * 100) / double(lines))) : 0;
    item.set(QStringLiteral("percentage"), QString::number(percentage));
    item.set(QStringLiteral("lines"), QString::number(lines));
    if (cover)
        item.set(QStringLiteral("line_hits"), hits.join(QLatin1Char(' ')));
}

struct Run
{
    const TraceParser::Options &options;
    const FileReader &read;
    QString basedir;
    QStringList missingFiles;
    QSet<QString> coveredModules;
    ToolReport out;
};

// Returns false when Bitten's IOError ends the command (a local warning, no report).
Result<bool> addSummaryModule(const QString &module, const QString &file, Run &run)
{
    if (!run.missingFiles.removeOne(file)) // Bitten: list.remove raises ValueError
        return ToolSupport::internalError(
                QStringLiteral("python:trace summary lists %1 twice or it is not a .py file.")
                        .arg(file));
    run.coveredModules.insert(module);
    const Result<QByteArray> source = run.read(ToolSupport::resolve(run.basedir, file));
    if (!source) {
        run.out.localWarnings.append(openFailed(source.error().message));
        return false;
    }
    const QString coverPath = ToolSupport::resolve(
            run.basedir,
            ToolSupport::joinPath({run.options.coverdir, module + QLatin1String(".cover")}));
    const Result<QByteArray> cover = run.read(coverPath);
    if (!cover && cover.error().code != ErrorCode::NotFound) {
        run.out.localWarnings.append(openFailed(cover.error().message));
        return false;
    }
    if (!cover)
        run.out.localWarnings.append(
                QStringLiteral("No coverage file for module %1 at %2").arg(module, coverPath));
    ReportItem item = ToolSupport::item(QStringLiteral("coverage"));
    item.set(QStringLiteral("name"), module);
    item.set(QStringLiteral("file"), file);
    addCoverage(item, source.value(), cover ? &cover.value() : nullptr);
    run.out.report.items.append(item);
    return true;
}

// FileSet .py files absent from the summary: percentage 0 and their code-line count.
bool addMissingFiles(Run &run)
{
    for (const QString &file : qAsConst(run.missingFiles)) {
        const QString module
                = ToolSupport::withoutExtension(file).replace(QLatin1Char('/'), QLatin1Char('.'));
        if (run.coveredModules.contains(module))
            continue;
        run.coveredModules.insert(module);
        const Result<QByteArray> source = run.read(ToolSupport::resolve(run.basedir, file));
        if (!source) {
            run.out.localWarnings.append(openFailed(source.error().message));
            return false;
        }
        ReportItem item = ToolSupport::item(QStringLiteral("coverage"));
        item.set(QStringLiteral("name"), module);
        item.set(QStringLiteral("file"), file);
        item.set(QStringLiteral("percentage"), QStringLiteral("0"));
        addCoverage(item, source.value(), nullptr);
        run.out.report.items.append(item);
    }
    return true;
}

ToolReport withoutReport(const ToolReport &out)
{
    ToolReport failed;
    failed.localWarnings = out.localWarnings;
    return failed;
}

} // namespace

Result<ToolReport> TraceParser::parse(const Result<QByteArray> &summary, const Options &options,
                                      const FileReader &read)
{
    static const QRegularExpression summaryRe(
            QStringLiteral("^\\s*(\\d+)\\s+(\\d+)%\\s+(.*?)\\s+\\((.*?)\\)"));
    Run run{options, read, ToolSupport::normPath(options.basedir), {}, {}, {}};
    if (!summary) {
        run.out.localWarnings.append(openFailed(summary.error().message));
        return run.out;
    }
    run.missingFiles = ToolSupport::pythonFiles(options.fileset);
    run.out.report.category = QStringLiteral("coverage");
    const QStringList lines = ToolSupport::lines(summary.value());
    for (const QString &line : lines) {
        const QRegularExpressionMatch match = summaryRe.match(ToolSupport::chopNewline(line));
        if (!match.hasMatch())
            continue;
        const QString file
                = ToolSupport::filesetMember(run.basedir, match.captured(4), run.options.fileset);
        if (file.isNull())
            continue;
        const Result<bool> added = addSummaryModule(match.captured(3), file, run);
        if (!added)
            return added.error();
        if (!added.value())
            return withoutReport(run.out);
    }
    if (!addMissingFiles(run))
        return withoutReport(run.out);
    run.out.hasReport = true;
    return run.out;
}

} // namespace Core
