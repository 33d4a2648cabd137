// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstring>
#include <memory>

#include <QByteArray>
#include <QString>

class QIODevice;

namespace Agent {

/**
 * A byte buffer in front of a file descriptor or a QIODevice for the agent's hot output paths
 * (step log, live log, result.xml): text is appended as UTF-8 without a temporary per line,
 * and the buffer is written out in large blocks, when it is full or when flush() is called.
 */
class OutputBuffer
{
public:
    static constexpr qint64 defaultCapacity = 256 * 1024;

    /// Writes to @p fd (not owned).
    explicit OutputBuffer(int fd, qint64 capacity = defaultCapacity);
    /// Writes to @p device (not owned).
    explicit OutputBuffer(QIODevice *device, qint64 capacity = defaultCapacity);
    ~OutputBuffer();
    Q_DISABLE_COPY_MOVE(OutputBuffer)

    void append(char c)
    {
        if (m_size == m_capacity)
            flush();
        m_data[m_size++] = c;
    }
    void append(const char *data, qint64 size)
    {
        if (m_size + size > m_capacity)
            flush();
        if (size > m_capacity) {
            writeOut(data, size);
            return;
        }
        std::memcpy(m_data.get() + m_size, data, size_t(size));
        m_size += size;
    }
    void append(const QByteArray &bytes) { append(bytes.constData(), bytes.size()); }
    /// Appends @p text as UTF-8.
    void appendText(const QString &text);
    /// Writes the buffer out; false when the target refused some of it.
    bool flush();
    bool hasFailed() const { return m_failed; }
    /// How many bytes were appended so far (written out or still buffered).
    qint64 position() const { return m_handedOver + m_size; }

private:
    void writeOut(const char *data, qint64 size);

    int m_fd = -1;
    QIODevice *m_device = nullptr;
    qint64 m_capacity;
    qint64 m_size = 0;
    qint64 m_handedOver = 0; ///< bytes passed to writeOut()
    std::unique_ptr<char[]> m_data;
    bool m_failed = false;
};

} // namespace Agent
