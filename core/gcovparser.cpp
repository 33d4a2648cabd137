// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/gcovparser.h"

#include <utility>

#include <QRegularExpression>

#include "core/toolsupport.h"

namespace Core {

namespace {

void warn(QVector<LogMessage> &log, const QString &text)
{
    log.append(ToolSupport::message(QStringLiteral("warning"), text));
}

QString fileName(const QString &path)
{
    return path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
}

QString stdoutLine(QString line)
{
    // CommandLine: right-stripped (Python's ASCII whitespace), then NUL bytes removed.
    int end = line.size();
    while (end > 0 && QStringView(u" \t\n\r\v\f").contains(line.at(end - 1)))
        --end;
    line.truncate(end);
    return line.remove(QChar(0));
}

// Returns false when the file should be skipped (a warning was logged).
bool checkMissing(const GcovParser::SourceRun &run, const GcovParser::ObjectPaths &paths,
                  QVector<LogMessage> &log)
{
    switch (run.missing) {
    case GcovParser::Missing::Nothing:
        return true;
    case GcovParser::Missing::Object:
        warn(log,
             QStringLiteral("No object file found for %1 at %2").arg(run.sourceFile, paths.object));
        break;
    case GcovParser::Missing::Gcno:
        warn(log,
             QStringLiteral("No .gcno file found for %1 at %2").arg(run.sourceFile, paths.gcno));
        break;
    case GcovParser::Missing::Gcda:
        warn(log,
             QStringLiteral("No .gcda file found for %1 at %2").arg(run.sourceFile, paths.gcda));
        break;
    }
    return false;
}

ReportItem coverageItem(const QString &sourceFile, const GcovParser::Summary &summary,
                        const QStringList &hits)
{
    ReportItem item = ToolSupport::item(QStringLiteral("coverage"));
    item.set(QStringLiteral("name"), fileName(sourceFile));
    item.set(QStringLiteral("file"), sourceFile);
    item.set(QStringLiteral("lines"), QString::number(summary.lines));
    // Python 2 integer division (ctools has no "from __future__ import division"): 406
    // covered of 888 lines is 45, not round(45.7) = 46 (Bitten's own test expects 45).
    item.set(QStringLiteral("percentage"),
             QString::number(summary.lines ? summary.covered * 100 / summary.lines : 0));
    item.set(QStringLiteral("line_hits"), hits.join(QLatin1Char(' ')));
    return item;
}

} // namespace

GcovParser::ObjectPaths GcovParser::objectPaths(const QString &sourceFile, const Options &options)
{
    const int slash = sourceFile.lastIndexOf(QLatin1Char('/'));
    const QString dir = slash >= 0 ? sourceFile.left(slash) : QString();
    const QString name = sourceFile.mid(slash + 1);
    QString stem = ToolSupport::withoutExtension(name);
    if (options.prefix)
        stem = *options.prefix + QLatin1Char('-') + stem;
    if (options.relative)
        stem = *options.relative + stem;
    ObjectPaths paths;
    paths.object = ToolSupport::joinPath({options.root, dir, stem + QLatin1String(".o")});
    paths.gcno = ToolSupport::joinPath({options.root, dir, stem + QLatin1String(".gcno")});
    paths.gcda = ToolSupport::joinPath({options.root, dir, stem + QLatin1String(".gcda")});
    paths.gcovFile = ToolSupport::resolve(
            options.basedir, ToolSupport::joinPath({options.root, name + QLatin1String(".gcov")}));
    return paths;
}

QStringList GcovParser::gcovArguments(const QString &sourceFile, const Options &options)
{
    return {QStringLiteral("-o"), objectPaths(sourceFile, options).object, sourceFile};
}

GcovParser::Summary GcovParser::parseStdout(const QByteArray &stdoutBytes)
{
    static const QRegularExpression fileRe(QStringLiteral("^File (?:'|`)(?<file>[^']+)'\\s*$"));
    static const QRegularExpression linesRe(
            QStringLiteral("^Lines executed:(?<cov>\\d+\\.\\d+)% of (?<num>\\d+)\\s*$"));
    Summary summary;
    bool skipBlock = false;
    // Only the line right after a File header counts: gcov >= 9 ends with a total "Lines
    // executed" line of its own, which would otherwise be added in a second time.
    bool afterFileHeader = false;
    const QStringList lines = QString::fromUtf8(stdoutBytes.constData(), stdoutBytes.size())
                                      .split(QLatin1Char('\n'));
    for (const QString &raw : lines) {
        const QString line = stdoutLine(raw);
        const bool countable = std::exchange(afterFileHeader, false);
        if (line.isEmpty()) { // a blank line ends a block
            skipBlock = false;
            continue;
        }
        if (skipBlock)
            continue;
        const QRegularExpressionMatch file = fileRe.match(line);
        if (file.hasMatch()) {
            skipBlock = file.captured(QStringLiteral("file")).startsWith(QLatin1Char('/'));
            afterFileHeader = !skipBlock;
            continue;
        }
        const QRegularExpressionMatch counts = linesRe.match(line);
        if (countable && counts.hasMatch()) {
            const double num = counts.captured(QStringLiteral("num")).toDouble();
            const double cov = counts.captured(QStringLiteral("cov")).toDouble();
            summary.covered += qint64(num * cov / 100); // int() truncates
            summary.lines += qint64(num);
        }
    }
    return summary;
}

GcovParser::LineHits GcovParser::lineHits(const QByteArray &gcovFile, const QString &gcovPath)
{
    static const QRegularExpression lineRe(QStringLiteral("([\\d#=-]+)[: ]+(\\d+)"));
    LineHits out;
    out.log.append(
            ToolSupport::message(QStringLiteral("info"),
                                 QStringLiteral("Getting per line coverage of %1").arg(gcovPath)));
    const QStringList lines = ToolSupport::lines(gcovFile);
    for (int index = 0; index < lines.size(); ++index) {
        const QRegularExpressionMatch match
                = lineRe.match(ToolSupport::chopNewline(lines.at(index)));
        if (!match.hasMatch()) {
            // The message keeps the line's newline, as Bitten's does.
            warn(out.log,
                 QStringLiteral("Could not parse line %1 in %2: %3")
                         .arg(index)
                         .arg(gcovPath, lines.at(index)));
            out.hits.append(QStringLiteral("???"));
            continue;
        }
        const QString count = match.captured(1);
        const QString number = match.captured(2);
        if (number.count(QLatin1Char('0')) == number.size()) // line number 0: header lines
            continue;
        if (count == QLatin1String("#####") || count == QLatin1String("====="))
            out.hits.append(QStringLiteral("0"));
        else
            out.hits.append(count);
    }
    return out;
}

Result<ToolReport> GcovParser::report(const QVector<SourceRun> &runs, const Options &options)
{
    ToolReport out;
    out.report.category = QStringLiteral("coverage");
    out.hasReport = true;
    out.hasLog = true;
    for (const SourceRun &run : runs) {
        out.log.append(ToolSupport::message(
                QStringLiteral("info"),
                QStringLiteral("Getting coverage info for %1").arg(run.sourceFile)));
        const ObjectPaths paths = objectPaths(run.sourceFile, options);
        if (!checkMissing(run, paths, out.log))
            continue;
        if (run.gcovExitCode != 0)
            continue;
        QStringList hits;
        if (run.gcovFile) {
            LineHits parsed = lineHits(run.gcovFile.value(), paths.gcovFile);
            hits = parsed.hits;
            out.log += parsed.log;
        } else if (run.gcovFile.error().code == ErrorCode::NotFound) {
            warn(out.log,
                 QStringLiteral("No .gcov file found for %1 at %2")
                         .arg(run.sourceFile, paths.gcovFile));
        } else { // Bitten: the IOError escapes the command
            return ToolSupport::internalError(
                    QStringLiteral("Could not read %1: %2")
                            .arg(paths.gcovFile, run.gcovFile.error().message));
        }
        out.report.items.append(coverageItem(run.sourceFile, parseStdout(run.gcovStdout), hits));
    }
    return out;
}

} // namespace Core
