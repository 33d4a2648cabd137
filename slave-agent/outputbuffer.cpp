// SPDX-License-Identifier: GPL-3.0-or-later
#include "slave-agent/outputbuffer.h"

#include <cerrno>

#include <unistd.h>

#include <QIODevice>

namespace Agent {

OutputBuffer::OutputBuffer(int fd, qint64 capacity)
    : m_fd(fd), m_capacity(capacity), m_data(new char[size_t(capacity)])
{ }

OutputBuffer::OutputBuffer(QIODevice *device, qint64 capacity)
    : m_device(device), m_capacity(capacity), m_data(new char[size_t(capacity)])
{ }

OutputBuffer::~OutputBuffer()
{
    flush();
}

void OutputBuffer::appendText(const QString &text)
{
    // ASCII is narrowed in place (both loops vectorise); anything else goes through toUtf8().
    const qint64 size = text.size();
    const ushort *in = reinterpret_cast<const ushort *>(text.constData());
    ushort seen = 0;
    for (qint64 i = 0; i < size; ++i)
        seen |= in[i];
    if (seen >= 0x80 || size > m_capacity) {
        append(text.toUtf8());
        return;
    }
    if (m_size + size > m_capacity)
        flush();
    char *out = m_data.get() + m_size;
    for (qint64 i = 0; i < size; ++i)
        out[i] = char(in[i]);
    m_size += size;
}

void OutputBuffer::writeOut(const char *data, qint64 size)
{
    while (size > 0 && !m_failed) {
        const qint64 written = m_device ? m_device->write(data, size)
                                        : qint64(::write(m_fd, data, size_t(size)));
        if (written < 0 && !m_device && errno == EINTR)
            continue;
        if (written <= 0) {
            m_failed = true;
            break;
        }
        data += written;
        size -= written;
    }
}

bool OutputBuffer::flush()
{
    writeOut(m_data.get(), m_size);
    m_size = 0;
    return !m_failed;
}

} // namespace Agent
