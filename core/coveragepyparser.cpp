// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/coveragepyparser.h"

#include <QRegularExpression>
#include <QSet>

#include "core/toolsupport.h"

namespace Core {

namespace {

struct Run
{
    const CoveragePyParser::Options &options;
    const FileReader &read;
    QString basedir;
    QStringList missingFiles;
    QSet<QString> coveredModules;
    ToolReport out;
};

// Bitten's handle_file(): line_hits from the annotate file; problems are local info only.
void addLineHits(ReportItem &item, const QString &module, Run &run)
{
    if (run.options.coverdir.isEmpty())
        return;
    QString name = module;
    name.replace(QLatin1Char('.'), QLatin1Char('_'));
    const QString path = ToolSupport::resolve(
            run.basedir,
            ToolSupport::joinPath({run.options.coverdir, name + QLatin1String(".py,cover")}));
    const Result<QByteArray> annotated = run.read(path);
    if (!annotated) {
        run.out.localWarnings.append(
                annotated.error().code == ErrorCode::NotFound
                        ? QStringLiteral("No line by line coverage available for %1").arg(module)
                        : QStringLiteral("Error while processing line by line coverage: %1")
                                  .arg(annotated.error().message));
        return;
    }
    item.set(QStringLiteral("line_hits"), CoveragePyParser::lineHits(annotated.value()));
}

Result<void> addModule(const QRegularExpressionMatch &match, const QString &file, Run &run)
{
    if (!run.missingFiles.removeOne(file)) // Bitten: list.remove raises ValueError
        return ToolSupport::internalError(
                QStringLiteral("python:coverage summary lists %1 twice or it is not a .py file.")
                        .arg(file));
    const QString module = match.captured(1);
    run.coveredModules.insert(module);
    ReportItem item = ToolSupport::item(QStringLiteral("coverage"));
    item.set(QStringLiteral("name"), module);
    item.set(QStringLiteral("file"), file);
    item.set(QStringLiteral("percentage"), ToolSupport::digitsString(match.captured(4)));
    item.set(QStringLiteral("lines"), ToolSupport::digitsString(match.captured(2)));
    addLineHits(item, module, run);
    run.out.report.items.append(item);
    return {};
}

void addMissingFiles(Run &run)
{
    for (const QString &file : qAsConst(run.missingFiles)) {
        const QString module
                = ToolSupport::withoutExtension(file).replace(QLatin1Char('/'), QLatin1Char('.'));
        if (run.coveredModules.contains(module))
            continue;
        run.coveredModules.insert(module);
        ReportItem item = ToolSupport::item(QStringLiteral("coverage"));
        item.set(QStringLiteral("name"), module);
        item.set(QStringLiteral("file"), file);
        item.set(QStringLiteral("percentage"), QStringLiteral("0"));
        run.out.report.items.append(item);
    }
}

} // namespace

QString CoveragePyParser::lineHits(const QByteArray &annotated)
{
    QStringList hits;
    const QStringList lines = ToolSupport::lines(annotated);
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1Char('>')))
            hits.append(QStringLiteral("1"));
        else if (line.startsWith(QLatin1Char('!')))
            hits.append(QStringLiteral("0"));
        else
            hits.append(QStringLiteral("-"));
    }
    return hits.join(QLatin1Char(' '));
}

Result<ToolReport> CoveragePyParser::parse(const Result<QByteArray> &summary,
                                           const Options &options, const FileReader &read)
{
    static const QRegularExpression summaryRe(
            QStringLiteral("^(.*?)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)%\\s+"
                           "(?:((?:\\d+(?:-\\d+)?(?:, )?)*)\\s+)?(.+)$"));
    Run run{options, read, ToolSupport::normPath(options.basedir), {}, {}, {}};
    if (!summary) {
        run.out.localWarnings.append(QStringLiteral("Error opening coverage summary file (%1)")
                                             .arg(summary.error().message));
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
                = ToolSupport::filesetMember(run.basedir, match.captured(6), run.options.fileset);
        if (file.isNull())
            continue;
        const Result<void> added = addModule(match, file, run);
        if (!added)
            return added.error();
    }
    addMissingFiles(run);
    run.out.hasReport = true;
    return run.out;
}

} // namespace Core
