// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/resultspool.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace Agent {

namespace {

const QString suffix = QStringLiteral(".spool");

} // namespace

ResultSpool::ResultSpool(const QString &directory) : m_directory(directory) { }

QStringList ResultSpool::entryFiles() const
{
    return QDir(m_directory).entryList({QStringLiteral("*") + suffix}, QDir::Files, QDir::Name);
}

Core::Result<int> ResultSpool::open()
{
    if (!QDir().mkpath(m_directory)) {
        return Core::makeError(
                Core::ErrorCode::WriteFailed,
                QStringLiteral("Could not create the spool directory %1.").arg(m_directory));
    }
    const QStringList stale = entryFiles();
    for (const QString &file : stale)
        QFile::remove(QDir(m_directory).filePath(file));
    return int(stale.size());
}

Core::Result<void> ResultSpool::append(const QString &url, const QByteArray &contentType,
                                       const QByteArray &body)
{
    const QString path
            = QDir(m_directory)
                      .filePath(QStringLiteral("%1").arg(m_next++, 10, 10, QLatin1Char('0'))
                                + suffix);
    QSaveFile file(path);
    const QByteArray header = url.toUtf8() + '\n' + contentType + '\n';
    if (!file.open(QIODevice::WriteOnly) || file.write(header) != header.size()
        || file.write(body) != body.size() || !file.commit()) {
        return Core::makeError(
                Core::ErrorCode::WriteFailed,
                QStringLiteral("Could not write spool file %1: %2.").arg(path, file.errorString()));
    }
    return {};
}

Core::Result<std::optional<SpoolEntry>> ResultSpool::first() const
{
    const QStringList files = entryFiles();
    if (files.isEmpty())
        return std::optional<SpoolEntry>();
    SpoolEntry entry;
    entry.file = QDir(m_directory).filePath(files.first());
    QFile file(entry.file);
    if (!file.open(QIODevice::ReadOnly)) {
        return Core::makeError(Core::ErrorCode::ReadFailed,
                               QStringLiteral("Could not read spool file %1: %2.")
                                       .arg(entry.file, file.errorString()));
    }
    entry.url = QString::fromUtf8(file.readLine()).trimmed();
    entry.contentType = file.readLine().trimmed();
    entry.body = file.readAll();
    return std::optional<SpoolEntry>(entry);
}

Core::Result<void> ResultSpool::remove(const SpoolEntry &entry)
{
    if (!QFile::remove(entry.file)) {
        return Core::makeError(Core::ErrorCode::WriteFailed,
                               QStringLiteral("Could not remove spool file %1.").arg(entry.file));
    }
    return {};
}

int ResultSpool::size() const
{
    return int(entryFiles().size());
}

} // namespace Agent
