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
    // One pass: the text is narrowed into the buffer while checking that it is ASCII (the loop
    // vectorises); only when it is not are the narrowed bytes dropped and toUtf8() used.
    const qint64 size = text.size();
    if (size <= m_capacity) {
        if (m_size + size > m_capacity)
            flush();
        const ushort *in = reinterpret_cast<const ushort *>(text.constData());
        char *out = m_data.get() + m_size;
        ushort seen = 0;
        for (qint64 i = 0; i < size; ++i) {
            seen |= in[i];
            out[i] = char(in[i]);
        }
        if (seen < 0x80) {
            m_size += size;
            return;
        }
    }
    append(text.toUtf8());
}

void OutputBuffer::writeOut(const char *data, qint64 size)
{
    m_handedOver += size;
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
