// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrations/jenkins/oneshotbody.h"

#include <algorithm>
#include <cstring>

namespace Jenkins {

OneShotBody::OneShotBody(const QByteArray &data, QObject *parent) : QIODevice(parent), m_data(data)
{
    open(QIODevice::ReadOnly);
}

qint64 OneShotBody::bytesAvailable() const
{
    return m_data.size() - m_position + QIODevice::bytesAvailable();
}

qint64 OneShotBody::readData(char *data, qint64 maxSize)
{
    const qint64 count = std::min<qint64>(maxSize, m_data.size() - m_position);
    if (count <= 0)
        return -1;
    std::memcpy(data, m_data.constData() + m_position, size_t(count));
    m_position += count;
    return count;
}

} // namespace Jenkins
