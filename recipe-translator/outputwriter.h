// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <mutex>

#include <QByteArray>
#include <QSet>
#include <QString>

#include "core/result.h"
#include "recipe-translator/translation.h"

namespace Translator {

/// Whether each written file is flushed to the disk before the command goes on.
enum class SyncMode {
    NoSync, ///< plain writes: the files reach the disk when the kernel writes them back
    Sync, ///< fsync every file (--sync): durable, much slower on many small files
};

/**
 * Writes translated files under one output directory for `bittern translate`: one open, one
 * write and one close per file (no temporary file, no fsync unless SyncMode::Sync), each
 * directory created once. Safe to call from several threads at once.
 */
class OutputWriter
{
public:
    OutputWriter(const QString &directory, SyncMode sync);
    Q_DISABLE_COPY_MOVE(OutputWriter)

    /// Writes FILE (its path relative to the directory); the error names the file and the cause.
    Core::Result<void> write(const OutputFile &file);

private:
    Core::Result<void> makeDirectory(const QByteArray &directory, const QString &file);
    Core::Error failure(const QString &file) const;

    QString m_directory;
    QByteArray m_root; ///< the directory, encoded for the file system, ending in '/'
    SyncMode m_sync = SyncMode::NoSync;
    std::mutex m_mutex;
    QSet<QByteArray> m_made;
};

} // namespace Translator
