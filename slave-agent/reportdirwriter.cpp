// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/reportdirwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <KTar>

#include "core/coberturawriter.h"
#include "core/issuesjsonwriter.h"
#include "core/junitwriter.h"
#include "slave-agent/shtools.h"

namespace Agent {

namespace {

Core::Error writeError(const QString &path, const QString &cause)
{
    return Core::makeError(Core::ErrorCode::WriteFailed,
                           QStringLiteral("Could not write %1: %2.").arg(path, cause));
}

/// Writes a file through @p writeTo. No QSaveFile: its fsync() costs milliseconds per step, and
/// a report directory is rewritten whole by the next run anyway.
Core::Result<void> saveFile(const QString &path,
                            const std::function<Core::Result<void>(QIODevice *)> &writeTo)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return writeError(path, file.errorString());
    if (auto written = writeTo(&file); !written)
        return written.error();
    if (!file.flush())
        return writeError(path, file.errorString());
    return {};
}

bool hasCategory(const Core::StepResult &result, const QString &category)
{
    for (const Core::Report &report : result.reports) {
        if (report.category == category)
            return true;
    }
    return false;
}

/// The name an attachment has inside attachments.tar.gz: resource/base name, as Bitten stores it.
QString archiveName(const Core::StepAttachment &attachment)
{
    return attachment.resource + QLatin1Char('/') + QFileInfo(attachment.filename).fileName();
}

Core::Result<void> writeAttachments(const QString &path, const StepRun &run, const QString &basedir)
{
    KTar tar(path, QStringLiteral("application/x-gzip"));
    if (!tar.open(QIODevice::WriteOnly))
        return writeError(path, tar.errorString());
    for (const Core::StepAttachment &attachment : run.result.attachments) {
        const QString source = ShTools::resolve(basedir, attachment.filename);
        if (!tar.addLocalFile(source, archiveName(attachment))) {
            tar.close();
            return Core::makeError(
                    Core::ErrorCode::ReadFailed,
                    QStringLiteral("Could not attach %1: %2.").arg(source, tar.errorString()));
        }
    }
    if (!tar.close())
        return writeError(path, tar.errorString());
    return {};
}

/// Writes junit.xml, cobertura.xml and issues.json for the categories present.
Core::Result<void> writeToolFiles(const QDir &dir, const StepRun &run, Core::StepSummary &summary)
{
    const Core::StepResult &result = run.result;
    if (hasCategory(result, QStringLiteral("test"))) {
        summary.files.junit = QStringLiteral("junit.xml");
        const Core::Report report = ReportDirWriter::merged(result, QStringLiteral("test"));
        if (auto saved
            = saveFile(dir.filePath(summary.files.junit),
                       [&](QIODevice *device) { return Core::JUnitWriter::write(report, device); });
            !saved)
            return saved;
    }
    if (hasCategory(result, QStringLiteral("coverage"))) {
        summary.files.cobertura = QStringLiteral("cobertura.xml");
        const Core::Report report = ReportDirWriter::merged(result, QStringLiteral("coverage"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (auto saved = saveFile(dir.filePath(summary.files.cobertura),
                                  [&](QIODevice *device) {
                                      return Core::CoberturaWriter::write(report, device, now);
                                  });
            !saved)
            return saved;
    }
    if (hasCategory(result, QStringLiteral("lint"))) {
        summary.files.issues = QStringLiteral("issues.json");
        const Core::Report report = ReportDirWriter::merged(result, QStringLiteral("lint"));
        return saveFile(dir.filePath(summary.files.issues), [&](QIODevice *device) {
            return Core::IssuesJsonWriter::write(report, device);
        });
    }
    return {};
}

} // namespace

Core::Report ReportDirWriter::merged(const Core::StepResult &result, const QString &category)
{
    Core::Report merged;
    merged.category = category;
    for (const Core::Report &report : result.reports) {
        if (report.category != category)
            continue;
        if (merged.generator.isEmpty())
            merged.generator = report.generator;
        merged.items += report.items;
    }
    return merged;
}

Core::Result<Core::StepSummary> ReportDirWriter::write(const QString &directory, const StepRun &run,
                                                       const StepReportInfo &info)
{
    if (!QDir().mkpath(directory))
        return writeError(directory, QStringLiteral("the directory could not be created"));
    const QDir dir(directory);
    Core::StepSummary summary = Core::ReportJson::summarize(run.result);
    summary.onError = info.onError;
    summary.started = info.started;
    summary.finished = info.finished;
    summary.exitReason = info.exitReason;
    summary.files.result = QStringLiteral("result.xml");
    if (QFileInfo(run.logFile).absoluteDir() == QFileInfo(directory).absoluteFilePath())
        summary.files.log = QFileInfo(run.logFile).fileName();
    else
        summary.files.log = run.logFile;
    const QString resultPath = dir.filePath(summary.files.result);
    if (QFileInfo(run.resultFile).absoluteFilePath() != QFileInfo(resultPath).absoluteFilePath()) {
        QFile::remove(resultPath);
        if (!QFile::copy(run.resultFile, resultPath))
            return writeError(resultPath, QStringLiteral("the step result could not be copied"));
    }
    if (auto written = writeToolFiles(dir, run, summary); !written)
        return written.error();
    if (!run.result.attachments.isEmpty()) {
        summary.files.attachments = QStringLiteral("attachments.tar.gz");
        auto archived
                = writeAttachments(dir.filePath(summary.files.attachments), run, info.basedir);
        if (!archived)
            return archived.error();
    }
    const QByteArray json = Core::ReportJson::write(summary);
    if (auto saved = saveFile(dir.filePath(QStringLiteral("report.json")),
                              [&json](QIODevice *device) -> Core::Result<void> {
                                  if (device->write(json) != json.size())
                                      return writeError(QStringLiteral("report.json"),
                                                        device->errorString());
                                  return {};
                              });
        !saved)
        return saved.error();
    return summary;
}

} // namespace Agent
