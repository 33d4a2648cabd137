// SPDX-License-Identifier: GPL-3.0-or-later
#include "recipe-translator/outputwriter.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QFile>

namespace Translator {

OutputWriter::OutputWriter(const QString &directory, SyncMode sync)
    : m_directory(directory),
      m_root(QFile::encodeName(QDir(directory).absolutePath())),
      m_sync(sync)
{
    if (!m_root.endsWith('/'))
        m_root += '/';
}

Core::Error OutputWriter::failure(const QString &file) const
{
    const QString cause = QString::fromLocal8Bit(std::strerror(errno));
    return Core::makeError(
            Core::ErrorCode::WriteFailed,
            QStringLiteral("Could not write %1: %2.").arg(QDir(m_directory).filePath(file), cause));
}

/// Creates DIRECTORY (and its parents) unless this writer made or found it before.
Core::Result<void> OutputWriter::makeDirectory(const QByteArray &directory, const QString &file)
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        if (m_made.contains(directory))
            return {};
    }
    if (::mkdir(directory.constData(), 0777) != 0 && errno != EEXIST
        && !QDir().mkpath(QFile::decodeName(directory)))
        return failure(file);
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_made.insert(directory);
    return {};
}

Core::Result<void> OutputWriter::write(const OutputFile &file)
{
    const QByteArray path = m_root + QFile::encodeName(file.path);
    const int slash = path.lastIndexOf('/');
    if (const Core::Result<void> made = makeDirectory(path.left(slash), file.path); !made)
        return made;
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0)
        return failure(file.path);
    const char *data = file.content.constData();
    qint64 left = file.content.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, data, size_t(left));
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            break;
        data += written;
        left -= written;
    }
    const bool ok = left == 0 && (m_sync == SyncMode::NoSync || ::fsync(fd) == 0);
    const Core::Error error = ok ? Core::Error() : failure(file.path);
    if (::close(fd) != 0 && ok)
        return failure(file.path);
    if (!ok)
        return error;
    return {};
}

} // namespace Translator
